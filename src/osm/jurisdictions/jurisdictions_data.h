#pragma once
// What a Jurisdictions value holds: the units in their fixed order, the tree as indices,
// and one AreaIndex per level that is searched by position.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <shouwang/osm/jurisdictions.h>

#include "osm/jurisdictions/area_index.h"

namespace shouwang::osm {

struct Jurisdictions::Data {
  static constexpr std::uint32_t kNoParent = UINT32_MAX;

  std::vector<OrgUnit> units;                 // city, sub-bureaus, stations; each by code
  std::map<std::string, std::uint32_t, std::less<>> by_code;
  std::vector<std::uint32_t> parent;          // per unit; kNoParent for the city
  std::vector<std::vector<std::uint32_t>> children;  // per unit, by code
  std::vector<std::uint32_t> station_counts;  // per unit: stations at or below it

  jurisdiction::AreaIndex station_index;      // area i is units[first_station + i]
  jurisdiction::AreaIndex sub_bureau_index;   // area i is units[first_sub_bureau + i]
  std::uint32_t first_sub_bureau = 0;
  std::uint32_t first_station = 0;

  std::vector<std::string> notes;
};

}  // namespace shouwang::osm
