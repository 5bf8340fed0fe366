#pragma once
// A bureau's key sites and posts as a file, for `shouwang circles import`: GeoJSON (a
// FeatureCollection of Points) or CSV with a header line. Each record is one site or post:
//
//   record   site | post
//   id       its code (1..32 letters, digits, '-' or '_')
//   name     its name
//   type     a site's type (school, hospital, transport_hub, market, government,
//            water_hazard, other)
//   kind     a post's kind (post, patrol_area, checkpoint)
//   tier_s   a site's promise, 60 | 180 | 300; or tier_min 1 | 3 | 5
//   station  the responsible station's org code; may be left empty, then the caller
//            assigns the station whose area holds the position
//   lat, lon WGS84 (CSV; GeoJSON takes the Point's coordinates)
//   hours    a site's opening hours, "07:00-18:00[,…]"; empty: around the clock
//
// Every problem is reported with its place (CSV: the line; GeoJSON: the feature's number,
// from 1) and field, so the whole file can be fixed in one go.

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <shouwang/base/result.h>
#include <shouwang/cad/commands.h>

namespace shouwang::exchange {

struct RegistryEntry {
  std::size_t place = 0;  // CSV line or GeoJSON feature number
  std::variant<cad::RegisterSite, cad::RegisterPost> command;
};

struct RegistryProblem {
  std::size_t place = 0;
  std::string field;
  std::string message;
};

struct RegistryFile {
  bool geojson = false;  // places are feature numbers, else lines
  std::vector<RegistryEntry> entries;
  std::vector<RegistryProblem> problems;
};

// Reads by content: text starting with '{' is GeoJSON, anything else CSV. kInvalidArgument
// only when the file as a whole cannot be read (not JSON, no FeatureCollection, no header
// or a header without the needed columns); record problems go into `problems`.
Result<RegistryFile> read_registry_file(std::string_view text);

// "line 12" or "feature 3".
std::string place_text(const RegistryFile& file, std::size_t place);

}  // namespace shouwang::exchange
