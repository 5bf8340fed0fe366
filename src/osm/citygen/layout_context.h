#pragma once
// Shared state of the layout stages: the frame, the seeded generator, the name book and
// the zoning of the city (core, suburb, countryside).

#include <cmath>

#include <shouwang/base/random.h>

#include "osm/citygen/city_plan.h"
#include "osm/citygen/street_names.h"

namespace shouwang::osm::citygen {

enum class Zone { kCore, kSuburb, kRural };

struct LayoutContext {
  LayoutContext(std::uint64_t seed, double size_m)
      : rng(seed), names(Rng(seed).fork(1)), size(size_m), half(size_m / 2.0) {}

  Rng rng;
  NameBook names;
  double size;  // side of the square city, metres
  double half;  // half of it: the city spans [-half, half] on both axes

  [[nodiscard]] double core_radius() const { return 0.23 * size; }
  [[nodiscard]] double suburb_radius() const { return 0.37 * size; }
  [[nodiscard]] Zone zone(Xy p) const {
    const double r = std::hypot(p.x, p.y);
    if (r < core_radius()) return Zone::kCore;
    if (r < suburb_radius()) return Zone::kSuburb;
    return Zone::kRural;
  }
  [[nodiscard]] bool inside(Xy p, double margin = 0.0) const {
    return std::abs(p.x) <= half - margin && std::abs(p.y) <= half - margin;
  }
};

}  // namespace shouwang::osm::citygen
