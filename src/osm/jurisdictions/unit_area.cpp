#include <cmath>

#include <shouwang/base/geo.h>
#include <shouwang/osm/jurisdictions.h>

namespace shouwang::osm {
namespace {

// Twice the signed area of a ring (shoelace), in square metres.
double twice_area(const std::vector<LatLon>& ring, const LocalProjection& frame) {
  double sum = 0;
  for (std::size_t i = 0; i < ring.size(); ++i) {
    const Xy a = frame.to_xy(ring[i]);
    const Xy b = frame.to_xy(ring[(i + 1) % ring.size()]);
    sum += a.x * b.y - b.x * a.y;
  }
  return sum;
}

}  // namespace

double area_square_km(const OrgUnit& unit) {
  const LatLon centre{(unit.bbox.south_west.lat + unit.bbox.north_east.lat) / 2,
                      (unit.bbox.south_west.lon + unit.bbox.north_east.lon) / 2};
  const LocalProjection frame(centre);
  double square_metres = 0;
  for (const AreaPolygon& polygon : unit.area) {
    square_metres += std::fabs(twice_area(polygon.outer, frame)) / 2;
    for (const auto& hole : polygon.holes)
      square_metres -= std::fabs(twice_area(hole, frame)) / 2;
  }
  return std::max(0.0, square_metres / 1e6);
}

}  // namespace shouwang::osm
