#include <algorithm>
#include <functional>

#include <shouwang/sim/route_planner.h>

namespace shouwang::sim {
namespace {

using routing::Weight;

// One way the route may end on the target's segment: reaching `tail`, driving `fraction`
// of `arc` to the target, then on to `head`.
struct SegmentEnd {
  NodeId tail;
  ArcId arc;
  NodeId head;
  double fraction = 0.0;
};

std::vector<SegmentEnd> segment_ends(const routing::Snap& snap) {
  std::vector<SegmentEnd> ends{{snap.from, snap.arc, snap.to, snap.t}};
  if (snap.reverse)
    ends.push_back({snap.to, *snap.reverse, snap.from, 1.0 - snap.t});
  for (const routing::SegmentArc& a : snap.ahead)
    ends.push_back({a.tail, a.arc, a.head, snap.t});
  for (const routing::SegmentArc& a : snap.behind)
    ends.push_back({a.tail, a.arc, a.head, 1.0 - snap.t});
  return ends;
}

}  // namespace

RoutePlanner::RoutePlanner(const RoadNetwork& network, const PatrolAreas& areas)
    : network_(network),
      areas_(areas),
      query_(network.hierarchy()),
      stamp_(network.graph().node_count(), 0),
      time_(network.graph().node_count(), routing::kInfinity),
      parent_(network.graph().node_count()) {}

std::optional<std::vector<NodeId>> RoutePlanner::patrol_leg(NodeId from, std::uint32_t area,
                                                            Rng& rng, double min_s, double max_s) {
  const routing::RoadGraph& g = network_.graph();
  if (areas_.area_of(from) != area)
    return std::nullopt;
  if (++round_ == 0) {
    std::fill(stamp_.begin(), stamp_.end(), 0);
    round_ = 1;
  }
  const auto limit = static_cast<Weight>(max_s * 1000.0);
  const auto lower = static_cast<Weight>(min_s * 1000.0);
  heap_.clear();
  settled_.clear();
  const auto greater = std::greater<>();
  stamp_[from.value()] = round_;
  time_[from.value()] = 0;
  parent_[from.value()] = NodeId();
  heap_.push_back({0, from.value()});
  std::size_t in_range = 0;
  while (!heap_.empty()) {
    std::pop_heap(heap_.begin(), heap_.end(), greater);
    const auto [d, v] = heap_.back();
    heap_.pop_back();
    if (d != time_[v])
      continue;  // a stale entry
    if (areas_.is_patrol_node(NodeId(v)) && v != from.value()) {
      settled_.push_back(NodeId(v));
      if (d >= lower)
        ++in_range;
    }
    for (ArcId a = g.begin_out(NodeId(v)); a < g.end_out(NodeId(v)); a = ArcId(a.value() + 1)) {
      const NodeId w = g.head(a);
      if (areas_.area_of(w) != area)
        continue;
      const Weight nd = d + g.time_ms(a);
      if (nd > limit)
        continue;
      if (stamp_[w.value()] == round_ && time_[w.value()] <= nd)
        continue;
      stamp_[w.value()] = round_;
      time_[w.value()] = nd;
      parent_[w.value()] = NodeId(v);
      heap_.push_back({nd, w.value()});
      std::push_heap(heap_.begin(), heap_.end(), greater);
    }
  }
  if (settled_.empty())
    return std::nullopt;
  NodeId target = settled_.back();  // the farthest, when nothing lies in range
  if (in_range > 0) {
    auto pick = rng.uniform_int(0, static_cast<std::int64_t>(in_range) - 1);
    for (const NodeId v : settled_) {
      if (time_[v.value()] >= lower && pick-- == 0) {
        target = v;
        break;
      }
    }
  }
  std::vector<NodeId> path;
  for (NodeId v = target; v.valid(); v = parent_[v.value()])
    path.push_back(v);
  std::reverse(path.begin(), path.end());
  return path;
}

std::vector<NodeId> RoutePlanner::fastest_path(NodeId from, NodeId to) {
  if (query_.distance(from, to) == routing::kInfinity)
    return {};
  return query_.path();
}

Result<RouteToPoint> RoutePlanner::route_to(NodeId from, LatLon target, Meters max_snap) {
  auto snap = network_.snaps().snap(target, max_snap);
  if (!snap)
    return snap.error();
  const std::vector<std::pair<NodeId, Weight>> source{{from, 0}};
  const auto targets = snap->as_target(network_.graph());
  if (query_.distance(source, targets) == routing::kInfinity) {
    return Error(Errc::kNotFound, "the incident's road cannot be reached from the unit's position");
  }
  RouteToPoint route;
  route.nodes = query_.path();
  const NodeId exit = route.nodes.back();
  // The entry the search chose: the one at the path's last node with the least offset.
  const routing::RoadGraph& g = network_.graph();
  std::optional<SegmentEnd> best;
  double best_ms = 0;
  for (const SegmentEnd& end : segment_ends(*snap)) {
    if (end.tail != exit)
      continue;
    const double ms = end.fraction * g.time_ms(end.arc);
    if (!best || ms < best_ms) {
      best = end;
      best_ms = ms;
    }
  }
  if (!best)
    return Error(Errc::kInternal, "the route does not end on the incident's road segment");
  route.arc = best->arc;
  route.fraction = best->fraction;
  route.end = snap->point;
  route.far_node = best->head;
  return route;
}

ArcId RoutePlanner::arc_between(NodeId u, NodeId v) const {
  const routing::RoadGraph& g = network_.graph();
  ArcId best;
  for (ArcId a = g.begin_out(u); a < g.end_out(u); a = ArcId(a.value() + 1)) {
    if (g.head(a) == v && (!best.valid() || g.time_ms(a) < g.time_ms(best)))
      best = a;
  }
  return best;
}

double RoutePlanner::arc_seconds(ArcId arc, const DriveStyle& style, Rng& rng) const {
  const routing::RoadGraph& g = network_.graph();
  const double v = std::clamp(rng.normal(1.0, style.variation), 1.0 - 3 * style.variation,
                              1.0 + 3 * style.variation);
  double seconds = g.time_ms(arc) / 1000.0 / style.speed_factor * v;
  if (style.max_speed_mps > 0.0)
    seconds = std::max(seconds, g.length_dm(arc) / 10.0 / style.max_speed_mps);
  return seconds;
}

TimedPath RoutePlanner::timed(std::span<const NodeId> nodes, const DriveStyle& style,
                              Rng& rng) const {
  const routing::RoadGraph& g = network_.graph();
  TimedPath path(g.coordinate(nodes.front()), nodes.front());
  for (std::size_t i = 1; i < nodes.size(); ++i) {
    const ArcId arc = arc_between(nodes[i - 1], nodes[i]);
    path.extend(g.coordinate(nodes[i]), nodes[i], arc_seconds(arc, style, rng),
                g.length_dm(arc) / 10.0);
  }
  return path;
}

TimedPath RoutePlanner::timed(const RouteToPoint& route, const DriveStyle& style, Rng& rng) const {
  const routing::RoadGraph& g = network_.graph();
  TimedPath path = timed(route.nodes, style, rng);
  const double seconds = arc_seconds(route.arc, style, rng);
  const double metres = g.length_dm(route.arc) / 10.0;
  path.extend(route.end, NodeId(), seconds * route.fraction, metres * route.fraction);
  path.exit = PathExit{route.far_node, g.coordinate(route.far_node),
                       seconds * (1.0 - route.fraction), metres * (1.0 - route.fraction)};
  return path;
}

}  // namespace shouwang::sim
