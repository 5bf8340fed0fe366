#pragma once
// Polygons from an ESRI shapefile: the .shp file itself, or a .zip archive holding one
// (with its .prj, when there is one). Only the geometry is read: every part of every
// Polygon, PolygonZ or PolygonM record becomes a ring, in the file's own coordinates;
// null records are skipped. Boundaries published by cities come this way (Portland's
// police districts, EPSG:2913).
//
// Layout (ESRI Shapefile Technical Description, 1998): a 100-byte header with the file
// code 9994 and the length big-endian, then records of an 8-byte big-endian header and a
// little-endian body. A malformed file is refused with the byte offset of the problem.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <shouwang/base/geo.h>
#include <shouwang/base/result.h>

namespace shouwang::exchange {

struct ShapefilePolygons {
  std::vector<std::vector<Xy>> rings;
  std::size_t records = 0;      // polygon records read
  std::string projection_wkt;   // the .prj text; empty when the archive or folder has none
};

// `source` names the file in errors. kCorrupt for a file that is not a polygon shapefile.
Result<ShapefilePolygons> parse_shapefile_polygons(std::string_view shp, std::string_view source);

// Reads foo.shp (and foo.prj beside it) or the one .shp in a .zip. kNotFound, kIoError,
// kCorrupt, kInvalidArgument (a zip with no or several .shp files).
Result<ShapefilePolygons> read_shapefile_polygons(const std::filesystem::path& path);

}  // namespace shouwang::exchange
