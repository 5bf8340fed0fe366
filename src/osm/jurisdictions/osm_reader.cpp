// read_jurisdictions: which of an OSM file's administrative boundaries are the city, the
// sub-bureaus and the stations, and who belongs to whom (docs/jurisdictions.md).

#include <algorithm>
#include <filesystem>
#include <map>

#include <shouwang/osm/jurisdictions.h>

#include "osm/jurisdictions/area_index.h"
#include "osm/jurisdictions/osm_boundaries.h"

namespace shouwang::osm {
namespace {

using jurisdiction::Boundary;

Status check_levels(const JurisdictionLevels& levels) {
  if (levels.sub_bureau_admin_level < 2 || levels.sub_bureau_admin_level > 12) {
    return Error(Errc::kInvalidArgument, "sub_bureau_admin_level must be 2..12",
                 "sub_bureau_admin_level");
  }
  if (levels.station_admin_level <= levels.sub_bureau_admin_level ||
      levels.station_admin_level > 12) {
    return Error(Errc::kInvalidArgument,
                 "station_admin_level must be above sub_bureau_admin_level and at most 12",
                 "station_admin_level");
  }
  if (levels.city_admin_level < 0 || levels.city_admin_level >= levels.sub_bureau_admin_level) {
    return Error(Errc::kInvalidArgument,
                 "city_admin_level must be 0 (find it) or below sub_bureau_admin_level",
                 "city_admin_level");
  }
  return ok_status();
}

OrgUnit to_unit(const Boundary& b, OrgLevel level, std::vector<std::string>& notes) {
  OrgUnit unit;
  unit.code = b.ref;
  if (unit.code.empty()) {
    unit.code = std::string(b.osm_type == 'w' ? "osm-w" : "osm-r") + std::to_string(b.osm_id);
    unit.code_from_ref = false;
    notes.push_back(b.label() + " has no ref: its code is " + unit.code);
  }
  unit.area_name = b.name;
  unit.area_name_en = b.name_en;
  unit.name = !b.police_name.empty() ? b.police_name : !b.name.empty() ? b.name : unit.code;
  unit.name_en = !b.police_name_en.empty() ? b.police_name_en
                 : !b.name_en.empty()      ? b.name_en
                                           : unit.name;
  unit.level = level;
  unit.population = b.population;
  if (!b.population_tag.empty() && !b.population) {
    notes.push_back(b.label() + " has population=\"" + b.population_tag +
                    "\", which is not a whole number: its population is left absent");
  }
  unit.area = b.polygons;
  unit.source = b.source();
  return unit;
}

jurisdiction::FixedPoint probe(const Boundary& b) {
  return jurisdiction::to_fixed(jurisdiction::representative_point(b.fixed));
}

// The city: the boundaries at the city level; of several, the one with the largest area.
const Boundary* pick_city(const std::vector<Boundary>& boundaries, const JurisdictionLevels& levels,
                          std::vector<std::string>& notes) {
  int level = levels.city_admin_level;
  if (level == 0) {
    for (const Boundary& b : boundaries) {
      if (b.admin_level < levels.sub_bureau_admin_level) {
        level = b.admin_level;  // boundaries are sorted by level
        break;
      }
    }
  }
  const Boundary* city = nullptr;
  double city_size = -1.0;
  if (level == 0)
    return nullptr;
  for (const Boundary& b : boundaries) {
    if (b.admin_level != level)
      continue;
    const double size = jurisdiction::area_size(b.fixed);
    if (size > city_size) {
      city = &b;
      city_size = size;
    }
  }
  if (city == nullptr)
    return nullptr;
  for (const Boundary& b : boundaries) {
    if (&b != city && b.admin_level < levels.sub_bureau_admin_level) {
      notes.push_back(b.label() + " left out: the city is " + city->label());
    }
  }
  return city;
}

}  // namespace

Result<Jurisdictions> read_jurisdictions(const std::string& osm_path,
                                         const JurisdictionLevels& levels) {
  if (auto s = check_levels(levels); !s)
    return s.error();
  std::error_code ec;
  if (!std::filesystem::is_regular_file(osm_path, ec))
    return Error(Errc::kNotFound, "no OSM file at " + osm_path);

  jurisdiction::BoundaryFilter filter;
  filter.below = levels.city_admin_level == 0 ? levels.sub_bureau_admin_level : 0;
  filter.levels = {levels.sub_bureau_admin_level, levels.station_admin_level};
  if (levels.city_admin_level != 0)
    filter.levels.push_back(levels.city_admin_level);
  jurisdiction::BoundaryScan scan;
  try {
    scan = jurisdiction::scan_boundaries(osm_path, filter);
  } catch (const std::exception& e) {
    return Error(Errc::kCorrupt, osm_path + " is not a readable OSM file: " + e.what());
  }
  std::vector<std::string> notes = std::move(scan.notes);
  const std::size_t unassembled = notes.size();
  const Boundary* city = pick_city(scan.boundaries, levels, notes);
  if (city == nullptr) {
    std::string message =
        osm_path + " has no city boundary: no boundary=administrative area " +
        (levels.city_admin_level == 0
             ? "below admin_level " + std::to_string(levels.sub_bureau_admin_level)
             : "at admin_level " + std::to_string(levels.city_admin_level)) +
        " could be assembled";
    if (unassembled > 0) {
      message +=
          " (" + std::to_string(unassembled) +
          " boundary relations at the levels read lack member ways or nodes in this file, as in an "
          "extract cut from a larger area)";
    }
    return Error(Errc::kInvalidArgument, message);
  }

  std::vector<OrgUnit> units{to_unit(*city, OrgLevel::kCity, notes)};
  std::vector<const Boundary*> sub_bureaus, stations;
  for (const Boundary& b : scan.boundaries) {
    const bool sub_bureau = b.admin_level == levels.sub_bureau_admin_level;
    if (!sub_bureau && b.admin_level != levels.station_admin_level)
      continue;
    if (!jurisdiction::contains(city->fixed, probe(b))) {
      notes.push_back(b.label() + " left out: it lies outside the city");
      continue;
    }
    (sub_bureau ? sub_bureaus : stations).push_back(&b);
  }
  // Overlapping sub-bureaus: the one with the smaller code takes the station.
  std::stable_sort(sub_bureaus.begin(), sub_bureaus.end(),
                   [](const Boundary* a, const Boundary* b) {
                     return std::pair(a->ref.empty(), a->ref) < std::pair(b->ref.empty(), b->ref);
                   });
  std::vector<jurisdiction::FixedArea> sub_bureau_areas;
  for (const Boundary* b : sub_bureaus) {
    units.push_back(to_unit(*b, OrgLevel::kSubBureau, notes));
    units.back().parent = units.front().code;
    sub_bureau_areas.push_back(b->fixed);
  }
  const jurisdiction::AreaIndex sub_bureau_index(sub_bureau_areas);
  for (const Boundary* b : stations) {
    OrgUnit unit = to_unit(*b, OrgLevel::kStation, notes);
    const std::int32_t in = sub_bureau_index.locate(probe(*b));
    if (in == jurisdiction::AreaIndex::kNone) {
      unit.parent = units.front().code;
      notes.push_back(b->label() + " lies in no sub-bureau area: it belongs to the city directly");
    } else {
      unit.parent = units[1 + static_cast<std::size_t>(in)].code;
    }
    units.push_back(std::move(unit));
  }

  // Duplicate codes, named by their OSM objects (from_units would name them too, less
  // helpfully for someone fixing the file).
  std::map<std::string, std::string> sources;
  for (const OrgUnit& unit : units) {
    const auto [it, fresh] = sources.emplace(unit.code, unit.source);
    if (!fresh) {
      return Error(Errc::kInvalidArgument,
                   osm_path + ": two boundaries have the code (ref) " + unit.code + ": " +
                       it->second + " and " + unit.source,
                   "ref");
    }
  }
  auto tree = Jurisdictions::from_units(std::move(units), std::move(notes));
  if (!tree)
    return Error(tree.error().code, osm_path + ": " + tree.error().message, tree.error().field);
  return tree;
}

}  // namespace shouwang::osm
