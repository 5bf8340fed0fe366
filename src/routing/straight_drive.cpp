#include <shouwang/routing/straight_drive.h>

#include <cmath>

namespace shouwang::routing {
namespace {

StraightDrive drive(const RoadGraph& graph, ArcId arc, double fraction) {
  return {arc, fraction,
          static_cast<Weight>(std::llround(fraction * static_cast<double>(graph.time_ms(arc))))};
}

}  // namespace

std::optional<StraightDrive> straight_drive(const RoadGraph& graph, const Snap& from,
                                            const Snap& to) {
  // `to` measured along from.arc (its t runs the other way when it names the reverse arc).
  double to_along = 0.0;
  if (to.arc == from.arc) {
    to_along = to.t;
  } else if (from.reverse && to.arc == *from.reverse) {
    to_along = 1.0 - to.t;
  } else {
    return std::nullopt;
  }
  if (to_along >= from.t) return drive(graph, from.arc, to_along - from.t);
  if (from.reverse) return drive(graph, *from.reverse, from.t - to_along);
  return std::nullopt;
}

std::optional<Weight> straight_drive_time(const RoadGraph& graph, const Snap& from,
                                          const Snap& to) {
  const auto straight = straight_drive(graph, from, to);
  if (!straight) return std::nullopt;
  return straight->time_ms;
}

}  // namespace shouwang::routing
