#pragma once
// Nearest-road snapping: the point on the road network closest to a position, found with a
// uniform grid over the road segments. Immutable after construction, shared by threads.
// No I/O here: a file writer saves grid(), cell_first() and cell_arcs() and hands them back
// through from_arrays.

#include <cstdint>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include <shouwang/base/geo.h>
#include <shouwang/base/result.h>
#include <shouwang/routing/road_graph.h>

namespace shouwang::routing {

// An arc of the snapped segment, with its ends (the tail is not stored in the graph).
struct SegmentArc {
  NodeId tail;
  NodeId head;
  ArcId arc;
};

struct Snap {
  NodeId from;                      // the segment's ends, in the direction of `arc`
  NodeId to;
  ArcId arc;                        // from -> to
  std::optional<ArcId> reverse;     // to -> from, the fastest, when the road is two-way
  double t = 0.0;                   // 0 at `from`, 1 at `to`
  LatLon point;                     // the projection onto the segment
  Meters distance;                  // from the query position to `point`
  // Every arc that runs along this segment, `arc` and `reverse` among them. A junction
  // with turn restrictions is several graph nodes at one position (one per way of
  // arriving), so one road segment can be several parallel arcs: a trip may end on any of
  // them and start on any of them.
  std::vector<SegmentArc> ahead;   // from `from`'s position to `to`'s
  std::vector<SegmentArc> behind;  // from `to`'s position to `from`'s

  // Where a trip starting at `point` enters the graph: (node, time to reach it), one entry
  // per node.
  [[nodiscard]] std::vector<std::pair<NodeId, Weight>> as_source(const RoadGraph& graph) const;
  // Where a trip ending at `point` leaves the graph: (node, time from it to `point`), one
  // entry per node.
  [[nodiscard]] std::vector<std::pair<NodeId, Weight>> as_target(const RoadGraph& graph) const;
};

// Where the grid lies: the local frame it is drawn in and its cells. Cell (x, y), x counted
// eastward and y northward from 0, covers [min_x + x·cell, min_x + (x+1)·cell) ×
// [min_y + y·cell, min_y + (y+1)·cell) in the frame and is number y·columns + x.
struct SnapGrid {
  LatLon origin;             // of the LocalProjection: the centre of the graph's box
  double cell_metres = 0.0;  // side of a square cell
  double min_x = 0.0;        // the grid's south-west corner in the frame, metres
  double min_y = 0.0;
  std::uint32_t columns = 0;
  std::uint32_t rows = 0;
};

// The index refers to the graph it was made for, which must outlive it.
class SnapIndex {
 public:
  explicit SnapIndex(const RoadGraph& graph, double cell_metres = 125.0);

  // Adopts a grid and its cell lists as saved from grid(), cell_first() and cell_arcs() of
  // an index of `graph`; kCorrupt, naming the first broken invariant, if they fail check().
  // The arrays cannot prove they were made for this very graph: the file that carries them
  // binds them to it.
  static Result<SnapIndex> from_arrays(const RoadGraph& graph, SnapGrid grid,
                                       std::vector<std::uint32_t> cell_first,
                                       std::vector<ArcId> cell_arcs);

  // The nearest segment within `max_distance`; kOutOfRange naming the distance when the
  // position is farther from every road, kInvalidArgument for coordinates off the globe.
  [[nodiscard]] Result<Snap> snap(LatLon position, Meters max_distance = Meters(1000.0)) const;

  [[nodiscard]] const RoadGraph& graph() const { return graph_; }

  // Raw arrays, for serialisation. A road segment is listed once per cell its bounding box
  // overlaps, as the arc u -> v, or for a two-way road as the arc leaving the lower node.
  [[nodiscard]] SnapGrid grid() const;
  // CSR over cells: cell c lists cell_arcs()[cell_first()[c], cell_first()[c + 1]).
  [[nodiscard]] std::span<const std::uint32_t> cell_first() const { return cell_first_; }
  [[nodiscard]] std::span<const ArcId> cell_arcs() const { return cell_arcs_; }

  // Invariants snap() relies on: a positive cell size, a finite grid with at least one
  // cell, every node of the graph inside it, cell_first monotone from 0 to the number of
  // listed arcs with one entry per cell plus one, and every listed arc an arc of the graph
  // whose segment reaches that cell, each cell's arcs strictly ascending. The message names
  // the first broken one. Linear in the graph and the lists. Not checked: that every
  // segment is listed in every cell it crosses (that would take a rebuild).
  [[nodiscard]] Status check() const;

 private:
  SnapIndex(const RoadGraph& graph, const SnapGrid& grid);
  void project_nodes();
  [[nodiscard]] NodeId tail_of(ArcId arc) const;
  // Fills snap.ahead and snap.behind; `on_segment` is the snapped point in the frame.
  void collect_segment_arcs(Snap& snap, Xy on_segment) const;

  [[nodiscard]] std::int64_t cell_x(double x) const;
  [[nodiscard]] std::int64_t cell_y(double y) const;

  const RoadGraph& graph_;
  LocalProjection frame_;
  double cell_;
  double min_x_ = 0, min_y_ = 0;
  std::int64_t columns_ = 0, rows_ = 0;
  std::vector<std::uint32_t> cell_first_;  // CSR over cells: segments (as arc ids) per cell
  std::vector<ArcId> cell_arcs_;
  std::vector<Xy> xy_;                     // node positions in the frame
};

}  // namespace shouwang::routing
