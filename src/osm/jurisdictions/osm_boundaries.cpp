#include "osm/jurisdictions/osm_boundaries.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <set>
#include <tuple>

// GCC 12 at -O2 and above reports a false -Wstringop-overread inside libosmium's area
// assembler (an inlined strlen of a relation's user name); the code is fine, so the
// warning is off for libosmium's headers in this file only.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstringop-overread"
#include <osmium/area/assembler.hpp>
#include <osmium/area/multipolygon_manager.hpp>
#include <osmium/io/any_input.hpp>
#include <osmium/io/reader.hpp>
#include <osmium/osm/area.hpp>
#include <osmium/osm/node.hpp>
#include <osmium/osm/relation.hpp>
#include <osmium/osm/way.hpp>
#include <osmium/tags/tags_filter.hpp>
#pragma GCC diagnostic pop

namespace shouwang::osm::jurisdiction {
namespace {

using Manager = osmium::area::MultipolygonManager<osmium::area::Assembler>;

// admin_level as a whole number; 0 when absent or not a number.
int admin_level(const osmium::TagList& tags) {
  const char* text = tags.get_value_by_key("admin_level");
  if (text == nullptr)
    return 0;
  int level = 0;
  const char* end = text + std::strlen(text);
  const auto [ptr, ec] = std::from_chars(text, end, level);
  return ec == std::errc() && ptr == end && level > 0 ? level : 0;
}

bool wanted_boundary(const osmium::TagList& tags, const BoundaryFilter& filter) {
  return tags.has_tag("boundary", "administrative") && filter.wanted(admin_level(tags));
}

std::string tag(const osmium::TagList& tags, const char* key) {
  const char* value = tags.get_value_by_key(key);
  return value == nullptr ? std::string() : std::string(value);
}

std::string relation_label(const osmium::Relation& relation) {
  Boundary b;
  b.osm_id = relation.id();
  b.name = tag(relation.tags(), "name");
  b.admin_level = admin_level(relation.tags());
  return b.label();
}

void add_ring(const osmium::NodeRefList& ring, bool outer, Boundary& boundary) {
  std::vector<LatLon> points;
  FixedRing fixed;
  for (std::size_t i = 0; i + 1 < ring.size(); ++i) {  // the last node closes the ring
    const osmium::Location loc = ring[i].location();
    fixed.push_back({loc.x(), loc.y()});
    points.push_back(to_lat_lon(fixed.back()));
  }
  boundary.fixed.rings.push_back(std::move(fixed));
  boundary.fixed.is_outer.push_back(outer);
  if (outer) {
    boundary.polygons.push_back({std::move(points), {}});
  } else {
    boundary.polygons.back().holes.push_back(std::move(points));
  }
}

Boundary to_boundary(const osmium::Area& area) {
  Boundary b;
  b.osm_type = area.from_way() ? 'w' : 'r';
  b.osm_id = area.orig_id();
  const osmium::TagList& tags = area.tags();
  b.admin_level = admin_level(tags);
  b.ref = tag(tags, "ref");
  b.name = tag(tags, "name");
  b.name_en = tag(tags, "name:en");
  b.police_name = tag(tags, "police:name");
  b.police_name_en = tag(tags, "police:name:en");
  b.population_tag = tag(tags, "population");
  if (!b.population_tag.empty())
    b.population = parse_population(b.population_tag);
  for (const osmium::OuterRing& outer : area.outer_rings()) {
    add_ring(outer, true, b);
    for (const osmium::InnerRing& inner : area.inner_rings(outer))
      add_ring(inner, false, b);
  }
  return b;
}

}  // namespace

std::string Boundary::source() const {
  return std::string(osm_type == 'w' ? "osm way " : "osm relation ") + std::to_string(osm_id);
}

std::string Boundary::label() const {
  return source() + " (" + (name.empty() ? "no name" : name) + ", admin_level " +
         std::to_string(admin_level) + ")";
}

std::optional<std::int64_t> parse_population(std::string_view text) {
  while (!text.empty() && text.front() == ' ')
    text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ')
    text.remove_suffix(1);
  constexpr std::string_view kSeparators[] = {",", " ", "\xC2\xA0", "\xE2\x80\xAF"};
  std::string digits;
  std::string_view separator;  // the first one met; every other must be the same
  std::size_t group = 0;       // digits since the last separator
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] >= '0' && text[i] <= '9') {
      digits += text[i++];
      ++group;
      continue;
    }
    std::string_view found;
    for (const std::string_view s : kSeparators) {
      if (text.substr(i).starts_with(s))
        found = s;
    }
    if (found.empty())
      return std::nullopt;
    const bool first = separator.empty();
    if (first ? group == 0 || group > 3 : found != separator || group != 3)
      return std::nullopt;
    separator = found;
    group = 0;
    i += found.size();
  }
  if (digits.empty() || (!separator.empty() && group != 3))
    return std::nullopt;
  std::int64_t value = 0;
  const char* end = digits.data() + digits.size();
  const auto [ptr, ec] = std::from_chars(digits.data(), end, value);
  if (ec != std::errc() || ptr != end)
    return std::nullopt;
  return value;
}

bool BoundaryFilter::wanted(int level) const {
  return level > 0 &&
         (level < below || std::find(levels.begin(), levels.end(), level) != levels.end());
}

BoundaryScan scan_boundaries(const std::string& osm_path, const BoundaryFilter& filter) {
  osmium::TagsFilter tags_filter{false};
  tags_filter.add_rule(true, "boundary", "administrative");
  osmium::area::Assembler::config_type config;
  config.create_empty_areas = false;
  Manager manager{config, tags_filter};

  // 1. Relations.
  std::vector<std::pair<std::int64_t, std::string>> relations;  // id, label
  std::vector<std::int64_t> member_ways;
  {
    osmium::io::Reader reader(osm_path, osmium::osm_entity_bits::relation,
                              osmium::io::read_meta::no);
    while (osmium::memory::Buffer buffer = reader.read()) {
      for (const osmium::Relation& relation : buffer.select<osmium::Relation>()) {
        if (!wanted_boundary(relation.tags(), filter))
          continue;
        const char* type = relation.tags().get_value_by_key("type", "");
        if (std::strcmp(type, "boundary") != 0 && std::strcmp(type, "multipolygon") != 0)
          continue;
        manager.relation(relation);
        relations.emplace_back(relation.id(), relation_label(relation));
        for (const osmium::RelationMember& m : relation.members()) {
          if (m.type() == osmium::item_type::way)
            member_ways.push_back(m.ref());
        }
      }
    }
    reader.close();
  }
  manager.prepare_for_lookup();
  std::sort(member_ways.begin(), member_ways.end());

  // 2. Ways.
  osmium::memory::Buffer ways{1 << 16, osmium::memory::Buffer::auto_grow::yes};
  std::vector<std::int64_t> node_ids;
  {
    osmium::io::Reader reader(osm_path, osmium::osm_entity_bits::way, osmium::io::read_meta::no);
    while (osmium::memory::Buffer buffer = reader.read()) {
      for (const osmium::Way& way : buffer.select<osmium::Way>()) {
        const bool member = std::binary_search(member_ways.begin(), member_ways.end(), way.id());
        const bool closed_boundary =
            way.nodes().size() >= 4 && way.is_closed() && wanted_boundary(way.tags(), filter);
        if (!member && !closed_boundary)
          continue;
        ways.add_item(way);
        ways.commit();
        for (const osmium::NodeRef& ref : way.nodes())
          node_ids.push_back(ref.ref());
      }
    }
    reader.close();
  }
  std::sort(node_ids.begin(), node_ids.end());
  node_ids.erase(std::unique(node_ids.begin(), node_ids.end()), node_ids.end());

  // 3. Nodes.
  std::vector<osmium::Location> locations(node_ids.size());  // undefined until seen
  {
    osmium::io::Reader reader(osm_path, osmium::osm_entity_bits::node, osmium::io::read_meta::no);
    while (osmium::memory::Buffer buffer = reader.read()) {
      for (const osmium::Node& node : buffer.select<osmium::Node>()) {
        const auto it = std::lower_bound(node_ids.begin(), node_ids.end(), node.id());
        if (it != node_ids.end() && *it == node.id())
          locations[static_cast<std::size_t>(it - node_ids.begin())] = node.location();
      }
    }
    reader.close();
  }

  // Assemble. A way with a node missing from the file keeps an undefined location there;
  // the assembler then gives up on it (and on the relations it belongs to).
  // The manager wants ways in id order, which an unsorted file does not give.
  std::vector<osmium::Way*> by_id;
  for (osmium::Way& way : ways.select<osmium::Way>())
    by_id.push_back(&way);
  std::sort(by_id.begin(), by_id.end(),
            [](const osmium::Way* a, const osmium::Way* b) { return a->id() < b->id(); });
  for (osmium::Way* way : by_id) {
    for (osmium::NodeRef& ref : way->nodes()) {
      const auto it = std::lower_bound(node_ids.begin(), node_ids.end(), ref.ref());
      ref.set_location(locations[static_cast<std::size_t>(it - node_ids.begin())]);
    }
    manager.handle_way(*way);
  }
  const osmium::memory::Buffer areas = manager.read();

  BoundaryScan scan;
  std::set<std::int64_t> assembled_relations;
  for (const osmium::Area& area : areas.select<osmium::Area>()) {
    if (!wanted_boundary(area.tags(), filter))
      continue;
    Boundary b = to_boundary(area);
    if (b.polygons.empty())
      continue;
    if (b.osm_type == 'r')
      assembled_relations.insert(b.osm_id);
    scan.boundaries.push_back(std::move(b));
  }
  for (const auto& [id, label] : relations) {
    if (assembled_relations.count(id) == 0) {
      scan.notes.push_back(
          label + " left out: its ways are missing from the file or do not close into rings");
    }
  }
  std::sort(scan.boundaries.begin(), scan.boundaries.end(),
            [](const Boundary& a, const Boundary& b) {
              return std::tuple(a.admin_level, a.osm_type == 'w', a.osm_id) <
                     std::tuple(b.admin_level, b.osm_type == 'w', b.osm_id);
            });
  return scan;
}

}  // namespace shouwang::osm::jurisdiction
