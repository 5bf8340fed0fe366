#include <gtest/gtest.h>

#include <cmath>

#include <shouwang/base/geo.h>

namespace shouwang {
namespace {

TEST(Geo, HaversineMatchesKnownDistances) {
  // One degree of longitude on the equator: 2 * pi * R / 360.
  EXPECT_NEAR(haversine_distance({0, 0}, {0, 1}).value(), 111'195.08, 0.5);
  // Tiananmen (Beijing) to People's Square (Shanghai): about 1,068 km great-circle.
  const double d = haversine_distance({39.9087, 116.3975}, {31.2304, 121.4737}).value();
  EXPECT_NEAR(d, 1'068'000.0, 5'000.0);
  EXPECT_DOUBLE_EQ(haversine_distance({31.2, 121.5}, {31.2, 121.5}).value(), 0.0);
}

TEST(Geo, BearingPointsTheRightWay) {
  EXPECT_NEAR(initial_bearing({30, 120}, {31, 120}), 0.0, 1e-9);
  EXPECT_NEAR(initial_bearing({0, 120}, {0, 121}), 90.0, 1e-9);
  EXPECT_NEAR(initial_bearing({31, 120}, {30, 120}), 180.0, 1e-9);
  EXPECT_NEAR(initial_bearing({0, 121}, {0, 120}), 270.0, 1e-9);
}

TEST(Geo, DestinationInvertsDistanceAndBearing) {
  const LatLon start{31.2304, 121.4737};
  for (double bearing : {0.0, 45.0, 137.0, 260.0}) {
    const LatLon end = destination(start, bearing, Meters(12'345.0));
    EXPECT_NEAR(haversine_distance(start, end).value(), 12'345.0, 0.01);
    EXPECT_NEAR(initial_bearing(start, end), bearing, 1e-6);
  }
}

TEST(Geo, LocalProjectionRoundTripsAndKeepsDistances) {
  const LocalProjection frame({31.2, 121.4});
  const LatLon p{31.35, 121.62};
  const LatLon back = frame.to_lat_lon(frame.to_xy(p));
  EXPECT_NEAR(back.lat, p.lat, 1e-12);
  EXPECT_NEAR(back.lon, p.lon, 1e-12);
  const Xy a = frame.to_xy({31.21, 121.41});
  const Xy b = frame.to_xy({31.30, 121.55});
  const double planar = distance(a, b);
  const double sphere = haversine_distance({31.21, 121.41}, {31.30, 121.55}).value();
  EXPECT_NEAR(planar / sphere, 1.0, 0.005);
}

TEST(Geo, ProjectionOntoSegmentClampsToTheEnds) {
  const Xy a{0, 0}, b{10, 0};
  const auto mid = project_to_segment(Xy{4, 3}, a, b);
  EXPECT_DOUBLE_EQ(mid.t, 0.4);
  EXPECT_DOUBLE_EQ(mid.distance, 3.0);
  const auto before = project_to_segment(Xy{-5, 0}, a, b);
  EXPECT_DOUBLE_EQ(before.t, 0.0);
  EXPECT_DOUBLE_EQ(before.distance, 5.0);
  const auto degenerate = project_to_segment(Xy{3, 4}, a, a);
  EXPECT_DOUBLE_EQ(degenerate.distance, 5.0);
}

TEST(Geo, GeographicSegmentProjectionFindsTheFootPoint) {
  // A point 100 m north of the middle of an east-west street.
  const LatLon west{31.2, 121.40}, east{31.2, 121.41};
  const LatLon mid{31.2, 121.405};
  const LatLon p = destination(mid, 0.0, Meters(100.0));
  const auto proj = project_to_segment(p, west, east);
  EXPECT_NEAR(proj.t, 0.5, 1e-3);
  EXPECT_NEAR(proj.distance.value(), 100.0, 0.5);
}

TEST(Geo, RejectsCoordinatesOffTheGlobe) {
  EXPECT_TRUE(make_lat_lon(31.2, 121.4).ok());
  EXPECT_EQ(make_lat_lon(91.0, 0).error().field, "lat");
  EXPECT_EQ(make_lat_lon(0, -180.5).error().field, "lon");
  EXPECT_FALSE(make_lat_lon(std::nan(""), 0).ok());
}

}  // namespace
}  // namespace shouwang
