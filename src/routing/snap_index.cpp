#include <shouwang/routing/snap_index.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>

namespace shouwang::routing {
namespace {

LatLon centre_of(const RoadGraph& graph) {
  if (graph.node_count() == 0) return {0, 0};
  double min_lat = 90, max_lat = -90, min_lon = 180, max_lon = -180;
  for (const LatLon& c : graph.coordinates()) {
    min_lat = std::min(min_lat, c.lat);
    max_lat = std::max(max_lat, c.lat);
    min_lon = std::min(min_lon, c.lon);
    max_lon = std::max(max_lon, c.lon);
  }
  return {(min_lat + max_lat) / 2.0, (min_lon + max_lon) / 2.0};
}

Weight part(Weight total, double fraction) {
  return static_cast<Weight>(std::llround(static_cast<double>(total) * std::clamp(fraction, 0.0, 1.0)));
}

}  // namespace

namespace {

// Adds (node, time), keeping the smaller time when the node is already listed.
void add_entry(std::vector<std::pair<NodeId, Weight>>& entries, NodeId node, Weight time) {
  for (auto& [v, w] : entries) {
    if (v == node) {
      w = std::min(w, time);
      return;
    }
  }
  entries.emplace_back(node, time);
}

}  // namespace

std::vector<std::pair<NodeId, Weight>> Snap::as_source(const RoadGraph& graph) const {
  std::vector<std::pair<NodeId, Weight>> out{{to, part(graph.time_ms(arc), 1.0 - t)}};
  if (reverse) add_entry(out, from, part(graph.time_ms(*reverse), t));
  for (const SegmentArc& a : ahead) add_entry(out, a.head, part(graph.time_ms(a.arc), 1.0 - t));
  for (const SegmentArc& a : behind) add_entry(out, a.head, part(graph.time_ms(a.arc), t));
  return out;
}

std::vector<std::pair<NodeId, Weight>> Snap::as_target(const RoadGraph& graph) const {
  std::vector<std::pair<NodeId, Weight>> out{{from, part(graph.time_ms(arc), t)}};
  if (reverse) add_entry(out, to, part(graph.time_ms(*reverse), 1.0 - t));
  for (const SegmentArc& a : ahead) add_entry(out, a.tail, part(graph.time_ms(a.arc), t));
  for (const SegmentArc& a : behind) add_entry(out, a.tail, part(graph.time_ms(a.arc), 1.0 - t));
  return out;
}

SnapIndex::SnapIndex(const RoadGraph& graph, double cell_metres)
    : graph_(graph), frame_(centre_of(graph)), cell_(cell_metres) {
  const std::size_t n = graph.node_count();
  project_nodes();
  double max_x = 0, max_y = 0;
  min_x_ = min_y_ = std::numeric_limits<double>::max();
  max_x = max_y = std::numeric_limits<double>::lowest();
  for (const Xy& p : xy_) {
    min_x_ = std::min(min_x_, p.x);
    min_y_ = std::min(min_y_, p.y);
    max_x = std::max(max_x, p.x);
    max_y = std::max(max_y, p.y);
  }
  if (n == 0) min_x_ = min_y_ = max_x = max_y = 0;
  columns_ = static_cast<std::int64_t>((max_x - min_x_) / cell_) + 1;
  rows_ = static_cast<std::int64_t>((max_y - min_y_) / cell_) + 1;

  // One entry per road segment: the arc u->v, or for a two-way road only the arc from the
  // lower node id. Two passes fill a CSR of cell -> arcs.
  std::vector<std::pair<std::uint32_t, ArcId>> entries;
  for (std::uint32_t u = 0; u < n; ++u) {
    for (ArcId a = graph.begin_out(NodeId(u)); a < graph.end_out(NodeId(u)); a = ArcId(a.value() + 1)) {
      const std::uint32_t v = graph.head(a).value();
      if (v < u) {
        bool has_reverse = false;
        for (ArcId b = graph.begin_out(NodeId(v)); b < graph.end_out(NodeId(v)); b = ArcId(b.value() + 1)) {
          has_reverse = has_reverse || graph.head(b).value() == u;
        }
        if (has_reverse) continue;  // listed from v's side
      }
      const Xy p = xy_[u], q = xy_[v];
      for (std::int64_t cx = cell_x(std::min(p.x, q.x)); cx <= cell_x(std::max(p.x, q.x)); ++cx) {
        for (std::int64_t cy = cell_y(std::min(p.y, q.y)); cy <= cell_y(std::max(p.y, q.y)); ++cy) {
          entries.emplace_back(static_cast<std::uint32_t>(cy * columns_ + cx), a);
        }
      }
    }
  }
  std::sort(entries.begin(), entries.end());
  entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
  cell_first_.assign(static_cast<std::size_t>(columns_ * rows_) + 1, 0);
  for (const auto& [cell, arc] : entries) ++cell_first_[cell + 1];
  for (std::size_t c = 1; c < cell_first_.size(); ++c) cell_first_[c] += cell_first_[c - 1];
  cell_arcs_.reserve(entries.size());
  for (const auto& [cell, arc] : entries) cell_arcs_.push_back(arc);
}

SnapIndex::SnapIndex(const RoadGraph& graph, const SnapGrid& grid)
    : graph_(graph),
      frame_(grid.origin),
      cell_(grid.cell_metres),
      min_x_(grid.min_x),
      min_y_(grid.min_y),
      columns_(grid.columns),
      rows_(grid.rows) {
  project_nodes();
}

void SnapIndex::project_nodes() {
  xy_.clear();
  xy_.reserve(graph_.node_count());
  for (const LatLon& c : graph_.coordinates())
    xy_.push_back(frame_.to_xy(c));
}

std::int64_t SnapIndex::cell_x(double x) const {
  return std::clamp<std::int64_t>(static_cast<std::int64_t>(std::floor((x - min_x_) / cell_)), 0, columns_ - 1);
}

std::int64_t SnapIndex::cell_y(double y) const {
  return std::clamp<std::int64_t>(static_cast<std::int64_t>(std::floor((y - min_y_) / cell_)), 0, rows_ - 1);
}

Result<Snap> SnapIndex::snap(LatLon position, Meters max_distance) const {
  if (auto ok = make_lat_lon(position.lat, position.lon); !ok) return ok.error();
  const Xy p = frame_.to_xy(position);
  // Ring search outward from the cell of p (clamped into the grid). Once the best segment
  // is nearer than the distance any unvisited ring could have, it is the nearest.
  const double outside = std::max({min_x_ - p.x, p.x - (min_x_ + static_cast<double>(columns_) * cell_),
                                   min_y_ - p.y, p.y - (min_y_ + static_cast<double>(rows_) * cell_), 0.0});
  const std::int64_t cx = cell_x(p.x), cy = cell_y(p.y);
  double best = std::numeric_limits<double>::max();
  ArcId best_arc;
  double best_t = 0;
  Xy best_point;
  const std::int64_t max_ring = std::max(columns_, rows_);
  for (std::int64_t ring = 0; ring <= max_ring; ++ring) {
    const double ring_reach = outside + static_cast<double>(ring - 1) * cell_;  // nearest point of this ring
    if (ring > 0 && (best <= ring_reach || ring_reach > max_distance.value())) break;
    for (std::int64_t y = cy - ring; y <= cy + ring; ++y) {
      if (y < 0 || y >= rows_) continue;
      const bool edge_row = y == cy - ring || y == cy + ring;
      for (std::int64_t x = cx - ring; x <= cx + ring; x += edge_row ? 1 : 2 * ring) {
        if (x < 0 || x >= columns_) {
          if (ring == 0) break;
          continue;
        }
        const auto cell = static_cast<std::size_t>(y * columns_ + x);
        for (std::uint32_t i = cell_first_[cell]; i < cell_first_[cell + 1]; ++i) {
          const ArcId arc = cell_arcs_[i];
          // The tail of `arc` is found from the CSR: the node whose range holds it.
          const auto fo = graph_.first_out();
          const auto tail = static_cast<std::uint32_t>(std::upper_bound(fo.begin(), fo.end(), arc.value()) - fo.begin() - 1);
          const SegmentProjection proj = project_to_segment(p, xy_[tail], xy_[graph_.head(arc).value()]);
          if (proj.distance < best || (proj.distance == best && arc < best_arc)) {
            best = proj.distance;
            best_arc = arc;
            best_t = proj.t;
            best_point = proj.point;
          }
        }
        if (ring == 0) break;
      }
    }
  }
  if (!best_arc.valid() || best > max_distance.value()) {
    return Error(Errc::kOutOfRange, "no road within " + std::to_string(static_cast<int>(max_distance.value())) +
                                        " m of " + std::to_string(position.lat) + ", " + std::to_string(position.lon),
                 "position");
  }
  Snap snap;
  snap.from = tail_of(best_arc);
  snap.to = graph_.head(best_arc);
  snap.arc = best_arc;
  collect_segment_arcs(snap, best_point);
  Weight reverse_time = kInfinity;
  for (const SegmentArc& a : snap.behind) {
    if (graph_.time_ms(a.arc) < reverse_time) {
      reverse_time = graph_.time_ms(a.arc);
      snap.reverse = a.arc;
    }
  }
  snap.t = best_t;
  snap.point = frame_.to_lat_lon(best_point);
  snap.distance = Meters(best);
  return snap;
}

NodeId SnapIndex::tail_of(ArcId arc) const {
  const auto fo = graph_.first_out();
  return NodeId(static_cast<std::uint32_t>(std::upper_bound(fo.begin(), fo.end(), arc.value()) - fo.begin() - 1));
}

void SnapIndex::collect_segment_arcs(Snap& snap, Xy on_segment) const {
  // Every arc of the segment is listed in the cell of any point on it, directly or as the
  // reverse of a listed arc (two-way pairs are listed once); they are told apart from
  // other roads by the positions of their ends.
  const Xy from = xy_[snap.from.value()], to = xy_[snap.to.value()];
  auto same = [](Xy a, Xy b) { return a.x == b.x && a.y == b.y; };
  auto add = [](std::vector<SegmentArc>& list, SegmentArc a) {
    for (const SegmentArc& b : list) {
      if (b.arc == a.arc) return;
    }
    list.push_back(a);
  };
  auto classify = [&](NodeId tail, NodeId head, ArcId arc) {
    const Xy p = xy_[tail.value()], q = xy_[head.value()];
    if (same(p, from) && same(q, to)) add(snap.ahead, {tail, head, arc});
    if (same(p, to) && same(q, from)) add(snap.behind, {tail, head, arc});
  };
  if (same(from, to)) {  // a zero-length segment has no direction to tell arcs apart by
    snap.ahead.push_back({snap.from, snap.to, snap.arc});
    for (ArcId b = graph_.begin_out(snap.to); b < graph_.end_out(snap.to); b = ArcId(b.value() + 1)) {
      if (graph_.head(b) == snap.from) snap.behind.push_back({snap.to, snap.from, b});
    }
    return;
  }
  const auto cell = static_cast<std::size_t>(cell_y(on_segment.y) * columns_ + cell_x(on_segment.x));
  for (std::uint32_t i = cell_first_[cell]; i < cell_first_[cell + 1]; ++i) {
    const ArcId arc = cell_arcs_[i];
    const NodeId tail = tail_of(arc), head = graph_.head(arc);
    const Xy p = xy_[tail.value()], q = xy_[head.value()];
    if (!((same(p, from) && same(q, to)) || (same(p, to) && same(q, from)))) continue;
    classify(tail, head, arc);
    for (ArcId b = graph_.begin_out(head); b < graph_.end_out(head); b = ArcId(b.value() + 1)) {
      if (graph_.head(b) == tail) classify(head, tail, b);
    }
  }
}

Result<SnapIndex> SnapIndex::from_arrays(const RoadGraph& graph, SnapGrid grid,
                                         std::vector<std::uint32_t> cell_first,
                                         std::vector<ArcId> cell_arcs) {
  SnapIndex index(graph, grid);
  index.cell_first_ = std::move(cell_first);
  index.cell_arcs_ = std::move(cell_arcs);
  if (Status ok = index.check(); !ok)
    return ok.error();
  return index;
}

SnapGrid SnapIndex::grid() const {
  return {frame_.origin(),
          cell_,
          min_x_,
          min_y_,
          static_cast<std::uint32_t>(columns_),
          static_cast<std::uint32_t>(rows_)};
}

Status SnapIndex::check() const {
  auto corrupt = [](const std::string& message) { return Error(Errc::kCorrupt, message); };
  if (!std::isfinite(cell_) || cell_ <= 0)
    return corrupt("the cell size is not a positive number of metres");
  if (!make_lat_lon(frame_.origin().lat, frame_.origin().lon))
    return corrupt("the frame origin is not a coordinate");
  if (!std::isfinite(min_x_) || !std::isfinite(min_y_))
    return corrupt("the grid corner is not finite");
  if (columns_ < 1 || rows_ < 1 || columns_ > 0xFFFFFFFF || rows_ > 0xFFFFFFFF) {
    return corrupt("the grid has " + std::to_string(columns_) + " x " + std::to_string(rows_) +
                   " cells");
  }
  // The ring search stops by distance from the grid, so a node outside it could be missed.
  std::vector<std::pair<std::int64_t, std::int64_t>> node_cell(xy_.size());  // (x, y)
  for (std::size_t v = 0; v < xy_.size(); ++v) {
    const double x = std::floor((xy_[v].x - min_x_) / cell_),
                 y = std::floor((xy_[v].y - min_y_) / cell_);
    if (!(x >= 0 && x < static_cast<double>(columns_) && y >= 0 &&
          y < static_cast<double>(rows_))) {
      return corrupt("node " + std::to_string(v) + " lies outside the grid");
    }
    node_cell[v] = {static_cast<std::int64_t>(x), static_cast<std::int64_t>(y)};
  }
  const auto cells = static_cast<std::uint64_t>(columns_) * static_cast<std::uint64_t>(rows_);
  if (cell_first_.size() != cells + 1) {
    return corrupt("cell_first has " + std::to_string(cell_first_.size()) + " entries for " +
                   std::to_string(cells) + " cells");
  }
  if (cell_first_.front() != 0 || cell_first_.back() != cell_arcs_.size()) {
    return corrupt("cell_first does not span the listed arcs");
  }
  for (std::uint64_t c = 0; c < cells; ++c) {
    if (cell_first_[c] > cell_first_[c + 1])
      return corrupt("cell_first decreases at cell " + std::to_string(c));
  }
  std::vector<std::uint32_t> tail(graph_.arc_count());
  for (std::uint32_t u = 0; u < graph_.node_count(); ++u) {
    for (std::uint32_t a = graph_.first_out()[u]; a < graph_.first_out()[u + 1]; ++a)
      tail[a] = u;
  }
  for (std::uint64_t c = 0; c < cells; ++c) {
    const auto cx = static_cast<std::int64_t>(c % static_cast<std::uint64_t>(columns_));
    const auto cy = static_cast<std::int64_t>(c / static_cast<std::uint64_t>(columns_));
    for (std::uint32_t i = cell_first_[c]; i < cell_first_[c + 1]; ++i) {
      const ArcId arc = cell_arcs_[i];
      auto listed = [&] {
        return "cell " + std::to_string(c) + " lists arc " + std::to_string(arc.value());
      };
      if (!arc.valid() || arc.value() >= graph_.arc_count())
        return corrupt(listed() + ", which is not in the graph");
      if (i > cell_first_[c] && !(cell_arcs_[i - 1] < arc))
        return corrupt(listed() + " out of order");
      // The cells of the segment's box, as the constructor lists them (cell_x is monotone).
      const auto [px, py] = node_cell[tail[arc.value()]];
      const auto [qx, qy] = node_cell[graph_.head(arc).value()];
      if (cx < std::min(px, qx) || cx > std::max(px, qx) || cy < std::min(py, qy) ||
          cy > std::max(py, qy)) {
        return corrupt(listed() + ", whose segment does not reach the cell");
      }
    }
  }
  return ok_status();
}

}  // namespace shouwang::routing
