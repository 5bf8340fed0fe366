#pragma once
// A drive planned in advance: a polyline whose vertices carry the time at which the unit
// passes them, so that a unit's position at any moment is one interpolation (the per-fix
// work of 2,000 units has to stay cheap). Times are simulated seconds from the path's
// start; distances metres along it.
//
//   vertex:   0 ────────── 1 ──── 2 ─────────────── 3
//   t_s:      0           14.2   19.0              41.7
//   node:     n17         n18    n40               (mid-segment: invalid)
//
// A vertex that is a road-graph node names it, so a new route can leave the path at its
// next node. A path that ends part-way along a road segment (at an incident) says how it
// would carry on to the segment's end node (`exit`), which is where a unit leaving the
// scene rejoins the graph.
//
// Not thread-safe; a value owned by one unit.

#include <cstddef>
#include <optional>
#include <vector>

#include <shouwang/base/geo.h>
#include <shouwang/base/ids.h>

namespace shouwang::sim {

struct PathVertex {
  LatLon at;
  double t_s = 0.0;          // when the unit passes here
  double d_m = 0.0;          // metres driven from the start
  NodeId node;               // the road-graph node here; invalid part-way along a segment
  double heading_deg = 0.0;  // of the segment that starts here (the previous one's at the end)
};

// Where and how a unit is at one moment of a path.
struct PathSample {
  LatLon position;
  double speed_mps = 0.0;  // of the segment being driven; 0 once finished
  double heading_deg = 0.0;
  bool finished = false;  // at or past the last vertex
};

// The rest of the road segment after a path's last vertex: drive `seconds` and `metres`
// on to `node` at `at`.
struct PathExit {
  NodeId node;
  LatLon at;
  double seconds = 0.0;
  double metres = 0.0;
};

class TimedPath {
 public:
  TimedPath() = default;
  // A path that starts (and, until extended, ends) at `at`.
  TimedPath(LatLon at, NodeId node);

  // Drives on to `at` in `seconds` over `metres`. Precondition: not empty, seconds >= 0.
  void extend(LatLon at, NodeId node, double seconds, double metres);
  // Appends `next`, which must start where this path ends (its first vertex is dropped);
  // its exit becomes this path's exit.
  void append(const TimedPath& next);

  [[nodiscard]] bool empty() const { return vertices_.empty(); }
  [[nodiscard]] const std::vector<PathVertex>& vertices() const { return vertices_; }
  [[nodiscard]] double duration_s() const { return vertices_.empty() ? 0.0 : vertices_.back().t_s; }
  [[nodiscard]] double length_m() const { return vertices_.empty() ? 0.0 : vertices_.back().d_m; }
  [[nodiscard]] LatLon end() const { return vertices_.back().at; }

  std::optional<PathExit> exit;

  // The unit's position `elapsed_s` after the start. `cursor` is the caller's hint of the
  // segment reached so far (start at 0): sampling forward in time is amortised O(1).
  [[nodiscard]] PathSample sample(double elapsed_s, std::size_t& cursor) const;

  // The path from the position at `elapsed_s` on to the first graph node ahead of it
  // (that node included), keeping the same speeds; an empty path when no node lies
  // ahead. The exit of this path is kept when the end is reached without a node.
  [[nodiscard]] TimedPath remainder_to_next_node(double elapsed_s) const;

 private:
  std::vector<PathVertex> vertices_;
};

}  // namespace shouwang::sim
