#pragma once
// Routes about the city the server was started with.

#include <optional>

#include <shouwang/osm/city_summary.h>
#include <shouwang/server/router.h>
#include <shouwang/server/tile_routes.h>

namespace shouwang::server {

// GET /api/v1/city -> {"loaded":true,"name","name_en","code","bbox":[w,s,e,n],
// "centre":[lon,lat],"basemap":{"tiles","minzoom","maxzoom"} or null}, or {"loaded":false}
// when the server runs without city data.
void add_city_routes(Router& router, std::optional<osm::CitySummary> city,
                     std::optional<BasemapInfo> basemap = std::nullopt);

}  // namespace shouwang::server
