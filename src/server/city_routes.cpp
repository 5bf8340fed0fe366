#include <shouwang/server/city_routes.h>

#include <nlohmann/json.hpp>

namespace shouwang::server {

void add_city_routes(Router& router, std::optional<osm::CitySummary> city) {
  std::string body;
  if (city) {
    const LatLon c = city->centre();
    body = nlohmann::json{{"name", city->name},
                          {"name_en", city->name_en},
                          {"code", city->code},
                          {"bbox", {city->south_west.lon, city->south_west.lat, city->north_east.lon, city->north_east.lat}},
                          {"centre", {c.lon, c.lat}}}
               .dump();
  }
  router.add("GET", "/api/v1/city", [body](const HttpRequest&) {
    if (body.empty()) {
      return HttpResponse::error(404, "not_found", "no city data loaded (start the server with --data)");
    }
    return HttpResponse::json(200, body);
  });
}

}  // namespace shouwang::server
