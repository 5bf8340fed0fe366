#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <shouwang/server/city_routes.h>

namespace shouwang::server {
namespace {

TEST(CityRoutes, DescribesTheLoadedCity) {
  osm::CitySummary city{"江州市", "Jiangzhou", "991500", {31.0, 115.0}, {31.2, 115.4}};
  Router router;
  add_city_routes(router, city);
  const auto res = router.dispatch(HttpRequest::make("GET", "/api/v1/city"));
  ASSERT_EQ(res.status, 200);
  const auto body = nlohmann::json::parse(res.body);
  EXPECT_EQ(body["loaded"], true);
  EXPECT_EQ(body["name"], "江州市");
  EXPECT_EQ(body["name_en"], "Jiangzhou");
  EXPECT_EQ(body["code"], "991500");
  EXPECT_EQ(body["bbox"], (nlohmann::json{115.0, 31.0, 115.4, 31.2}));
  EXPECT_DOUBLE_EQ(body["centre"][0].get<double>(), 115.2);
  EXPECT_DOUBLE_EQ(body["centre"][1].get<double>(), 31.1);
  EXPECT_TRUE(body["basemap"].is_null());
}

TEST(CityRoutes, TellsWhereTheBasemapTilesAre) {
  osm::CitySummary city{"江州市", "Jiangzhou", "991500", {31.0, 115.0}, {31.2, 115.4}};
  Router router;
  add_city_routes(router, city, BasemapInfo{"/tiles/{z}/{x}/{y}.pbf", 8, 14});
  const auto body = nlohmann::json::parse(router.dispatch(HttpRequest::make("GET", "/api/v1/city")).body);
  EXPECT_EQ(body["basemap"], (nlohmann::json{{"tiles", "/tiles/{z}/{x}/{y}.pbf"}, {"minzoom", 8}, {"maxzoom", 14}}));
}

TEST(CityRoutes, WithoutCityDataSaysSo) {
  Router router;
  add_city_routes(router, std::nullopt);
  const auto res = router.dispatch(HttpRequest::make("GET", "/api/v1/city"));
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(res.body, R"({"loaded":false,"utc_offset_minutes":480})");
}

TEST(CityRoutes, TellsTheCentresUtcOffset) {
  Router router;
  add_city_routes(router, std::nullopt, std::nullopt, -300);
  const auto body = nlohmann::json::parse(router.dispatch(HttpRequest::make("GET", "/api/v1/city")).body);
  EXPECT_EQ(body["utc_offset_minutes"], -300);
}

}  // namespace
}  // namespace shouwang::server
