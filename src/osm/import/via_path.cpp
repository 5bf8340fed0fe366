#include "osm/import/via_path.h"

#include <algorithm>
#include <string>

namespace shouwang::osm::import {
namespace {

// A way's nodes without consecutive repeats (the import makes no arc between them).
std::vector<std::int64_t> without_repeats(std::span<const std::int64_t> nodes) {
  std::vector<std::int64_t> out;
  for (const std::int64_t n : nodes) {
    if (out.empty() || out.back() != n) out.push_back(n);
  }
  return out;
}

bool touches(std::span<const std::int64_t> way, std::int64_t node) {
  return std::find(way.begin(), way.end(), node) != way.end();
}

// Appends `way` (already oriented, starting at the path's last node unless the path is
// empty) to the path.
void extend(ViaPath& path, const std::vector<std::int64_t>& way, std::int64_t way_id) {
  const std::size_t skip = path.nodes.empty() ? 0 : 1;
  path.nodes.insert(path.nodes.end(), way.begin() + static_cast<std::ptrdiff_t>(skip), way.end());
  path.step_ways.insert(path.step_ways.end(), way.size() - 1, way_id);
}

}  // namespace

Result<std::vector<ViaPath>> resolve_via_paths(const ViaWayRestriction& restriction,
                                               const WayNodeLists& ways) {
  const auto missing = [](std::int64_t way) {
    return Error(Errc::kNotFound, "way " + std::to_string(way) + " is not a drivable road");
  };
  const auto from = ways.find(restriction.from_way);
  if (from == ways.end()) return missing(restriction.from_way);
  const auto to = ways.find(restriction.to_way);
  if (to == ways.end()) return missing(restriction.to_way);
  std::vector<std::vector<std::int64_t>> via;
  for (const std::int64_t id : restriction.via_ways) {
    const auto it = ways.find(id);
    if (it == ways.end()) return missing(id);
    via.push_back(without_repeats(it->second));
    if (via.back().size() < 2 || via.back().front() == via.back().back()) {
      return Error(Errc::kInvalidArgument,
                   "via way " + std::to_string(id) + " is closed or a single point");
    }
  }
  if (via.empty()) return Error(Errc::kInvalidArgument, "the restriction has no via way");

  std::vector<ViaPath> readings;
  for (const bool reversed : {false, true}) {
    std::vector<std::int64_t> first = via[0];
    if (reversed) std::reverse(first.begin(), first.end());
    if (!touches(from->second, first.front())) continue;
    ViaPath path;
    extend(path, first, restriction.via_ways[0]);
    bool joined = true;
    for (std::size_t j = 1; j < via.size() && joined; ++j) {
      std::vector<std::int64_t> next = via[j];
      if (next.back() == path.nodes.back()) std::reverse(next.begin(), next.end());
      joined = next.front() == path.nodes.back();
      if (joined) extend(path, next, restriction.via_ways[j]);
    }
    if (joined && touches(to->second, path.nodes.back())) readings.push_back(std::move(path));
  }
  if (readings.empty()) {
    return Error(Errc::kInvalidArgument,
                 "from way " + std::to_string(restriction.from_way) + ", via ways and to way " +
                     std::to_string(restriction.to_way) + " do not join end to end");
  }
  return readings;
}

}  // namespace shouwang::osm::import
