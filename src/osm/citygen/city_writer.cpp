// Writes the built city as an OSM PBF file with libosmium.

#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <unistd.h>

#include <osmium/builder/osm_object_builder.hpp>
#include <osmium/io/pbf_output.hpp>
#include <osmium/io/writer.hpp>
#include <osmium/memory/buffer.hpp>
#include <osmium/osm/box.hpp>

#include <shouwang/osm/city_generator.h>

#include "osm/citygen/city_builder.h"

namespace shouwang::osm {
namespace {

using citygen::BuiltCity;
using citygen::Tag;

// All objects carry version 1 and this timestamp, so output depends on nothing but the seed.
constexpr std::int64_t kObjectTimestamp = 1767225600;  // 2026-01-01T00:00:00Z
constexpr std::size_t kFlushBytes = 4 * 1024 * 1024;

class PbfSink {
 public:
  PbfSink(const std::string& path, const osmium::Box& box)
      : writer_(osmium::io::File(path, "pbf"), make_header(box), osmium::io::overwrite::allow),
        buffer_(kFlushBytes + 1024 * 1024, osmium::memory::Buffer::auto_grow::yes) {}

  void node(std::int64_t id, LatLon p, const std::vector<Tag>& tags) {
    {
      osmium::builder::NodeBuilder b(buffer_);
      stamp(b.object(), id);
      b.object().set_location(osmium::Location(p.lon, p.lat));
      b.set_user("");
      add_tags(b, tags);
    }
    commit();
  }

  void way(std::int64_t id, const std::vector<std::int64_t>& refs, const std::vector<Tag>& tags) {
    {
      osmium::builder::WayBuilder b(buffer_);
      stamp(b.object(), id);
      b.set_user("");
      {
        osmium::builder::WayNodeListBuilder nodes(b);
        for (std::int64_t ref : refs) nodes.add_node_ref(ref);
      }
      add_tags(b, tags);
    }
    commit();
  }

  void relation(std::int64_t id, std::int64_t outer_way, const std::vector<Tag>& tags) {
    {
      osmium::builder::RelationBuilder b(buffer_);
      stamp(b.object(), id);
      b.set_user("");
      {
        osmium::builder::RelationMemberListBuilder members(b);
        members.add_member(osmium::item_type::way, outer_way, "outer");
      }
      add_tags(b, tags);
    }
    commit();
  }

  void close() {
    if (buffer_.committed() > 0) writer_(std::move(buffer_));
    writer_.close();
  }

 private:
  static osmium::io::Header make_header(const osmium::Box& box) {
    osmium::io::Header header;
    header.set("generator", "shouwang gen-city");
    header.add_box(box);
    return header;
  }

  static void stamp(osmium::OSMObject& object, std::int64_t id) {
    object.set_id(id);
    object.set_version(1);
    object.set_timestamp(osmium::Timestamp(static_cast<std::uint32_t>(kObjectTimestamp)));
  }

  template <typename Builder>
  static void add_tags(Builder& parent, const std::vector<Tag>& tags) {
    if (tags.empty()) return;
    osmium::builder::TagListBuilder list(parent);
    for (const auto& [k, v] : tags) list.add_tag(k, v);
  }

  void commit() {
    buffer_.commit();
    if (buffer_.committed() >= kFlushBytes) {
      writer_(std::move(buffer_));
      buffer_ = osmium::memory::Buffer(kFlushBytes + 1024 * 1024, osmium::memory::Buffer::auto_grow::yes);
    }
  }

  osmium::io::Writer writer_;
  osmium::memory::Buffer buffer_;
};

std::vector<Tag> road_tags(const citygen::Road& road) {
  std::vector<Tag> tags{{"highway", citygen::highway_value(road.cls)}};
  if (!road.name.empty()) {
    tags.emplace_back("name", road.name.zh);
    tags.emplace_back("name:en", road.name.en);
  }
  if (road.oneway) tags.emplace_back("oneway", "yes");
  if (road.maxspeed_kmh > 0) tags.emplace_back("maxspeed", std::to_string(road.maxspeed_kmh));
  if (road.bridge != nullptr) tags.emplace_back("bridge", road.bridge);
  if (road.layer != 0) tags.emplace_back("layer", std::to_string(road.layer));
  if (road.service != nullptr) tags.emplace_back("service", road.service);
  tags.insert(tags.end(), road.extra.begin(), road.extra.end());
  return tags;
}

CityStats write_city(BuiltCity& city, const std::string& path) {
  const citygen::CityPlan& plan = city.plan;
  citygen::NodeTable& nodes = city.network.nodes;
  const LocalProjection frame(plan.origin);

  CityStats stats;
  stats.name_zh = plan.city.zh;
  stats.name_en = plan.city.en;
  stats.code = plan.city_ref;
  stats.centre = plan.origin;
  stats.highway_nodes = nodes.size();
  stats.highway_ways = city.network.ways.size();
  stats.dropped_ways = city.network.dropped_ways;
  stats.addresses = city.addresses;
  stats.pois = city.pois;
  stats.districts = city.districts;
  stats.stations = city.stations;

  // Node ids: road nodes first, then area and river vertices (shared with roads where they
  // coincide), then standalone points.
  std::vector<std::vector<std::int64_t>> area_refs;
  for (const auto& area : plan.areas) {
    std::vector<std::int64_t> refs;
    for (const Xy& p : area.ring) refs.push_back(static_cast<std::int64_t>(nodes.intern(p)) + 1);
    refs.push_back(refs.front());
    area_refs.push_back(std::move(refs));
  }
  std::vector<std::vector<std::int64_t>> waterway_refs;
  for (const auto& line : plan.waterways) {
    std::vector<std::int64_t> refs;
    for (const Xy& p : line) refs.push_back(static_cast<std::int64_t>(nodes.intern(p)) + 1);
    waterway_refs.push_back(std::move(refs));
  }
  const std::size_t first_point = nodes.size();
  for (const auto& point : plan.points) (void)nodes.add_unshared(point.pos);

  const LatLon sw = frame.to_lat_lon({-plan.size_m / 2.0, -plan.size_m / 2.0});
  const LatLon ne = frame.to_lat_lon({plan.size_m / 2.0, plan.size_m / 2.0});
  PbfSink sink(path, osmium::Box(sw.lon, sw.lat, ne.lon, ne.lat));

  static const std::vector<Tag> kNoTags;
  for (std::size_t id = 0; id < nodes.size(); ++id) {
    const bool is_point = id >= first_point;
    sink.node(static_cast<std::int64_t>(id) + 1, frame.to_lat_lon(nodes.xy(static_cast<std::uint32_t>(id))),
              is_point ? plan.points[id - first_point].tags : kNoTags);
  }

  std::int64_t way_id = 0;
  for (const auto& way : city.network.ways) {
    const citygen::Road& road = plan.roads[way.road];
    std::vector<std::int64_t> refs;
    for (std::uint32_t n : way.nodes) refs.push_back(static_cast<std::int64_t>(n) + 1);
    sink.way(++way_id, refs, road_tags(road));
    stats.named_highway_ways += road.name.empty() ? 0 : 1;
    stats.oneway_ways += road.oneway ? 1 : 0;
    const bool river_bridge = road.level == citygen::Level::kGround && road.bridge != nullptr;
    stats.bridges += river_bridge ? 1 : 0;
    stats.ramps += road.cls == citygen::RoadClass::kMotorwayLink ? 1 : 0;
  }
  std::vector<std::int64_t> relation_ways;
  for (std::size_t a = 0; a < plan.areas.size(); ++a) {
    const auto& area = plan.areas[a];
    sink.way(++way_id, area_refs[a], area.relation ? kNoTags : area.tags);
    if (area.relation) relation_ways.push_back(way_id);
  }
  for (const auto& refs : waterway_refs) {
    sink.way(++way_id, refs, {{"waterway", "river"}, {"name", "玉带江"}, {"name:en", "Yudai River"}});
  }
  std::int64_t relation_id = 0;
  std::size_t next_relation_way = 0;
  for (const auto& area : plan.areas) {
    if (!area.relation) continue;
    sink.relation(++relation_id, relation_ways[next_relation_way++], area.tags);
  }
  sink.close();

  stats.nodes = nodes.size();
  stats.ways = static_cast<std::size_t>(way_id);
  stats.relations = static_cast<std::size_t>(relation_id);
  return stats;
}

}  // namespace

Status validate(const CityOptions& options) {
  if (!std::isfinite(options.size_km) || options.size_km < CityOptions::kMinSizeKm ||
      options.size_km > CityOptions::kMaxSizeKm) {
    return Error(Errc::kOutOfRange,
                 "the city size must be between " + std::to_string(static_cast<int>(CityOptions::kMinSizeKm)) +
                     " and " + std::to_string(static_cast<int>(CityOptions::kMaxSizeKm)) + " km",
                 "size-km");
  }
  return ok_status();
}

Result<CityStats> write_demo_city(const CityOptions& options, const std::string& path) {
  if (Status valid = validate(options); !valid) return valid.error();
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return Error(Errc::kIoError, "cannot write " + path + ": directory " + dir.string() + " does not exist", "out");
  }
  if (::access(dir.c_str(), W_OK) != 0) {
    return Error(Errc::kIoError, "cannot write " + path + ": " + std::strerror(errno), "out");
  }
  if (fs::is_directory(target, ec)) {
    return Error(Errc::kIoError, "cannot write " + path + ": it is a directory", "out");
  }

  BuiltCity city = citygen::build_city(options);
  // Write beside the target and rename, so a failed run never leaves a half-written city.
  const std::string partial = path + ".partial";
  CityStats stats;
  try {
    stats = write_city(city, partial);
  } catch (const std::exception& e) {
    fs::remove(partial, ec);
    return Error(Errc::kIoError, "cannot write " + path + ": " + e.what(), "out");
  }
  fs::rename(partial, target, ec);
  if (ec) {
    fs::remove(partial, ec);
    return Error(Errc::kIoError, "cannot write " + path + ": " + ec.message(), "out");
  }
  stats.file_bytes = fs::file_size(target, ec);
  return stats;
}

}  // namespace shouwang::osm
