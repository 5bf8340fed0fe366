#pragma once
// The console's basemap, served by the server itself (no internet, no tile server): the
// vector tiles `shouwang import-osm` made with tilemaker into DATA/basemap.mbtiles.
//
//   GET /tiles/{z}/{x}/{y}.pbf   one Mapbox Vector Tile (gzip-encoded as stored), 204 where
//                                the city has nothing, 404 when the centre has no basemap
//
// Public like the console's files: a basemap holds only what the OSM file holds.

#include <filesystem>
#include <optional>
#include <string>

#include <shouwang/server/router.h>

namespace shouwang::server {

inline constexpr const char* kBasemapFileName = "basemap.mbtiles";

// What a console needs to draw the basemap.
struct BasemapInfo {
  std::string tiles = "/tiles/{z}/{x}/{y}.pbf";  // URL template, on this server
  int minzoom = 0;
  int maxzoom = 14;
};

// Registers the route over `mbtiles`; a missing file is a centre without a basemap, and
// then the answer is nullopt.
std::optional<BasemapInfo> add_tile_routes(Router& router, const std::filesystem::path& mbtiles);

}  // namespace shouwang::server
