#pragma once
// The police organisation tree and its jurisdictions (管辖区): the city bureau, its
// sub-bureaus (分局) and their police stations (派出所), each with the area it is
// responsible for. A point on the map belongs to at most one station, which decides who is
// told about an incident there.
//
// Where the tree comes from (docs/jurisdictions.md):
//   - read_jurisdictions: the administrative boundaries of the city's OSM file. The city is
//     the lowest admin_level boundary, sub-bureau areas and station areas are the
//     boundaries at two configured admin levels (6 and 8 by default); parents are found by
//     containment.
//   - read_jurisdictions_geojson: a GeoJSON FeatureCollection written by the bureau, for
//     jurisdictions that are not (or not correctly) in OSM; parents are given explicitly.
//
// A Jurisdictions value is immutable. Copies share the same data, and every const member
// function may be called from several threads at once.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <shouwang/base/geo.h>
#include <shouwang/base/result.h>
#include <shouwang/osm/place_index.h>  // BoundingBox

namespace shouwang::osm {

enum class OrgLevel : std::uint8_t {
  kCity = 0,       // 市公安局: the root, exactly one
  kSubBureau = 1,  // 分局: child of the city
  kStation = 2,    // 派出所: child of a sub-bureau, or of the city when no sub-bureau holds it
};

// "city", "sub_bureau", "station" (the `level` values of the GeoJSON format).
std::string_view org_level_name(OrgLevel level);

// One polygon of an area: an outer ring and the holes cut out of it. Rings are lists of
// vertices without the closing repeat of the first one; their orientation does not matter.
struct AreaPolygon {
  std::vector<LatLon> outer;
  std::vector<std::vector<LatLon>> holes;
  friend bool operator==(const AreaPolygon&, const AreaPolygon&) = default;
};

struct OrgUnit {
  std::string code;          // unique in the tree: the boundary's `ref`, 990101001
  std::string name;          // the police name: 兴民派出所 (`police:name`, else `name`,
                             // else the code)
  std::string name_en;       // Xingmin Police Station (`police:name:en`, else `name:en`,
                             // else `name`)
  std::string area_name;     // the administrative area: 兴民街道 (`name`)
  std::string area_name_en;  // Xingmin Subdistrict (`name:en`)
  OrgLevel level = OrgLevel::kStation;
  std::string parent;  // parent's code; empty for the city
  // Residents, from the OSM `population` tag or the GeoJSON `population` property; absent
  // when not given. Never negative. For rates per 10,000 residents (万人率).
  std::optional<std::int64_t> population;
  std::vector<AreaPolygon> area;  // a multipolygon: one or more polygons
  BoundingBox bbox;               // of all outer rings
  LatLon representative_point;    // a point inside the area, away from its border
  std::string source;             // where it came from: "osm relation 12", "osm way 7",
                                  // "geojson feature 3"
  bool code_from_ref = true;      // false when the code was derived from the OSM id
};

// The unit's area in square kilometres: its outer rings less their holes, in a local
// frame at the unit's centre (accurate to well under 1 % for a city's areas).
double area_square_km(const OrgUnit& unit);

// Which admin_level values of an OSM file are the city, the sub-bureau areas and the
// station areas.
struct JurisdictionLevels {
  int sub_bureau_admin_level = 6;
  int station_admin_level = 8;
  // The city's admin_level; 0: the lowest admin_level among the boundaries below
  // sub_bureau_admin_level.
  int city_admin_level = 0;
};

class Jurisdictions {
 public:
  Jurisdictions();  // empty: no units, every point is outside
  // Copies share the data. There are no move operations: a "moved-from" value is a copy,
  // so it stays usable.
  Jurisdictions(const Jurisdictions&) = default;
  Jurisdictions& operator=(const Jurisdictions&) = default;

  // Checks and indexes a tree given as units (the readers end here):
  //   - exactly one unit is the city, with no parent; codes are non-empty and unique;
  //   - a sub-bureau's parent is the city; a station's parent is a sub-bureau or the city;
  //   - every unit has at least one polygon, every ring at least three distinct vertices,
  //     all coordinates valid; a population, when given, is not negative.
  // bbox and representative_point are computed here (given values are replaced). Units are
  // ordered city, sub-bureaus, stations, each level by code. A ring whose last vertex
  // repeats its first loses the repeat. `notes` are kept for people (what a reader left out
  // or guessed); a station or sub-bureau whose representative point lies outside its
  // parent's area adds one. kInvalidArgument naming the unit (its `source` and code); the
  // error's field is "units[i].<member>" with i the unit's index in `units`.
  static Result<Jurisdictions> from_units(std::vector<OrgUnit> units,
                                          std::vector<std::string> notes = {});

  // The code of the station whose area contains `p`; empty when no station area does.
  // Coordinates are taken to 1e-7 degrees (about 1 cm), as OSM stores them. Holes belong
  // to no station (unless another station's area covers them). A point on a border shared
  // by two areas belongs to the one on its east side, or for an east-west border to the
  // one on its north side; a point in two overlapping areas to the one with the smaller
  // code. The view stays valid while this value or a copy of it lives.
  [[nodiscard]] std::string_view station_at(LatLon p) const;
  // The same for sub-bureau areas.
  [[nodiscard]] std::string_view sub_bureau_at(LatLon p) const;

  // nullptr when no unit has this code. The pointer stays valid while this value or a copy
  // of it lives.
  [[nodiscard]] const OrgUnit* find(std::string_view code) const;
  // The city; nullptr for an empty value.
  [[nodiscard]] const OrgUnit* city() const;
  // Direct children of `code`: sub-bureaus, then stations, each by code; empty for a
  // station or an unknown code.
  [[nodiscard]] std::vector<const OrgUnit*> children(std::string_view code) const;
  // Whether `code` is `ancestor_code` or lies below it. False when either is unknown.
  [[nodiscard]] bool is_within(std::string_view code, std::string_view ancestor_code) const;
  // The chain from the city down to `code` (inclusive); empty for an unknown code.
  [[nodiscard]] std::vector<const OrgUnit*> path(std::string_view code) const;
  // The stations at or below `code` (a station counts itself); 0 for an unknown code.
  [[nodiscard]] std::size_t station_count(std::string_view code) const;

  // All units: the city, then the sub-bureaus, then the stations, each level by code.
  [[nodiscard]] const std::vector<OrgUnit>& units() const;
  [[nodiscard]] std::size_t size() const { return units().size(); }
  [[nodiscard]] bool empty() const { return units().empty(); }
  // Boundaries a reader left out, codes it derived, containment it could not confirm.
  [[nodiscard]] const std::vector<std::string>& notes() const;

  // A GeoJSON FeatureCollection, one MultiPolygon feature per unit in units() order, with
  // properties {code, name, name_en, area_name, area_name_en, level, parent, population}
  // (parent and population null when absent): the map layer of the console, and a file
  // read_jurisdictions_geojson reads back to the same tree. Coordinates with 7 decimals.
  [[nodiscard]] std::string to_geojson() const;

  struct Data;  // src/osm/jurisdictions/jurisdictions_data.h

 private:
  explicit Jurisdictions(std::shared_ptr<const Data> data);
  std::shared_ptr<const Data> data_;
};

// The tree of an OSM file (PBF or XML, objects in any order), read with libosmium's
// multipolygon assembler from boundary=administrative relations (type=boundary or
// multipolygon) and closed ways:
//   - the city: the boundary at levels.city_admin_level, or (when 0) the lowest admin_level
//     below levels.sub_bureau_admin_level; of several there, the largest;
//   - sub-bureaus: boundaries at sub_bureau_admin_level whose representative point lies in
//     the city; their parent is the city;
//   - stations: boundaries at station_admin_level whose representative point lies in the
//     city; their parent is the sub-bureau whose area contains that point, else the city.
// A unit's code is its `ref`; without one it is "osm-r<id>" (relation) or "osm-w<id>"
// (closed way), which stays the same as long as the OSM object does. The `population` tag
// is read as a whole number, plain ("12345") or with thousands separators ("12,345",
// "12 345"); any other value leaves the population absent and adds a note. Boundaries whose
// members are missing from the file or do not close into rings, and boundaries outside the
// city, are left out and listed in notes().
// kNotFound: no such file. kCorrupt: libosmium cannot read it. kInvalidArgument: bad levels
// (field named), no city boundary, or two units with the same code (both named).
Result<Jurisdictions> read_jurisdictions(const std::string& osm_path,
                                         const JurisdictionLevels& levels = {});

// The tree of a GeoJSON FeatureCollection of Polygon or MultiPolygon features with
// properties {code, name, name_en?, area_name?, area_name_en?, level, parent,
// population?}: level is "city", "sub_bureau" or "station"; parent is the parent's code
// (absent, null or "" for the city); population is a non-negative whole number (absent or
// null when unknown). Rings are closed ([lon, lat] positions, the last equal to the first).
// kNotFound: no such file. kInvalidArgument: not JSON, or a feature that breaks the format
// or the tree rules of Jurisdictions::from_units; the message names the feature index and
// the field is its path ("features[3].properties.level").
Result<Jurisdictions> read_jurisdictions_geojson(const std::string& path);
// The same for GeoJSON text already in memory; `source_name` names it in messages.
Result<Jurisdictions> parse_jurisdictions_geojson(std::string_view text,
                                                  const std::string& source_name);

}  // namespace shouwang::osm
