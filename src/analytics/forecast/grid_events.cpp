#include <algorithm>

#include <shouwang/analytics/forecast.h>

namespace shouwang::analytics {

std::size_t GridEvents::first_at_or_after(std::int64_t t) const {
  return static_cast<std::size_t>(std::lower_bound(time.begin(), time.end(), t) - time.begin());
}

GridEvents place_events(std::vector<SpaceTimeEvent> events, const StudyGrid& grid,
                        const Boundary& boundary) {
  std::stable_sort(
      events.begin(), events.end(),
      [](const SpaceTimeEvent& a, const SpaceTimeEvent& b) { return a.time < b.time; });
  GridEvents out;
  out.time.reserve(events.size());
  out.at.reserve(events.size());
  out.cell.reserve(events.size());
  out.inside.reserve(events.size());
  for (const SpaceTimeEvent& e : events) {
    out.time.push_back(e.time);
    out.at.push_back(e.at);
    out.cell.push_back(grid.index_of(e.at));
    out.inside.push_back(boundary.contains(e.at));
  }
  return out;
}

}  // namespace shouwang::analytics
