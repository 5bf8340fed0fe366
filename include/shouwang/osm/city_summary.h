#pragma once
// What a city data file is about: its name, code and extent, read from an OSM PBF file
// (the outermost administrative boundary's tags and the file header's bounding box).

#include <string>

#include <shouwang/base/geo.h>
#include <shouwang/base/result.h>

namespace shouwang::osm {

struct CitySummary {
  std::string name;     // name of the lowest admin_level boundary (the city), 南陵市
  std::string name_en;  // its name:en, Nanling (falls back to name)
  std::string code;     // its ref, 991500
  LatLon south_west;
  LatLon north_east;
  [[nodiscard]] LatLon centre() const {
    return {(south_west.lat + north_east.lat) / 2.0, (south_west.lon + north_east.lon) / 2.0};
  }
};

// kNotFound when the file does not exist, kCorrupt when it is not a readable OSM file,
// kInvalidArgument when it has no administrative boundary or no bounding box.
Result<CitySummary> read_city_summary(const std::string& pbf_path);

}  // namespace shouwang::osm
