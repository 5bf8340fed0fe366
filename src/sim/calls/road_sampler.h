#pragma once
// Points on the road network, drawn with probability proportional to road length times a
// traffic weight that grows with the road's speed (faster roads carry more vehicles).

#include <vector>

#include <shouwang/base/geo.h>
#include <shouwang/base/ids.h>
#include <shouwang/base/random.h>
#include <shouwang/routing/road_graph.h>

namespace shouwang::sim::calls {

class RoadSampler {
 public:
  RoadSampler() = default;
  explicit RoadSampler(const routing::RoadGraph& graph);

  [[nodiscard]] bool empty() const { return cumulative_.empty(); }
  // A point on a road. Precondition: !empty().
  [[nodiscard]] LatLon pick(Rng& rng) const;
  // Total length of the roads, each two-way road counted once per direction, km.
  [[nodiscard]] double directed_km() const { return directed_km_; }

 private:
  std::vector<LatLon> tail_, head_;  // per arc with positive weight
  std::vector<double> cumulative_;
  double directed_km_ = 0;
};

}  // namespace shouwang::sim::calls
