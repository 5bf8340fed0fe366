#pragma once
// Routes about the city the server was started with.

#include <optional>

#include <shouwang/osm/city_summary.h>
#include <shouwang/server/router.h>

namespace shouwang::server {

// GET /api/v1/city -> {"loaded":true,"name","name_en","code","bbox":[w,s,e,n],
// "centre":[lon,lat]}, or {"loaded":false} when the server runs without city data.
void add_city_routes(Router& router, std::optional<osm::CitySummary> city);

}  // namespace shouwang::server
