#include "osm/jurisdictions/fixed_geometry.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace shouwang::osm::jurisdiction {
namespace {

__extension__ using Wide = __int128;  // products of two 33-bit differences

}  // namespace

FixedPoint to_fixed(LatLon p) {
  return {static_cast<std::int32_t>(std::lround(p.lon * kFixedPerDegree)),
          static_cast<std::int32_t>(std::lround(p.lat * kFixedPerDegree))};
}

LatLon to_lat_lon(FixedPoint p) { return {p.y / kFixedPerDegree, p.x / kFixedPerDegree}; }

FixedArea to_fixed(const std::vector<AreaPolygon>& polygons) {
  FixedArea area;
  auto add = [&](const std::vector<LatLon>& ring, bool outer) {
    FixedRing fixed;
    fixed.reserve(ring.size());
    for (const LatLon& p : ring) fixed.push_back(to_fixed(p));
    area.rings.push_back(std::move(fixed));
    area.is_outer.push_back(outer);
  };
  for (const AreaPolygon& polygon : polygons) {
    add(polygon.outer, true);
    for (const auto& hole : polygon.holes) add(hole, false);
  }
  return area;
}

bool edge_right_of(FixedPoint lo, FixedPoint hi, FixedPoint p) {
  const Wide cross = Wide{std::int64_t{hi.x} - lo.x} * (std::int64_t{p.y} - lo.y) -
                     Wide{std::int64_t{hi.y} - lo.y} * (std::int64_t{p.x} - lo.x);
  return cross > 0;
}

bool contains(const FixedArea& area, FixedPoint p) {
  bool inside = false;
  for (const FixedRing& ring : area.rings) {
    const std::size_t n = ring.size();
    for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
      FixedPoint a = ring[j], b = ring[i];
      if ((a.y > p.y) == (b.y > p.y)) continue;  // does not straddle the ray's height
      if (a.y > b.y) std::swap(a, b);
      if (edge_right_of(a, b, p)) inside = !inside;
    }
  }
  return inside;
}

double twice_signed_area(const FixedRing& ring) {
  double sum = 0.0;
  const std::size_t n = ring.size();
  for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
    sum += (static_cast<double>(ring[j].x) - ring[i].x) * (static_cast<double>(ring[j].y) + ring[i].y);
  }
  return -sum;
}

double area_size(const FixedArea& area) {
  double total = 0.0;
  for (std::size_t r = 0; r < area.rings.size(); ++r) {
    const double a = std::abs(twice_signed_area(area.rings[r])) / 2.0;
    total += area.is_outer[r] ? a : -a;
  }
  return total;
}

BoundingBox bounding_box(const FixedArea& area) {
  std::int32_t min_x = std::numeric_limits<std::int32_t>::max(), min_y = min_x;
  std::int32_t max_x = std::numeric_limits<std::int32_t>::min(), max_y = max_x;
  for (std::size_t r = 0; r < area.rings.size(); ++r) {
    if (!area.is_outer[r]) continue;
    for (const FixedPoint& p : area.rings[r]) {
      min_x = std::min(min_x, p.x);
      max_x = std::max(max_x, p.x);
      min_y = std::min(min_y, p.y);
      max_y = std::max(max_y, p.y);
    }
  }
  if (min_x > max_x) return {};
  return {to_lat_lon({min_x, min_y}), to_lat_lon({max_x, max_y})};
}

LatLon representative_point(const FixedArea& area) {
  const FixedRing* largest = nullptr;
  double largest_size = -1.0;
  for (std::size_t r = 0; r < area.rings.size(); ++r) {
    const double size = std::abs(twice_signed_area(area.rings[r]));
    if (area.is_outer[r] && !area.rings[r].empty() && size > largest_size) {
      largest = &area.rings[r];
      largest_size = size;
    }
  }
  if (largest == nullptr) return {};
  const auto [lo, hi] = std::minmax_element(largest->begin(), largest->end(),
                                            [](FixedPoint a, FixedPoint b) { return a.y < b.y; });
  // Half a unit off the integer grid: the line never passes through a vertex.
  const double y = std::floor((static_cast<double>(lo->y) + hi->y) / 2.0) + 0.5;
  std::vector<double> xs;
  for (const FixedRing& ring : area.rings) {
    const std::size_t n = ring.size();
    for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
      const FixedPoint a = ring[j], b = ring[i];
      if ((a.y < y) == (b.y < y)) continue;
      xs.push_back(a.x + (y - a.y) * (static_cast<double>(b.x) - a.x) / (static_cast<double>(b.y) - a.y));
    }
  }
  std::sort(xs.begin(), xs.end());
  double best_x = largest->front().x, best_width = -1.0;
  for (std::size_t i = 0; i + 1 < xs.size(); i += 2) {
    if (xs[i + 1] - xs[i] > best_width) {
      best_width = xs[i + 1] - xs[i];
      best_x = (xs[i] + xs[i + 1]) / 2.0;
    }
  }
  return {y / kFixedPerDegree, best_x / kFixedPerDegree};
}

}  // namespace shouwang::osm::jurisdiction
