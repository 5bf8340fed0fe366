#pragma once
// The administrative boundaries of an OSM file as areas: the raw material of
// read_jurisdictions, before any of them is taken for the city, a sub-bureau or a station.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <shouwang/base/result.h>
#include <shouwang/osm/jurisdictions.h>

#include "osm/jurisdictions/fixed_geometry.h"

namespace shouwang::osm::jurisdiction {

struct Boundary {
  char osm_type = 'r';  // 'r' relation, 'w' closed way
  std::int64_t osm_id = 0;
  int admin_level = 0;
  std::string ref, name, name_en, police_name, police_name_en;
  std::string population_tag;              // the `population` value as written; empty if none
  std::optional<std::int64_t> population;  // parse_population(population_tag)
  std::vector<AreaPolygon> polygons;
  FixedArea fixed;  // the same rings in fixed point

  [[nodiscard]] std::string source() const;  // "osm relation 12"
  [[nodiscard]] std::string label() const;   // "osm relation 12 (新华区, admin_level 6)"
};

// An OSM `population` value as a whole number: plain digits ("12345"), or groups of three
// digits after the first one to three, all split by the same separator: a comma
// ("12,345"), a space, a no-break space or a narrow no-break space ("12 345"). Spaces
// around the number are ignored. nullopt for anything else: signs, decimals, words, ranges,
// several values, numbers beyond int64.
std::optional<std::int64_t> parse_population(std::string_view text);

// Which admin_level values to assemble: `wanted(level)` is asked for each boundary.
struct BoundaryFilter {
  int below = 0;            // every level 1 .. below-1 (city candidates)
  std::vector<int> levels;  // and these
  [[nodiscard]] bool wanted(int level) const;
};

struct BoundaryScan {
  std::vector<Boundary> boundaries;  // by admin_level, then relations before ways, then id
  std::vector<std::string> notes;    // wanted boundaries that did not become areas
};

// Reads the file in three libosmium passes, so that object order does not matter and only
// boundary nodes are kept in memory:
//   1. relations: boundary=administrative relations of wanted levels (type=boundary or
//      multipolygon) go to the multipolygon assembler's relation database;
//   2. ways: their member ways, and closed boundary=administrative ways of wanted levels,
//      are copied; the ids of their nodes are collected;
//   3. nodes: the locations of those nodes.
// Then the copied ways get their locations and go through the assembler.
// Throws what libosmium throws for an unreadable file.
BoundaryScan scan_boundaries(const std::string& osm_path, const BoundaryFilter& filter);

}  // namespace shouwang::osm::jurisdiction
