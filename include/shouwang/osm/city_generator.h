#pragma once
// The demo city: a plausible, fictional Chinese city written as a genuine OpenStreetMap PBF
// file, so that the demo and the tests exercise the same import path as real OSM extracts.
// The same seed and size always give a byte-identical file.

#include <cstdint>
#include <string>

#include <shouwang/base/geo.h>
#include <shouwang/base/result.h>

namespace shouwang::osm {

struct CityOptions {
  std::uint64_t seed = 1;
  double size_km = 30.0;  // side of the square city

  static constexpr double kMinSizeKm = 4.0;
  static constexpr double kMaxSizeKm = 120.0;
};

// kInvalidArgument with the offending field when the options cannot make a city.
Status validate(const CityOptions& options);

struct CityStats {
  std::string name_zh;        // 江州市
  std::string name_en;        // Jiangzhou
  std::string code;           // administrative-division style code of the city
  LatLon centre;
  std::size_t nodes = 0;          // all nodes in the file
  std::size_t highway_nodes = 0;  // nodes on highway ways
  std::size_t highway_ways = 0;
  std::size_t named_highway_ways = 0;
  std::size_t oneway_ways = 0;
  std::size_t bridges = 0;        // bridge spans over the river
  std::size_t ramps = 0;          // motorway_link ways
  std::size_t dropped_ways = 0;   // road pieces not connected to the main network, left out
  std::size_t ways = 0;
  std::size_t relations = 0;
  std::size_t addresses = 0;
  std::size_t pois = 0;
  std::size_t districts = 0;      // sub-bureau areas (admin_level 6)
  std::size_t stations = 0;       // police-station areas (admin_level 8)
  std::uint64_t file_bytes = 0;
};

// Generates the city and writes it to `path` (".osm.pbf"). The file appears atomically: on
// any failure nothing is left at `path`. kInvalidArgument for bad options, kIoError when
// the file cannot be written.
Result<CityStats> write_demo_city(const CityOptions& options, const std::string& path);

}  // namespace shouwang::osm
