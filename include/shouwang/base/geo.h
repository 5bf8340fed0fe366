#pragma once
// Geometry on the WGS84 sphere and in small local planar frames. All angles in degrees at
// the interface; distances in metres. Accurate to well under 0.5 % over a city (< 100 km),
// which is what routing, snapping and coverage need.

#include <shouwang/base/ids.h>
#include <shouwang/base/result.h>

namespace shouwang {

inline constexpr double kEarthRadiusMeters = 6371008.8;  // IUGG mean radius

struct LatLon {
  double lat = 0.0;
  double lon = 0.0;
  friend constexpr bool operator==(LatLon, LatLon) = default;
};

// kInvalidArgument unless -90 <= lat <= 90, -180 <= lon <= 180 and both are finite.
Result<LatLon> make_lat_lon(double lat, double lon);

// Great-circle distance (haversine).
Meters haversine_distance(LatLon a, LatLon b);

// Initial bearing from a to b, degrees clockwise from north in [0, 360).
double initial_bearing(LatLon a, LatLon b);

// The point reached from `start` after `distance` along the great circle at `bearing_deg`.
LatLon destination(LatLon start, double bearing_deg, Meters distance);

// A point in a local planar frame: x east, y north, metres.
struct Xy {
  double x = 0.0;
  double y = 0.0;
  friend constexpr bool operator==(Xy, Xy) = default;
};

double distance(Xy a, Xy b);

// Equirectangular projection around an origin. Fast and invertible; distortion grows with
// distance from the origin's parallel (about 0.1 % at 50 km in mid latitudes), so use one
// frame per city, not per country.
class LocalProjection {
 public:
  explicit LocalProjection(LatLon origin);
  [[nodiscard]] Xy to_xy(LatLon p) const;
  [[nodiscard]] LatLon to_lat_lon(Xy p) const;
  [[nodiscard]] LatLon origin() const { return origin_; }

 private:
  LatLon origin_;
  double meters_per_deg_lat_;
  double meters_per_deg_lon_;
};

// The closest point to `p` on segment [a, b].
struct SegmentProjection {
  double t = 0.0;        // position along the segment, 0 at a, 1 at b (clamped)
  Xy point;              // the closest point
  double distance = 0.0; // metres from p to `point`
};
SegmentProjection project_to_segment(Xy p, Xy a, Xy b);

// The same on the sphere for a short segment (< a few km), via a local frame at `a`.
struct GeoSegmentProjection {
  double t = 0.0;
  LatLon point;
  Meters distance;
};
GeoSegmentProjection project_to_segment(LatLon p, LatLon a, LatLon b);

}  // namespace shouwang
