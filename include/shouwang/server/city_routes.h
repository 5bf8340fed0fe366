#pragma once
// Routes about the city the server was started with.

#include <cstdint>
#include <optional>

#include <shouwang/osm/city_summary.h>
#include <shouwang/server/router.h>
#include <shouwang/server/tile_routes.h>

namespace shouwang::server {

// GET /api/v1/city -> {"loaded":true,"name","name_en","code","bbox":[w,s,e,n],
// "centre":[lon,lat],"basemap":{"tiles","minzoom","maxzoom"} or null,"utc_offset_minutes"},
// or {"loaded":false,"utc_offset_minutes"} when the server runs without city data. The
// offset is the centre's: consoles show every time in it, whatever their own clock says.
void add_city_routes(Router& router, std::optional<osm::CitySummary> city,
                     std::optional<BasemapInfo> basemap = std::nullopt, std::int32_t utc_offset_minutes = 480);

}  // namespace shouwang::server
