#include "routing/reach_oracles.h"

#include <algorithm>
#include <cstdint>

namespace shouwang::routing::testing {
namespace {

// Twice the signed area of (o, a, b) in degrees: positive when b is left of o -> a.
double cross(const LatLon& o, const LatLon& a, const LatLon& b) {
  return (a.lon - o.lon) * (b.lat - o.lat) - (a.lat - o.lat) * (b.lon - o.lon);
}

bool by_lon_then_lat(const LatLon& a, const LatLon& b) {
  return a.lon < b.lon || (a.lon == b.lon && a.lat < b.lat);
}

// Whether `sorted` (by_lon_then_lat) holds a point within `tolerance` degrees of `p`.
bool holds(const std::vector<LatLon>& sorted, const LatLon& p, double tolerance) {
  auto it = std::lower_bound(sorted.begin(), sorted.end(),
                             LatLon{p.lat - tolerance, p.lon - tolerance}, by_lon_then_lat);
  for (; it != sorted.end() && it->lon <= p.lon + tolerance; ++it) {
    if (std::abs(it->lat - p.lat) <= tolerance) {
      return true;
    }
  }
  return false;
}

::testing::AssertionResult outline_is_hull(const std::vector<LatLon>& outline,
                                           std::vector<LatLon> points) {
  constexpr double kOnTheLine = 1e-12;  // degrees², far above rounding, far below any real turn
  constexpr double kSamePoint = 1e-9;   // degrees
  std::sort(points.begin(), points.end(), by_lon_then_lat);
  if (points.empty() != outline.empty()) {
    return ::testing::AssertionFailure() << "outline of " << outline.size() << " points around "
                                         << points.size() << " reached points";
  }
  for (std::size_t i = 0; i < outline.size(); ++i) {
    if (!holds(points, outline[i], kSamePoint)) {
      return ::testing::AssertionFailure() << "outline corner " << i << " (" << outline[i].lat
                                           << ", " << outline[i].lon << ") is not a reached point";
    }
  }
  if (outline.size() < 4) {
    return ::testing::AssertionSuccess();  // fewer than 3 points, or all on a line
  }
  if (!(outline.front() == outline.back())) {
    return ::testing::AssertionFailure() << "outline not closed";
  }
  const std::size_t corners = outline.size() - 1;
  for (std::size_t i = 0; i < corners; ++i) {
    const double turn = cross(outline[i], outline[i + 1], outline[(i + 2) % corners]);
    if (turn < -kOnTheLine) {
      return ::testing::AssertionFailure() << "outline turns clockwise at corner " << i + 1;
    }
  }
  for (const LatLon& p : points) {
    for (std::size_t i = 0; i < corners; ++i) {
      if (cross(outline[i], outline[i + 1], p) < -kOnTheLine) {
        return ::testing::AssertionFailure() << "reached point (" << p.lat << ", " << p.lon
                                             << ") lies outside the outline's edge " << i;
      }
    }
  }
  return ::testing::AssertionSuccess();
}

}  // namespace

::testing::AssertionResult isochrone_matches(const RoadGraph& graph,
                                             const ReferenceDijkstra& reference, Weight limit,
                                             const Isochrone& isochrone, ReachCounts& counts) {
  const std::size_t n = graph.node_count();
  std::vector<Weight> listed(n, kInfinity);
  Weight previous = 0;
  for (const auto& [v, t] : isochrone.nodes) {
    if (!v.valid() || v.value() >= n) {
      return ::testing::AssertionFailure() << "a node that is not in the graph";
    }
    if (listed[v.value()] != kInfinity) {
      return ::testing::AssertionFailure() << "node " << v.value() << " listed twice";
    }
    if (t < previous) {
      return ::testing::AssertionFailure() << "node " << v.value() << " out of order of time";
    }
    listed[v.value()] = t;
    previous = t;
  }
  std::vector<LatLon> points;
  for (std::uint32_t v = 0; v < n; ++v) {
    ++counts.node_cases;
    const Weight want = reference.time(NodeId(v)) <= limit ? reference.time(NodeId(v)) : kInfinity;
    if (listed[v] != want) {
      return ::testing::AssertionFailure()
             << "node " << v << ": " << listed[v] << " ms where the reference has "
             << reference.time(NodeId(v)) << " ms (limit " << limit << " ms; " << kInfinity
             << " = not reached)";
    }
    if (want == kInfinity) {
      continue;
    }
    ++counts.reached;
    points.push_back(graph.coordinate(NodeId(v)));
  }

  std::vector<PartialArc> expected;
  for (std::uint32_t u = 0; u < n; ++u) {
    const Weight at_tail = reference.time(NodeId(u));
    if (at_tail >= limit) {
      continue;  // not reached, or no budget left
    }
    for (ArcId a = graph.begin_out(NodeId(u)); a < graph.end_out(NodeId(u));
         a = ArcId(a.value() + 1)) {
      const NodeId head = graph.head(a);
      if (reference.time(head) <= limit) {
        continue;
      }
      const double fraction = static_cast<double>(limit - at_tail) / graph.time_ms(a);
      expected.push_back({a, NodeId(u), fraction});
      const LatLon from = graph.coordinate(NodeId(u)), to = graph.coordinate(head);
      points.push_back(
          {from.lat + (to.lat - from.lat) * fraction, from.lon + (to.lon - from.lon) * fraction});
    }
  }
  std::vector<PartialArc> got = isochrone.partial;
  std::sort(got.begin(), got.end(),
            [](const PartialArc& x, const PartialArc& y) { return x.arc < y.arc; });
  if (got.size() != expected.size()) {
    return ::testing::AssertionFailure() << got.size() << " partial arcs where the reference has "
                                         << expected.size() << " (limit " << limit << " ms)";
  }
  for (std::size_t i = 0; i < got.size(); ++i) {
    if (got[i].arc != expected[i].arc || got[i].from != expected[i].from ||
        std::abs(got[i].fraction - expected[i].fraction) > 1e-9) {
      return ::testing::AssertionFailure()
             << "partial arc " << got[i].arc.value() << " from " << got[i].from.value() << " at "
             << got[i].fraction << " where the reference has arc " << expected[i].arc.value()
             << " from " << expected[i].from.value() << " at " << expected[i].fraction;
    }
  }
  counts.partial_arcs += expected.size();
  return outline_is_hull(isochrone.outline, std::move(points));
}

::testing::AssertionResult coverage_matches(const RoadGraph& graph,
                                            const std::vector<std::vector<GraphEntry>>& posts,
                                            std::span<const Weight> limits,
                                            std::span<const Coverage> coverages,
                                            ReachCounts& counts) {
  const std::size_t n = graph.node_count();
  if (coverages.size() != limits.size()) {
    return ::testing::AssertionFailure() << "one coverage per limit expected";
  }
  for (const Coverage& c : coverages) {
    if (c.time.size() != n || c.post.size() != n) {
      return ::testing::AssertionFailure() << "coverage of " << c.time.size() << " times and "
                                           << c.post.size() << " posts for " << n << " nodes";
    }
  }
  // best[v]: over all posts; own[i][v]: from the post coverages[i] names for v.
  std::vector<Weight> best(n, kInfinity);
  std::vector<std::vector<Weight>> own(limits.size(), std::vector<Weight>(n, kInfinity));
  ReferenceDijkstra dijkstra(graph);
  for (std::size_t p = 0; p < posts.size(); ++p) {
    dijkstra.run(posts[p]);
    for (std::uint32_t v = 0; v < n; ++v) {
      const Weight t = dijkstra.time(NodeId(v));
      best[v] = std::min(best[v], t);
      for (std::size_t i = 0; i < limits.size(); ++i) {
        if (coverages[i].post[v] == static_cast<std::int32_t>(p)) {
          own[i][v] = t;
        }
      }
    }
  }
  for (std::size_t i = 0; i < limits.size(); ++i) {
    const Coverage& c = coverages[i];
    std::size_t covered = 0;
    for (std::uint32_t v = 0; v < n; ++v) {
      ++counts.node_cases;
      const Weight want = best[v] <= limits[i] ? best[v] : kInfinity;
      if (c.time[v] != want) {
        return ::testing::AssertionFailure()
               << "node " << v << ": " << c.time[v] << " ms where the nearest of " << posts.size()
               << " posts is " << best[v] << " ms away (limit " << limits[i] << " ms)";
      }
      if (want == kInfinity) {
        if (c.post[v] != -1) {
          return ::testing::AssertionFailure()
                 << "uncovered node " << v << " names post " << c.post[v];
        }
        continue;
      }
      ++covered;
      if (c.post[v] < 0 || static_cast<std::size_t>(c.post[v]) >= posts.size()) {
        return ::testing::AssertionFailure() << "covered node " << v << " names post " << c.post[v];
      }
      if (own[i][v] != want) {
        return ::testing::AssertionFailure()
               << "node " << v << " names post " << c.post[v] << ", " << own[i][v]
               << " ms away, where the nearest is " << want << " ms away";
      }
    }
    counts.reached += covered;
    if (c.covered_within(limits[i]) != covered) {
      return ::testing::AssertionFailure()
             << "covered_within(" << limits[i] << ") = " << c.covered_within(limits[i]) << " where "
             << covered << " nodes are covered";
    }
  }
  return ::testing::AssertionSuccess();
}

}  // namespace shouwang::routing::testing
