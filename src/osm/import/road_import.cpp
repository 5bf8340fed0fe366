#include <shouwang/osm/road_import.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <span>
#include <unordered_map>
#include <unordered_set>

#include <osmium/io/any_input.hpp>
#include <osmium/io/reader.hpp>
#include <osmium/osm/node.hpp>
#include <osmium/osm/relation.hpp>
#include <osmium/osm/way.hpp>

#include <shouwang/routing/components.h>
#include <shouwang/routing/node_order.h>

#include "osm/import/restriction_relation.h"
#include "osm/import/turn_restrictions.h"
#include "osm/import/via_way_restrictions.h"
#include "osm/import/way_rules.h"

namespace shouwang::osm {
namespace {

class OsmiumTags final : public import::TagLookup {
 public:
  explicit OsmiumTags(const osmium::TagList& tags) : tags_(tags) {}
  [[nodiscard]] const char* get(const char* key) const override { return tags_.get_value_by_key(key); }

 private:
  const osmium::TagList& tags_;
};

struct DrivableWay {
  std::int64_t id;
  import::WayRule rule;
  std::size_t first_ref;  // into refs
  std::size_t ref_count;
};

// The node paths of the via-way restrictions, read off the drivable ways. A restriction
// that names a way no car may use, or whose members do not join end to end, is left out
// and counted in `dropped`.
std::vector<import::ResolvedViaWay> resolve_via_ways(std::vector<import::ViaWayRestriction> restrictions,
                                                     const std::vector<DrivableWay>& ways,
                                                     const std::vector<std::int64_t>& refs, std::size_t& dropped) {
  std::vector<import::ResolvedViaWay> out;
  if (restrictions.empty()) return out;
  std::unordered_set<std::int64_t> named;
  for (const import::ViaWayRestriction& r : restrictions) {
    named.insert(r.from_way);
    named.insert(r.to_way);
    named.insert(r.via_ways.begin(), r.via_ways.end());
  }
  import::WayNodeLists lists;
  for (const DrivableWay& way : ways) {
    if (named.count(way.id) > 0) lists.emplace(way.id, std::span(refs).subspan(way.first_ref, way.ref_count));
  }
  for (import::ViaWayRestriction& r : restrictions) {
    Result<std::vector<import::ViaPath>> readings = import::resolve_via_paths(r, lists);
    if (!readings) {
      ++dropped;
      continue;
    }
    out.push_back({std::move(r), std::move(readings).value()});
  }
  return out;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

Result<ImportedRoads> import_roads(const std::string& path, const CarProfile& profile) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return Error(Errc::kNotFound, "no OSM file at " + path);
  ImportedRoads out;
  ImportReport& report = out.report;
  const auto start = std::chrono::steady_clock::now();

  std::vector<DrivableWay> ways;
  std::vector<import::TurnRestriction> restrictions;
  std::vector<import::ViaWayRestriction> via_way_restrictions;
  std::size_t malformed_restrictions = 0;  // car restrictions whose members make no sense
  std::vector<std::int64_t> refs;
  // OSM node id -> graph node (assigned in order of first use by a drivable way).
  std::unordered_map<std::int64_t, std::uint32_t> node_index;
  std::vector<std::int64_t>& osm_ids = out.osm_node_ids;
  std::vector<LatLon> coords;
  std::vector<bool> located;
  try {
    // Pass 1: drivable ways and the nodes they need. Works whatever the object order.
    osmium::io::Reader way_reader(path, osmium::osm_entity_bits::way | osmium::osm_entity_bits::relation);
    while (osmium::memory::Buffer buffer = way_reader.read()) {
      for (const auto& relation : buffer.select<osmium::Relation>()) {
        import::RestrictionRelation r = import::read_restriction_relation(relation);
        switch (r.kind) {
          case import::RestrictionRelation::Kind::kIgnored:
            break;
          case import::RestrictionRelation::Kind::kViaNode:
            restrictions.push_back(r.via_node);
            break;
          case import::RestrictionRelation::Kind::kViaWay:
            via_way_restrictions.push_back(std::move(r.via_way));
            break;
          case import::RestrictionRelation::Kind::kMalformed:
            ++malformed_restrictions;
            break;
        }
      }
      for (const auto& way : buffer.select<osmium::Way>()) {
        ++report.ways_read;
        const auto rule = import::apply_profile(profile, OsmiumTags(way.tags()));
        if (!rule || (!rule->forward && !rule->backward) || way.nodes().size() < 2) continue;
        ++report.drivable_ways;
        ways.push_back({way.id(), *rule, refs.size(), way.nodes().size()});
        for (const auto& ref : way.nodes()) {
          refs.push_back(ref.ref());
          const auto [it, inserted] = node_index.try_emplace(ref.ref(), static_cast<std::uint32_t>(osm_ids.size()));
          if (inserted) osm_ids.push_back(ref.ref());
        }
      }
    }
    way_reader.close();
    if (ways.empty()) {
      return Error(Errc::kInvalidArgument, path + " holds no drivable road (" + std::to_string(report.ways_read) +
                                               " ways read, none usable by this vehicle profile)");
    }
    // Pass 2: the locations of those nodes.
    coords.assign(osm_ids.size(), LatLon{});
    located.assign(osm_ids.size(), false);
    osmium::io::Reader node_reader(path, osmium::osm_entity_bits::node);
    while (osmium::memory::Buffer buffer = node_reader.read()) {
      for (const auto& node : buffer.select<osmium::Node>()) {
        const auto it = node_index.find(node.id());
        if (it == node_index.end() || !node.location().valid()) continue;
        coords[it->second] = {node.location().lat(), node.location().lon()};
        located[it->second] = true;
      }
    }
    node_reader.close();
  } catch (const std::exception& e) {
    return Error(Errc::kCorrupt, path + " is not a readable OSM file: " + e.what());
  }
  report.read_seconds = seconds_since(start);

  // Arcs between consecutive located nodes; a missing node drops the segments touching it.
  const auto build_start = std::chrono::steady_clock::now();
  std::vector<import::WayArc> way_arcs;
  for (const DrivableWay& way : ways) {
    const double metres_per_ms = way.rule.speed_kmh / 3.6 / 1000.0;
    for (std::size_t i = 0; i < way.ref_count; ++i) {
      const std::uint32_t v = node_index.at(refs[way.first_ref + i]);
      if (!located[v]) {
        if (report.missing_node_refs++ == 0) {
          report.first_missing_way = way.id;
          report.first_missing_node = refs[way.first_ref + i];
        }
        continue;
      }
      if (i == 0) continue;
      const std::uint32_t u = node_index.at(refs[way.first_ref + i - 1]);
      if (!located[u] || u == v) continue;
      const double metres = haversine_distance(coords[u], coords[v]).value();
      const auto time_ms = static_cast<routing::Weight>(std::max(1.0, std::round(metres / metres_per_ms)));
      const auto length_dm = static_cast<std::uint32_t>(std::round(metres * 10.0));
      if (way.rule.forward) way_arcs.push_back({{NodeId(u), NodeId(v), time_ms, length_dm}, way.id});
      if (way.rule.backward) way_arcs.push_back({{NodeId(v), NodeId(u), time_ms, length_dm}, way.id});
    }
  }
  const import::RestrictionReport turns = import::apply_turn_restrictions(restrictions, node_index, way_arcs, coords, osm_ids);
  // Via-way restrictions go second: they copy nodes as the via-node splitting left them.
  std::size_t via_way_dropped = 0;
  const std::vector<import::ResolvedViaWay> via_way =
      resolve_via_ways(std::move(via_way_restrictions), ways, refs, via_way_dropped);
  const import::ViaWayReport via_turns = import::apply_via_way_restrictions(via_way, way_arcs, coords, osm_ids);
  report.turn_restrictions = turns.applied + via_turns.applied;
  report.turn_restrictions_unused = turns.not_found + via_turns.not_found + via_turns.unsupported +
                                    via_way_dropped + malformed_restrictions;
  report.nodes_split = turns.nodes_added + via_turns.nodes_added;
  std::vector<routing::ArcInput> arcs;
  arcs.reserve(way_arcs.size());
  for (const auto& wa : way_arcs) arcs.push_back(wa.arc);
  // Nodes that never got a location are isolated; the component cut removes them.
  auto full = routing::RoadGraph::build(std::move(coords), std::move(arcs));
  if (!full) return Error(Errc::kCorrupt, path + ": " + full.error().message);
  report.nodes_before = full->node_count();
  report.arcs_before = full->arc_count();

  const routing::ComponentSplit split = routing::largest_strongly_connected(*full);
  report.components_dropped = split.component_count - 1;
  report.nodes_dropped = full->node_count() - split.largest_size;
  std::vector<NodeId> old_to_new;
  const routing::RoadGraph kept = routing::induced_subgraph(*full, split.in_largest, old_to_new);
  // Nodes near each other on the map go near each other in memory (faster searches).
  const std::vector<NodeId> spatial = routing::hilbert_order(kept);
  out.graph = routing::renumber(kept, spatial);
  std::vector<std::int64_t> kept_ids(out.graph.node_count());
  for (std::size_t v = 0; v < old_to_new.size(); ++v) {
    if (old_to_new[v].valid()) kept_ids[spatial[old_to_new[v].value()].value()] = osm_ids[v];
  }
  osm_ids = std::move(kept_ids);
  if (out.graph.arc_count() == 0) {
    return Error(Errc::kInvalidArgument, path + " holds no connected drivable road network");
  }
  report.build_seconds = seconds_since(build_start);
  return out;
}

}  // namespace shouwang::osm
