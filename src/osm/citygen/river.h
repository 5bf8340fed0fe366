#pragma once
// The river that crosses the city from west to east, and the cut it makes in the road
// network: roads stop at the embankment unless they cross on a bridge.

#include <vector>

#include "osm/citygen/city_plan.h"
#include "osm/citygen/layout_context.h"

namespace shouwang::osm::citygen {

class River {
 public:
  explicit River(LayoutContext& ctx);

  // Centre line and half width at abscissa x.
  [[nodiscard]] double centre_y(double x) const;
  [[nodiscard]] double half_width(double x) const;
  // Distance of the embankment roads from the centre line.
  [[nodiscard]] double embankment(double x) const { return half_width(x) + kEmbankmentGap; }
  // > 0 outside the band of `margin` metres beyond the water's edge, < 0 inside it.
  [[nodiscard]] double clearance(Xy p, double margin) const;

  // Adds the river's water area, centre line and the two embankment roads.
  void add_features(LayoutContext& ctx, CityPlan& plan) const;

  // Splits every ground road at the river: roads that may cross keep a bridge span
  // (bridge=yes, layer=1), others stop just past the embankment road so that they meet it.
  [[nodiscard]] std::vector<Road> cut(std::vector<Road> roads) const;

  static constexpr double kEmbankmentGap = 25.0;  // water's edge to embankment road

 private:
  double half_;
  double y0_, a1_, l1_, p1_, a2_, l2_, p2_;
  double w0_, w1_, lw_, pw_;
};

}  // namespace shouwang::osm::citygen
