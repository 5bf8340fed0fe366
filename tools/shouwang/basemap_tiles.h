#pragma once
// The basemap step of `shouwang import-osm`: Debian's tilemaker turns the city's OSM file
// into the vector tiles the console draws (data/basemap holds the layer rules), written
// as one MBTiles file that `shouwang serve` answers /tiles from.

#include <filesystem>
#include <string>

#include <shouwang/base/result.h>

namespace shouwang::cli {

struct BasemapJob {
  std::filesystem::path input;   // .osm.pbf (tilemaker reads no other format)
  std::filesystem::path output;  // the .mbtiles to write
  std::filesystem::path rules;   // directory with config.json and process.lua
  std::filesystem::path log;     // tilemaker's own output, kept for a failure's message
};

// kNotFound when tilemaker is not installed (the import goes on without a basemap);
// kInvalidArgument for an input tilemaker cannot read; kIoError with the end of its output
// when it failed.
[[nodiscard]] Status make_basemap(const BasemapJob& job);

}  // namespace shouwang::cli
