#include "routing/position_oracles.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <string>
#include <utility>

namespace shouwang::routing::testing {
namespace {

// The centre of the graph's bounding box, where SnapIndex puts its frame.
LatLon box_centre(const RoadGraph& graph) {
  double min_lat = 90, max_lat = -90, min_lon = 180, max_lon = -180;
  for (const LatLon& c : graph.coordinates()) {
    min_lat = std::min(min_lat, c.lat), max_lat = std::max(max_lat, c.lat);
    min_lon = std::min(min_lon, c.lon), max_lon = std::max(max_lon, c.lon);
  }
  return {(min_lat + max_lat) / 2, (min_lon + max_lon) / 2};
}

bool has_arc(const RoadGraph& graph, NodeId from, NodeId to) {
  for (ArcId a = graph.begin_out(from); a < graph.end_out(from); a = ArcId(a.value() + 1)) {
    if (graph.head(a) == to) {
      return true;
    }
  }
  return false;
}

Weight along(Weight arc_time, double fraction) {
  return static_cast<Weight>(std::llround(fraction * arc_time));
}

}  // namespace

SegmentScan::SegmentScan(const RoadGraph& graph) : frame_(box_centre(graph)) {
  std::vector<Xy> xy;
  xy.reserve(graph.node_count());
  for (const LatLon& c : graph.coordinates()) {
    xy.push_back(frame_.to_xy(c));
  }
  for (std::uint32_t u = 0; u < graph.node_count(); ++u) {
    for (ArcId a = graph.begin_out(NodeId(u)); a < graph.end_out(NodeId(u));
         a = ArcId(a.value() + 1)) {
      const NodeId v = graph.head(a);
      if (v.value() < u && has_arc(graph, v, NodeId(u))) {
        continue;  // listed from v
      }
      const Xy p = xy[u], q = xy[v.value()];
      boxes_.push_back(
          {std::min(p.x, q.x), std::min(p.y, q.y), std::max(p.x, q.x), std::max(p.y, q.y)});
      ends_.push_back({p, q});
    }
  }
}

double SegmentScan::nearest_distance(LatLon position) const {
  const Xy q = frame_.to_xy(position);
  double best = std::numeric_limits<double>::infinity();
  double best_squared = best;
  for (std::size_t i = 0; i < boxes_.size(); ++i) {
    const Box& box = boxes_[i];
    const double dx = std::max({box.min_x - q.x, q.x - box.max_x, 0.0});
    const double dy = std::max({box.min_y - q.y, q.y - box.max_y, 0.0});
    if (dx * dx + dy * dy > best_squared) {
      continue;  // the box, so the segment, is farther
    }
    const double d = project_to_segment(q, ends_[i].a, ends_[i].b).distance;
    if (d < best) {
      best = d, best_squared = d * d;
    }
  }
  return best;
}

namespace {

// The k nearest units by one backward search from `target`, the units of `known` starting
// with the time given there.
UnitTimes nearest_from(ReferenceDijkstra& backward,
                       const std::vector<std::vector<GraphEntry>>& units,
                       std::span<const GraphEntry> target, std::size_t k,
                       std::unordered_map<std::uint32_t, Weight> known) {
  std::unordered_multimap<std::uint32_t, std::pair<std::uint32_t, Weight>> units_at_node;
  for (std::uint32_t u = 0; u < units.size(); ++u) {
    for (const auto& [node, offset] : units[u]) {
      units_at_node.emplace(node.value(), std::pair{u, offset});
    }
  }
  UnitTimes out;
  out.time_of_unit = std::move(known);
  Weight kth_best = kInfinity;  // the k-th smallest time found so far
  auto update_kth_best = [&] {
    if (k == 0 || out.time_of_unit.size() < k) {
      return;
    }
    std::vector<Weight> times;
    for (const auto& [unit, time] : out.time_of_unit) {
      times.push_back(time);
    }
    std::nth_element(times.begin(), times.begin() + static_cast<std::ptrdiff_t>(k - 1),
                     times.end());
    kth_best = times[k - 1];
  };
  update_kth_best();
  backward.run(target, [&](NodeId v, Weight t) {
    // Units not found yet are at least t away by road (and their straight drives, if any,
    // are known already): once t passes the k-th best, the k best are final.
    if (k == 0 || t > kth_best) {
      return false;
    }
    const auto [first, last] = units_at_node.equal_range(v.value());
    bool improved = false;
    for (auto it = first; it != last; ++it) {
      const auto [unit, offset] = it->second;
      const Weight time = t + offset;
      const auto [found, inserted] = out.time_of_unit.emplace(unit, time);
      if (!inserted && time >= found->second) {
        continue;
      }
      found->second = time;
      improved = true;
    }
    if (improved) {
      update_kth_best();
    }
    return true;
  });
  for (const auto& [unit, time] : out.time_of_unit) {
    out.nearest.push_back({unit, time});
  }
  std::sort(out.nearest.begin(), out.nearest.end(), [](const auto& a, const auto& b) {
    return a.time_ms < b.time_ms || (a.time_ms == b.time_ms && a.unit < b.unit);
  });
  if (out.nearest.size() > k) {
    out.nearest.resize(k);
  }
  return out;
}

}  // namespace

UnitTimes nearest_units_by_dijkstra(ReferenceDijkstra& backward,
                                    const std::vector<std::vector<GraphEntry>>& units,
                                    std::span<const GraphEntry> target, std::size_t k) {
  return nearest_from(backward, units, target, k, {});
}

UnitTimes nearest_units_by_dijkstra(const RoadGraph& graph, ReferenceDijkstra& backward,
                                    std::span<const Snap> units, const Snap& target,
                                    std::size_t k) {
  std::vector<std::vector<GraphEntry>> entries;
  std::unordered_map<std::uint32_t, Weight> straight;
  for (std::uint32_t u = 0; u < units.size(); ++u) {
    entries.push_back(units[u].as_source(graph));
    const Weight time = straight_time_by_reference(graph, units[u], target);
    if (time != kInfinity) {
      straight.emplace(u, time);
    }
  }
  return nearest_from(backward, entries, target.as_target(graph), k, std::move(straight));
}

::testing::AssertionResult nearest_units_match(const std::vector<NearestUnits::Hit>& got,
                                               const UnitTimes& want) {
  if (got.size() != want.nearest.size()) {
    return ::testing::AssertionFailure()
           << got.size() << " hits where Dijkstra finds " << want.nearest.size();
  }
  std::set<std::uint32_t> named;
  for (std::size_t i = 0; i < got.size(); ++i) {
    if (got[i].time_ms != want.nearest[i].time_ms) {
      return ::testing::AssertionFailure() << "rank " << i << ": " << got[i].time_ms
                                           << " ms where Dijkstra has " << want.nearest[i].time_ms;
    }
    const auto own = want.time_of_unit.find(got[i].unit);
    if (own == want.time_of_unit.end() || own->second != got[i].time_ms) {
      return ::testing::AssertionFailure()
             << "rank " << i << " names unit " << got[i].unit << " with " << got[i].time_ms
             << " ms, but that unit is "
             << (own == want.time_of_unit.end() ? std::string("farther")
                                                : std::to_string(own->second) + " ms")
             << " away";
    }
    if (!named.insert(got[i].unit).second) {
      return ::testing::AssertionFailure() << "unit " << got[i].unit << " named twice";
    }
    if (i > 0 && got[i].time_ms == got[i - 1].time_ms && got[i].unit < got[i - 1].unit) {
      return ::testing::AssertionFailure() << "equal times not sorted by unit at rank " << i;
    }
  }
  return ::testing::AssertionSuccess();
}

Weight straight_time_by_reference(const RoadGraph& graph, const Snap& a, const Snap& b) {
  // Where b lies on a's segment, as a fraction from a.from towards a.to.
  double b_at = 0.0;
  if (b.arc == a.arc) {
    b_at = b.t;
  } else if (a.reverse && b.arc == *a.reverse) {
    b_at = 1.0 - b.t;
  } else {
    return kInfinity;
  }
  Weight best = kInfinity;
  if (b_at >= a.t) {
    best = std::min(best, along(graph.time_ms(a.arc), b_at - a.t));
  }
  if (a.reverse && b_at <= a.t) {
    best = std::min(best, along(graph.time_ms(*a.reverse), a.t - b_at));
  }
  return best;
}

Weight trip_time_by_dijkstra(const RoadGraph& graph, const ReferenceDijkstra& from_a, const Snap& a,
                             const Snap& b) {
  const auto exits = b.as_target(graph);
  return std::min(from_a.time_to(exits), straight_time_by_reference(graph, a, b));
}

}  // namespace shouwang::routing::testing
