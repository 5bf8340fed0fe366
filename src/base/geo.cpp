#include <shouwang/base/geo.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

namespace shouwang {
namespace {

constexpr double kDegToRad = std::numbers::pi / 180.0;
constexpr double kRadToDeg = 180.0 / std::numbers::pi;

}  // namespace

Result<LatLon> make_lat_lon(double lat, double lon) {
  if (!std::isfinite(lat) || lat < -90.0 || lat > 90.0) {
    return Error(Errc::kInvalidArgument,
                 "latitude must be between -90 and 90, got " + std::to_string(lat), "lat");
  }
  if (!std::isfinite(lon) || lon < -180.0 || lon > 180.0) {
    return Error(Errc::kInvalidArgument,
                 "longitude must be between -180 and 180, got " + std::to_string(lon), "lon");
  }
  return LatLon{lat, lon};
}

Meters haversine_distance(LatLon a, LatLon b) {
  const double phi1 = a.lat * kDegToRad;
  const double phi2 = b.lat * kDegToRad;
  const double dphi = (b.lat - a.lat) * kDegToRad;
  const double dlambda = (b.lon - a.lon) * kDegToRad;
  const double s1 = std::sin(dphi / 2.0);
  const double s2 = std::sin(dlambda / 2.0);
  const double h = s1 * s1 + std::cos(phi1) * std::cos(phi2) * s2 * s2;
  return Meters(2.0 * kEarthRadiusMeters * std::asin(std::min(1.0, std::sqrt(h))));
}

double initial_bearing(LatLon a, LatLon b) {
  const double phi1 = a.lat * kDegToRad;
  const double phi2 = b.lat * kDegToRad;
  const double dlambda = (b.lon - a.lon) * kDegToRad;
  const double y = std::sin(dlambda) * std::cos(phi2);
  const double x = std::cos(phi1) * std::sin(phi2) - std::sin(phi1) * std::cos(phi2) * std::cos(dlambda);
  const double deg = std::atan2(y, x) * kRadToDeg;
  return std::fmod(deg + 360.0, 360.0);
}

LatLon destination(LatLon start, double bearing_deg, Meters distance) {
  const double delta = distance.value() / kEarthRadiusMeters;
  const double theta = bearing_deg * kDegToRad;
  const double phi1 = start.lat * kDegToRad;
  const double lambda1 = start.lon * kDegToRad;
  const double sin_phi2 =
      std::sin(phi1) * std::cos(delta) + std::cos(phi1) * std::sin(delta) * std::cos(theta);
  const double phi2 = std::asin(std::clamp(sin_phi2, -1.0, 1.0));
  const double lambda2 =
      lambda1 + std::atan2(std::sin(theta) * std::sin(delta) * std::cos(phi1),
                           std::cos(delta) - std::sin(phi1) * sin_phi2);
  double lon = lambda2 * kRadToDeg;
  lon = std::fmod(lon + 540.0, 360.0) - 180.0;
  return {phi2 * kRadToDeg, lon};
}

double distance(Xy a, Xy b) { return std::hypot(b.x - a.x, b.y - a.y); }

LocalProjection::LocalProjection(LatLon origin)
    : origin_(origin),
      meters_per_deg_lat_(kEarthRadiusMeters * kDegToRad),
      meters_per_deg_lon_(kEarthRadiusMeters * kDegToRad * std::cos(origin.lat * kDegToRad)) {}

Xy LocalProjection::to_xy(LatLon p) const {
  return {(p.lon - origin_.lon) * meters_per_deg_lon_, (p.lat - origin_.lat) * meters_per_deg_lat_};
}

LatLon LocalProjection::to_lat_lon(Xy p) const {
  return {origin_.lat + p.y / meters_per_deg_lat_, origin_.lon + p.x / meters_per_deg_lon_};
}

SegmentProjection project_to_segment(Xy p, Xy a, Xy b) {
  const double dx = b.x - a.x;
  const double dy = b.y - a.y;
  const double len2 = dx * dx + dy * dy;
  double t = 0.0;
  if (len2 > 0.0) t = std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0);
  const Xy q{a.x + t * dx, a.y + t * dy};
  return {t, q, distance(p, q)};
}

GeoSegmentProjection project_to_segment(LatLon p, LatLon a, LatLon b) {
  const LocalProjection frame(a);
  const SegmentProjection local = project_to_segment(frame.to_xy(p), Xy{}, frame.to_xy(b));
  const LatLon q = frame.to_lat_lon(local.point);
  return {local.t, q, haversine_distance(p, q)};
}

}  // namespace shouwang
