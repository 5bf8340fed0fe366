// read_places: the searchable places of an OSM file, in three passes so that the file's
// object order does not matter and only the nodes that placed ways need are remembered:
//
//   1. relations: administrative areas, and the ids of their member ways;
//   2. ways: streets, POIs and addresses drawn as ways, and the member ways of areas;
//      their node ids are remembered;
//   3. nodes: POIs and addresses drawn as nodes, and the locations of remembered nodes.

#include <algorithm>
#include <filesystem>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <osmium/io/any_input.hpp>
#include <osmium/io/reader.hpp>
#include <osmium/osm/node.hpp>
#include <osmium/osm/relation.hpp>
#include <osmium/osm/way.hpp>

#include <shouwang/osm/place_index.h>

namespace shouwang::osm {
namespace {

constexpr const char* kPoiKeys[] = {"amenity", "shop",   "railway", "public_transport",
                                    "leisure", "office", "tourism", "place"};

std::string tag(const osmium::TagList& tags, const char* key) {
  const char* v = tags.get_value_by_key(key);
  return v == nullptr ? std::string() : std::string(v);
}

bool is_street(const std::string& highway) {
  static const char* const kNotStreets[] = {"proposed", "construction", "abandoned", "razed",
                                            "platform", "bus_stop",     "elevator",  "corridor",
                                            "services", "rest_area"};
  if (highway.empty())
    return false;
  return std::none_of(std::begin(kNotStreets), std::end(kNotStreets),
                      [&](const char* s) { return highway == s; });
}

bool is_railway_stop(const std::string& value) {
  return value == "station" || value == "halt" || value == "tram_stop" ||
         value == "subway_entrance";
}

// "amenity=police" for the first POI key present (railway only for stations and stops),
// "landuse=residential" for a residential compound; empty otherwise.
std::string poi_category(const osmium::TagList& tags) {
  for (const char* key : kPoiKeys) {
    const std::string value = tag(tags, key);
    if (value.empty() || value == "no" ||
        (std::string_view(key) == "railway" && !is_railway_stop(value)))
      continue;
    return std::string(key) + "=" + value;
  }
  if (tag(tags, "landuse") == "residential")
    return "landuse=residential";
  return {};
}

// The place an object's tags describe (without a position), if any.
std::optional<Place> place_from_tags(const osmium::TagList& tags, bool is_way) {
  Place p;
  p.name_zh = tag(tags, "name:zh");
  if (p.name_zh.empty())
    p.name_zh = tag(tags, "name");
  p.name_en = tag(tags, "name:en");
  const bool named = !p.name_zh.empty() || !p.name_en.empty();
  const std::string highway = tag(tags, "highway");
  if (is_way && named && is_street(highway)) {
    p.kind = PlaceKind::kStreet;
    p.category = "highway=" + highway;
    return p;
  }
  p.street = tag(tags, "addr:street");
  if (p.street.empty())
    p.street = tag(tags, "addr:place");
  p.housenumber = tag(tags, "addr:housenumber");
  p.category = poi_category(tags);
  if (named && !p.category.empty()) {
    p.kind = PlaceKind::kPoi;
    return p;
  }
  if (!p.housenumber.empty() && !p.street.empty()) {
    p.kind = PlaceKind::kAddress;
    p.category.clear();
    return p;
  }
  return std::nullopt;
}

struct WayRefs {
  std::int64_t id = 0;
  std::size_t first = 0;  // into `refs`
  std::size_t count = 0;
};

struct PendingWay {
  Place place;
  WayRefs refs;
};

struct PendingArea {
  Place place;
};

// Node locations for the node ids the ways need: a sorted id table and the locations.
class NodeLocations {
 public:
  void want(std::int64_t id) { ids_.push_back(id); }
  void freeze() {
    std::sort(ids_.begin(), ids_.end());
    ids_.erase(std::unique(ids_.begin(), ids_.end()), ids_.end());
    locations_.assign(ids_.size(), std::nullopt);
  }
  void offer(std::int64_t id, const osmium::Location& location) {
    const auto it = std::lower_bound(ids_.begin(), ids_.end(), id);
    if (it != ids_.end() && *it == id && location.valid()) {
      locations_[static_cast<std::size_t>(it - ids_.begin())] =
          LatLon{location.lat(), location.lon()};
    }
  }
  [[nodiscard]] std::optional<LatLon> find(std::int64_t id) const {
    const auto it = std::lower_bound(ids_.begin(), ids_.end(), id);
    if (it == ids_.end() || *it != id)
      return std::nullopt;
    return locations_[static_cast<std::size_t>(it - ids_.begin())];
  }

 private:
  std::vector<std::int64_t> ids_;
  std::vector<std::optional<LatLon>> locations_;
};

class BoxBuilder {
 public:
  void add(LatLon p) {
    if (empty_) {
      box_ = {p, p};
      empty_ = false;
      return;
    }
    box_.south_west = {std::min(box_.south_west.lat, p.lat), std::min(box_.south_west.lon, p.lon)};
    box_.north_east = {std::max(box_.north_east.lat, p.lat), std::max(box_.north_east.lon, p.lon)};
  }
  [[nodiscard]] bool empty() const { return empty_; }
  [[nodiscard]] const BoundingBox& box() const { return box_; }

 private:
  BoundingBox box_;
  bool empty_ = true;
};

// Gives a way place its position and box; false when none of its nodes has a location.
bool locate_way(Place& place, const WayRefs& way, const std::vector<std::int64_t>& refs,
                const NodeLocations& nodes) {
  BoxBuilder box;
  double lat_sum = 0, lon_sum = 0;
  std::size_t located = 0;
  const bool closed = way.count >= 4 && refs[way.first] == refs[way.first + way.count - 1];
  const std::size_t distinct = closed ? way.count - 1 : way.count;
  for (std::size_t i = 0; i < distinct; ++i) {
    if (const auto p = nodes.find(refs[way.first + i])) {
      box.add(*p);
      lat_sum += p->lat;
      lon_sum += p->lon;
      ++located;
    }
  }
  if (located == 0)
    return false;
  place.bbox = box.box();
  if (closed && place.kind != PlaceKind::kStreet) {
    place.position = {lat_sum / static_cast<double>(located),
                      lon_sum / static_cast<double>(located)};
    return true;
  }
  // The located node nearest the middle of the node list.
  const std::size_t middle = way.count / 2;
  for (std::size_t d = 0; d <= middle + 1; ++d) {
    for (const std::size_t i : {middle - std::min(d, middle), middle + d}) {
      if (i >= way.count)
        continue;
      if (const auto p = nodes.find(refs[way.first + i])) {
        place.position = *p;
        return true;
      }
    }
  }
  return false;
}

}  // namespace

Result<std::vector<Place>> read_places(const std::string& osm_path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(osm_path, ec))
    return Error(Errc::kNotFound, "no OSM file at " + osm_path);
  std::vector<Place> out;
  std::vector<PendingArea> areas;
  std::vector<std::pair<std::int64_t, std::size_t>> area_ways;  // (way id, area), sorted
  std::vector<PendingWay> ways;
  std::vector<WayRefs> member_ways;  // ways that outline areas, by id
  std::vector<std::int64_t> refs;
  NodeLocations nodes;
  try {
    osmium::io::Reader relation_reader(osm_path, osmium::osm_entity_bits::relation);
    while (osmium::memory::Buffer buffer = relation_reader.read()) {
      for (const auto& relation : buffer.select<osmium::Relation>()) {
        const osmium::TagList& tags = relation.tags();
        if (tag(tags, "boundary") != "administrative")
          continue;
        PendingArea area;
        area.place.kind = PlaceKind::kArea;
        area.place.name_zh = tag(tags, "name:zh");
        if (area.place.name_zh.empty())
          area.place.name_zh = tag(tags, "name");
        area.place.name_en = tag(tags, "name:en");
        if (area.place.name_zh.empty() && area.place.name_en.empty())
          continue;
        const std::string level = tag(tags, "admin_level");
        area.place.category = level.empty() ? "boundary=administrative" : "admin_level=" + level;
        area.place.osm_id = relation.id();
        area.place.osm_type = 'r';
        for (const auto& member : relation.members()) {
          const std::string_view role = member.role();
          if (member.type() == osmium::item_type::way && (role.empty() || role == "outer")) {
            area_ways.emplace_back(member.ref(), areas.size());
          }
        }
        areas.push_back(std::move(area));
      }
    }
    relation_reader.close();
    std::sort(area_ways.begin(), area_ways.end());

    osmium::io::Reader way_reader(osm_path, osmium::osm_entity_bits::way);
    while (osmium::memory::Buffer buffer = way_reader.read()) {
      for (const auto& way : buffer.select<osmium::Way>()) {
        auto place = place_from_tags(way.tags(), true);
        const auto member = std::lower_bound(area_ways.begin(), area_ways.end(),
                                             std::pair<std::int64_t, std::size_t>{way.id(), 0});
        const bool outlines_area = member != area_ways.end() && member->first == way.id();
        if (!place && !outlines_area)
          continue;
        const WayRefs way_refs{way.id(), refs.size(), way.nodes().size()};
        for (const auto& node_ref : way.nodes()) {
          refs.push_back(node_ref.ref());
          nodes.want(node_ref.ref());
        }
        if (outlines_area)
          member_ways.push_back(way_refs);
        if (place && way_refs.count > 0) {
          place->osm_id = way.id();
          place->osm_type = 'w';
          ways.push_back({std::move(*place), way_refs});
        }
      }
    }
    way_reader.close();
    nodes.freeze();
    std::sort(member_ways.begin(), member_ways.end(),
              [](const WayRefs& a, const WayRefs& b) { return a.id < b.id; });

    osmium::io::Reader node_reader(osm_path, osmium::osm_entity_bits::node);
    while (osmium::memory::Buffer buffer = node_reader.read()) {
      for (const auto& node : buffer.select<osmium::Node>()) {
        nodes.offer(node.id(), node.location());
        if (node.tags().empty() || !node.location().valid())
          continue;
        auto place = place_from_tags(node.tags(), false);
        if (!place)
          continue;
        place->position = {node.location().lat(), node.location().lon()};
        place->bbox = {place->position, place->position};
        place->osm_id = node.id();
        place->osm_type = 'n';
        out.push_back(std::move(*place));
      }
    }
    node_reader.close();
  } catch (const std::exception& e) {
    return Error(Errc::kCorrupt, osm_path + " is not a readable OSM file: " + e.what());
  }

  for (PendingWay& way : ways) {
    if (locate_way(way.place, way.refs, refs, nodes))
      out.push_back(std::move(way.place));
  }
  // Areas: the box of their outer ways.
  std::vector<BoxBuilder> boxes(areas.size());
  for (const auto& [way_id, area] : area_ways) {
    const auto it = std::lower_bound(member_ways.begin(), member_ways.end(), way_id,
                                     [](const WayRefs& w, std::int64_t id) { return w.id < id; });
    if (it == member_ways.end() || it->id != way_id)
      continue;
    for (std::size_t i = 0; i < it->count; ++i) {
      if (const auto p = nodes.find(refs[it->first + i]))
        boxes[area].add(*p);
    }
  }
  for (std::size_t a = 0; a < areas.size(); ++a) {
    if (boxes[a].empty())
      continue;
    Place& place = areas[a].place;
    place.bbox = boxes[a].box();
    place.position = {(place.bbox.south_west.lat + place.bbox.north_east.lat) / 2.0,
                      (place.bbox.south_west.lon + place.bbox.north_east.lon) / 2.0};
    out.push_back(std::move(place));
  }
  return out;
}

}  // namespace shouwang::osm
