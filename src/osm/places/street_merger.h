#pragma once
// One street, many ways: OSM splits a street wherever a tag changes (a bridge, a speed
// limit, a one-way section) and draws dual carriageways as two ways. A search for the
// street must list it once.

#include <vector>

#include <shouwang/osm/place_index.h>

namespace shouwang::osm::places {

// Joins street places with the same name (name_zh, or name_en when that is all they have)
// whose bounding boxes lie within `join_distance_m` of each other (through any chain of
// pieces). The joined street's box covers its pieces; its position, OSM id and category are
// those of the piece whose position is nearest the centre of that box, and it takes the
// first English name among its pieces in OSM id order. The result is ordered by name, then
// OSM id; places that are not streets are not accepted.
std::vector<Place> merge_street_pieces(std::vector<Place> pieces, double join_distance_m = 1000.0);

// The distance between two boxes in metres (0 when they overlap), flat-earth at their
// latitude: good to a fraction of a percent over a few kilometres.
double box_gap_metres(const BoundingBox& a, const BoundingBox& b);

}  // namespace shouwang::osm::places
