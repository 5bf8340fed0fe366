// Jurisdictions::from_units: the checks every tree passes, whichever reader made it, and
// the indexes the queries use.

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <shouwang/osm/jurisdictions.h>

#include "osm/jurisdictions/fixed_geometry.h"
#include "osm/jurisdictions/jurisdictions_data.h"

namespace shouwang::osm {
namespace {

using jurisdiction::FixedArea;

std::string describe(const OrgUnit& unit) {
  std::string text = unit.source.empty() ? "unit" : unit.source;
  if (!unit.code.empty())
    text += " (code " + unit.code + ")";
  return text;
}

Error unit_error(std::size_t index, const OrgUnit& unit, const std::string& member,
                 const std::string& what) {
  return Error(Errc::kInvalidArgument, describe(unit) + ": " + what,
               "units[" + std::to_string(index) + "]." + member);
}

bool valid_position(LatLon p) {
  return std::isfinite(p.lat) && std::isfinite(p.lon) && p.lat >= -90.0 && p.lat <= 90.0 &&
         p.lon >= -180.0 && p.lon <= 180.0;
}

// Drops a closing repeat and checks what is left.
Status normalise_ring(std::vector<LatLon>& ring, std::size_t index, const OrgUnit& unit) {
  if (ring.size() > 1 && ring.front() == ring.back())
    ring.pop_back();
  for (const LatLon& p : ring) {
    if (!valid_position(p)) {
      return unit_error(index, unit, "area", "a vertex lies outside -90..90 / -180..180 degrees");
    }
  }
  std::set<std::pair<double, double>> distinct;
  for (const LatLon& p : ring)
    distinct.emplace(p.lat, p.lon);
  if (distinct.size() < 3)
    return unit_error(index, unit, "area", "a ring has fewer than three distinct vertices");
  return ok_status();
}

Status check_unit(OrgUnit& unit, std::size_t index) {
  if (unit.code.empty())
    return unit_error(index, unit, "code", "the code is empty");
  if (unit.name.empty())
    return unit_error(index, unit, "name", "the name is empty");
  if (unit.population && *unit.population < 0) {
    return unit_error(index, unit, "population", "the population is negative");
  }
  if (unit.area.empty())
    return unit_error(index, unit, "area", "the area has no polygon");
  for (AreaPolygon& polygon : unit.area) {
    if (auto s = normalise_ring(polygon.outer, index, unit); !s)
      return s;
    for (auto& hole : polygon.holes) {
      if (auto s = normalise_ring(hole, index, unit); !s)
        return s;
    }
  }
  if (unit.level == OrgLevel::kCity && !unit.parent.empty()) {
    return unit_error(index, unit, "parent",
                      "the city has no parent, but " + unit.parent + " is given");
  }
  if (unit.level != OrgLevel::kCity && unit.parent.empty()) {
    return unit_error(index, unit, "parent",
                      "a " + std::string(org_level_name(unit.level)) + " needs a parent");
  }
  return ok_status();
}

// Codes unique, one city, parents present and one level up (a station may hang from the
// city directly).
Status check_tree(const std::vector<OrgUnit>& units) {
  std::map<std::string_view, std::size_t> seen;
  std::size_t cities = 0;
  for (std::size_t i = 0; i < units.size(); ++i) {
    const auto [it, fresh] = seen.emplace(units[i].code, i);
    if (!fresh) {
      return unit_error(
          i, units[i], "code",
          "the code " + units[i].code + " is used twice: also by " + describe(units[it->second]));
    }
    if (units[i].level == OrgLevel::kCity)
      ++cities;
  }
  if (cities != 1) {
    return Error(Errc::kInvalidArgument,
                 "a jurisdiction tree has exactly one city, this one has " + std::to_string(cities),
                 "units");
  }
  for (std::size_t i = 0; i < units.size(); ++i) {
    const OrgUnit& unit = units[i];
    if (unit.level == OrgLevel::kCity)
      continue;
    const auto it = seen.find(unit.parent);
    if (it == seen.end())
      return unit_error(i, unit, "parent", "the parent " + unit.parent + " is not in the tree");
    const OrgLevel parent_level = units[it->second].level;
    const bool fits = parent_level == OrgLevel::kCity ||
                      (unit.level == OrgLevel::kStation && parent_level == OrgLevel::kSubBureau);
    if (!fits) {
      return unit_error(i, unit, "parent",
                        "a " + std::string(org_level_name(unit.level)) + " cannot belong to the " +
                            std::string(org_level_name(parent_level)) + " " + unit.parent);
    }
  }
  return ok_status();
}

}  // namespace

std::string_view org_level_name(OrgLevel level) {
  switch (level) {
    case OrgLevel::kCity:
      return "city";
    case OrgLevel::kSubBureau:
      return "sub_bureau";
    case OrgLevel::kStation:
      return "station";
  }
  return "station";
}

Result<Jurisdictions> Jurisdictions::from_units(std::vector<OrgUnit> units,
                                                std::vector<std::string> notes) {
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (auto s = check_unit(units[i], i); !s)
      return s.error();
  }
  if (auto s = check_tree(units); !s)
    return s.error();

  std::sort(units.begin(), units.end(), [](const OrgUnit& a, const OrgUnit& b) {
    return std::pair(a.level, std::string_view(a.code)) <
           std::pair(b.level, std::string_view(b.code));
  });
  auto data = std::make_shared<Data>();
  std::vector<FixedArea> fixed;
  fixed.reserve(units.size());
  for (OrgUnit& unit : units) {
    fixed.push_back(jurisdiction::to_fixed(unit.area));
    unit.bbox = jurisdiction::bounding_box(fixed.back());
    unit.representative_point = jurisdiction::representative_point(fixed.back());
  }
  const std::size_t n = units.size();
  for (std::size_t i = 0; i < n; ++i)
    data->by_code.emplace(units[i].code, static_cast<std::uint32_t>(i));
  data->parent.assign(n, Data::kNoParent);
  data->children.resize(n);
  data->station_counts.assign(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    if (units[i].level == OrgLevel::kCity)
      continue;
    const std::uint32_t p = data->by_code.find(units[i].parent)->second;
    data->parent[i] = p;
    data->children[p].push_back(static_cast<std::uint32_t>(i));
    const FixedArea& parent_area = fixed[p];
    if (!jurisdiction::contains(parent_area,
                                jurisdiction::to_fixed(units[i].representative_point))) {
      notes.push_back(describe(units[i]) +
                      ": its representative point lies outside the area of its parent " +
                      units[i].parent);
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (units[i].level != OrgLevel::kStation)
      continue;
    for (std::uint32_t u = static_cast<std::uint32_t>(i); u != Data::kNoParent;
         u = data->parent[u]) {
      ++data->station_counts[u];
    }
  }
  const auto first_of = [&](OrgLevel level) {
    return static_cast<std::uint32_t>(
        std::find_if(units.begin(), units.end(),
                     [&](const OrgUnit& u) { return u.level >= level; }) -
        units.begin());
  };
  data->first_sub_bureau = first_of(OrgLevel::kSubBureau);
  data->first_station = first_of(OrgLevel::kStation);
  data->sub_bureau_index = jurisdiction::AreaIndex(std::vector<FixedArea>(
      fixed.begin() + data->first_sub_bureau, fixed.begin() + data->first_station));
  data->station_index = jurisdiction::AreaIndex(
      std::vector<FixedArea>(fixed.begin() + data->first_station, fixed.end()));
  data->units = std::move(units);
  data->notes = std::move(notes);
  return Jurisdictions(std::move(data));
}

}  // namespace shouwang::osm
