#include <shouwang/routing/point_route.h>

#include <optional>

#include <shouwang/routing/straight_drive.h>

namespace shouwang::routing {
namespace {

double arc_length_m(const RoadGraph& g, ArcId a) { return g.length_dm(a) / 10.0; }

ArcId arc_between(const RoadGraph& g, NodeId u, NodeId v) {
  ArcId best;
  for (ArcId a = g.begin_out(u); a < g.end_out(u); a = ArcId(a.value() + 1)) {
    if (g.head(a) == v && (!best.valid() || g.time_ms(a) < g.time_ms(best))) best = a;
  }
  return best;
}

}  // namespace

Result<PointRoute> route_between(const RoadGraph& graph, const SnapIndex& index, ChQuery& query, LatLon from,
                                 LatLon to, Meters max_snap) {
  auto a = index.snap(from, max_snap);
  if (!a) return Error(a.error().code, "start: " + a.error().message, "from");
  auto b = index.snap(to, max_snap);
  if (!b) return Error(b.error().code, "end: " + b.error().message, "to");
  PointRoute route;
  route.from = *a;
  route.to = *b;

  // Both ends on the same segment, the end reachable by driving straight along it
  // (straight_drive.h): ahead of the start is always the quickest way and needs no search;
  // behind, on a two-way road, is compared with the graph route below.
  std::optional<PointRoute> straight;
  if (const auto drive = straight_drive(graph, *a, *b)) {
    straight = route;
    straight->time_ms = drive->time_ms;
    straight->length_m = drive->fraction * arc_length_m(graph, drive->arc);
    straight->geometry = {a->point, b->point};
    if (drive->arc == a->arc) return *straight;  // ahead
  }

  const auto sources = a->as_source(graph);
  const auto targets = b->as_target(graph);
  route.time_ms = query.distance(sources, targets);
  if (straight && straight->time_ms <= route.time_ms) return *straight;
  if (route.time_ms == kInfinity) return Error(Errc::kNotFound, "the two positions are not connected by road");
  const std::vector<NodeId> path = query.path();
  const NodeId entry = path.front();
  const NodeId exit = path.back();
  // Partial first segment: from the snapped point to the entry node.
  route.geometry.push_back(a->point);
  route.length_m += (entry == a->to ? 1.0 - a->t : a->t) * arc_length_m(graph, entry == a->to ? a->arc : *a->reverse);
  for (std::size_t i = 0; i < path.size(); ++i) {
    route.geometry.push_back(graph.coordinate(path[i]));
    if (i > 0) route.length_m += arc_length_m(graph, arc_between(graph, path[i - 1], path[i]));
  }
  // Partial last segment: from the exit node to the snapped end.
  route.length_m += (exit == b->from ? b->t : 1.0 - b->t) * arc_length_m(graph, exit == b->from ? b->arc : *b->reverse);
  route.geometry.push_back(b->point);
  return route;
}

}  // namespace shouwang::routing
