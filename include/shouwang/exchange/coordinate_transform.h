#pragma once
// Projected coordinates (x/y in a declared EPSG coordinate system, such as Oregon State
// Plane North in international feet, EPSG:2913) turned into WGS84 latitude and longitude
// with PROJ. The axis order is normalised, so x is always easting and y northing whatever
// the EPSG definition says, and the output is always (lat, lon).
//
// PROJ returns a number for almost any input, so a point is also checked against the
// source system's area of use (from the EPSG database), widened by one degree: a
// coordinate far outside it (0/0 written for "unknown", a swapped pair) is refused.

#include <memory>
#include <string>

#include <shouwang/base/geo.h>
#include <shouwang/base/result.h>

namespace shouwang::exchange {

// Owns a PROJ context and transformation. Move-only; not thread-safe (one per thread).
class CoordinateTransform {
 public:
  // kInvalidArgument when PROJ does not know the code or cannot transform it to WGS84.
  static Result<CoordinateTransform> from_epsg(int epsg);

  CoordinateTransform(CoordinateTransform&&) noexcept;
  CoordinateTransform& operator=(CoordinateTransform&&) noexcept;
  ~CoordinateTransform();

  // kOutOfRange for a point that does not transform or lies outside the area of use.
  [[nodiscard]] Result<LatLon> to_wgs84(double x, double y) const;

  // The inverse: WGS84 to x easting, y northing; kOutOfRange outside the area of use.
  [[nodiscard]] Result<Xy> from_wgs84(LatLon p) const;

  // Metres in one unit of the system's axes (0.3048 for international feet), 0 when the
  // system measures angles; and the unit's name ("foot").
  [[nodiscard]] double metres_per_unit() const;
  [[nodiscard]] const std::string& unit_name() const;

  [[nodiscard]] int epsg() const;
  // The source system's name from the EPSG database ("NAD83(HARN) / Oregon North (ft)").
  [[nodiscard]] const std::string& name() const;

 private:
  struct Impl;
  explicit CoordinateTransform(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace shouwang::exchange
