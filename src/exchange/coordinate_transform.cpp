#include <shouwang/exchange/coordinate_transform.h>

#include <cmath>

#include <proj.h>

namespace shouwang::exchange {
namespace {

// How far outside the EPSG area of use a point may lie and still be accepted: state
// plane zones and UTM zones are used a little beyond their official limits.
constexpr double kAreaMarginDegrees = 1.0;

}  // namespace

struct CoordinateTransform::Impl {
  PJ_CONTEXT* context = nullptr;
  PJ* transform = nullptr;
  int epsg = 0;
  std::string name;
  double unit_metres = 0.0;  // of the first axis; 0 when it is not a length
  std::string unit_name;
  bool has_area = false;
  double west = -180, south = -90, east = 180, north = 90;

  Impl() = default;
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;
  ~Impl() {
    if (transform != nullptr) proj_destroy(transform);
    if (context != nullptr) proj_context_destroy(context);
  }

  [[nodiscard]] bool inside_area(double lat, double lon) const {
    if (!has_area) return true;
    if (lat < south - kAreaMarginDegrees || lat > north + kAreaMarginDegrees) return false;
    if (west <= east) return lon >= west - kAreaMarginDegrees && lon <= east + kAreaMarginDegrees;
    // An area across the antimeridian.
    return lon >= west - kAreaMarginDegrees || lon <= east + kAreaMarginDegrees;
  }
};

CoordinateTransform::CoordinateTransform(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
CoordinateTransform::CoordinateTransform(CoordinateTransform&&) noexcept = default;
CoordinateTransform& CoordinateTransform::operator=(CoordinateTransform&&) noexcept = default;
CoordinateTransform::~CoordinateTransform() = default;

Result<CoordinateTransform> CoordinateTransform::from_epsg(int epsg) {
  auto impl = std::make_unique<Impl>();
  impl->epsg = epsg;
  impl->context = proj_context_create();
  if (impl->context == nullptr) return Error(Errc::kInternal, "PROJ could not create a context");
  // Failures are reported through the return values below, not on stderr.
  proj_log_level(impl->context, PJ_LOG_NONE);
  const std::string source = "EPSG:" + std::to_string(epsg);

  PJ* crs = proj_create(impl->context, source.c_str());
  if (crs == nullptr) {
    return Error(Errc::kInvalidArgument, "PROJ does not know the coordinate system " + source);
  }
  if (const char* name = proj_get_name(crs)) impl->name = name;
  double west = 0, south = 0, east = 0, north = 0;
  if (proj_get_area_of_use(impl->context, crs, &west, &south, &east, &north, nullptr) && west > -1000) {
    impl->has_area = true;
    impl->west = west;
    impl->south = south;
    impl->east = east;
    impl->north = north;
  }
  // Only a projected system measures lengths on its axes; a geographic one, angles.
  if (PJ* cs = proj_crs_get_coordinate_system(impl->context, crs)) {
    const char* unit = nullptr;
    double factor = 0.0;
    if (proj_cs_get_axis_info(impl->context, cs, 0, nullptr, nullptr, nullptr, &factor, &unit, nullptr,
                              nullptr) &&
        unit != nullptr) {
      impl->unit_name = unit;
      if (proj_get_type(crs) == PJ_TYPE_PROJECTED_CRS) impl->unit_metres = factor;
    }
    proj_destroy(cs);
  }
  proj_destroy(crs);

  PJ* raw = proj_create_crs_to_crs(impl->context, source.c_str(), "EPSG:4326", nullptr);
  if (raw == nullptr) {
    return Error(Errc::kInvalidArgument, "PROJ cannot transform " + source + " to WGS84 (EPSG:4326): " +
                                             proj_context_errno_string(impl->context, proj_context_errno(impl->context)));
  }
  // x easting and y northing in, longitude and latitude out, whatever the EPSG axis order.
  impl->transform = proj_normalize_for_visualization(impl->context, raw);
  proj_destroy(raw);
  if (impl->transform == nullptr) {
    return Error(Errc::kInvalidArgument, "PROJ cannot normalise the axis order of " + source);
  }
  return CoordinateTransform(std::move(impl));
}

Result<LatLon> CoordinateTransform::to_wgs84(double x, double y) const {
  const auto refuse = [&](const std::string& why) {
    return Error(Errc::kOutOfRange, "x " + std::to_string(x) + ", y " + std::to_string(y) + " in EPSG:" +
                                        std::to_string(impl_->epsg) + " " + why);
  };
  if (!std::isfinite(x) || !std::isfinite(y)) return refuse("is not a finite point");
  proj_errno_reset(impl_->transform);
  const PJ_COORD out = proj_trans(impl_->transform, PJ_FWD, proj_coord(x, y, 0, 0));
  const double lon = out.xy.x;
  const double lat = out.xy.y;
  if (proj_errno(impl_->transform) != 0 || !std::isfinite(lat) || !std::isfinite(lon) || std::abs(lat) > 90 ||
      std::abs(lon) > 180) {
    return refuse("does not transform to WGS84");
  }
  if (!impl_->inside_area(lat, lon)) {
    return refuse("lies outside the system's area of use (it would be " + std::to_string(lat) + ", " +
                  std::to_string(lon) + ")");
  }
  return LatLon{lat, lon};
}

Result<Xy> CoordinateTransform::from_wgs84(LatLon p) const {
  proj_errno_reset(impl_->transform);
  const PJ_COORD out = proj_trans(impl_->transform, PJ_INV, proj_coord(p.lon, p.lat, 0, 0));
  if (proj_errno(impl_->transform) != 0 || !std::isfinite(out.xy.x) || !std::isfinite(out.xy.y) ||
      !impl_->inside_area(p.lat, p.lon)) {
    return Error(Errc::kOutOfRange, "latitude " + std::to_string(p.lat) + ", longitude " + std::to_string(p.lon) +
                                        " does not transform to EPSG:" + std::to_string(impl_->epsg));
  }
  return Xy{out.xy.x, out.xy.y};
}

double CoordinateTransform::metres_per_unit() const { return impl_->unit_metres; }
const std::string& CoordinateTransform::unit_name() const { return impl_->unit_name; }

int CoordinateTransform::epsg() const { return impl_->epsg; }
const std::string& CoordinateTransform::name() const { return impl_->name; }

}  // namespace shouwang::exchange
