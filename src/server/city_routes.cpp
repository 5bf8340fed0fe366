#include <shouwang/server/city_routes.h>

#include <cmath>

#include <nlohmann/json.hpp>

namespace shouwang::server {

void add_city_routes(Router& router, std::optional<osm::CitySummary> city, std::optional<BasemapInfo> basemap,
                     std::int32_t utc_offset_minutes) {
  // No city is a normal state of a server (not an error), so it is a 200 too.
  std::string body = nlohmann::json{{"loaded", false}, {"utc_offset_minutes", utc_offset_minutes}}.dump();
  if (city) {
    const LatLon c = city->centre();
    auto round7 = [](double v) { return std::round(v * 1e7) / 1e7; };  // ~1 cm, as OSM stores it
    nlohmann::json map = nullptr;
    if (basemap) map = {{"tiles", basemap->tiles}, {"minzoom", basemap->minzoom}, {"maxzoom", basemap->maxzoom}};
    body = nlohmann::json{{"loaded", true},
                          {"name", city->name},
                          {"name_en", city->name_en},
                          {"code", city->code},
                          {"bbox", {city->south_west.lon, city->south_west.lat, city->north_east.lon, city->north_east.lat}},
                          {"centre", {round7(c.lon), round7(c.lat)}},
                          {"basemap", map},
                          {"utc_offset_minutes", utc_offset_minutes}}
               .dump();
  }
  router.add("GET", "/api/v1/city", [body](const HttpRequest&) { return HttpResponse::json(200, body); });
}

}  // namespace shouwang::server
