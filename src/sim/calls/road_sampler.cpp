#include "sim/calls/road_sampler.h"

#include <algorithm>

#include "sim/calls/draws.h"

namespace shouwang::sim::calls {

RoadSampler::RoadSampler(const routing::RoadGraph& graph) {
  double total = 0;
  for (std::uint32_t v = 0; v < graph.node_count(); ++v) {
    const NodeId tail(v);
    for (ArcId a = graph.begin_out(tail); a != graph.end_out(tail); a = ArcId(a.value() + 1)) {
      const double metres = graph.length_dm(a) / 10.0;
      const double seconds = graph.time_ms(a) / 1000.0;
      if (metres <= 0 || seconds <= 0)
        continue;
      directed_km_ += metres / 1000.0;
      // 30 km/h weighs 1, 80 km/h about 2.3; a crawl no less than half.
      const double traffic = std::clamp(metres / seconds / 8.33, 0.5, 3.0);
      total += metres * traffic;
      tail_.push_back(graph.coordinate(tail));
      head_.push_back(graph.coordinate(graph.head(a)));
      cumulative_.push_back(total);
    }
  }
}

LatLon RoadSampler::pick(Rng& rng) const {
  const std::size_t i = pick_cumulative(rng, cumulative_);
  const double t = rng.uniform01();
  return {tail_[i].lat + (head_[i].lat - tail_[i].lat) * t,
          tail_[i].lon + (head_[i].lon - tail_[i].lon) * t};
}

}  // namespace shouwang::sim::calls
