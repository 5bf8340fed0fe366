#pragma once
// Jurisdiction areas in OSM's fixed-point coordinates (1e-7 degrees as 32-bit integers, x
// east = longitude, y north = latitude). Point-in-area tests on integers are exact, so a
// point on a border shared by two areas is decided the same way whichever area is asked.
//
// The containment rule everywhere (this file, AreaIndex, the tests' oracle): a horizontal
// ray from the point towards +x; an edge counts when one end lies at or below the point's y
// and the other above it, and the point lies strictly left of the edge. An odd count over
// all rings of an area (outer rings and holes alike) means inside. So a point on a border
// belongs to the area east of it, or north of it for an east-west border, and areas that
// tile the plane give every point to exactly one of them.

#include <cstdint>
#include <vector>

#include <shouwang/base/geo.h>
#include <shouwang/osm/jurisdictions.h>

namespace shouwang::osm::jurisdiction {

inline constexpr double kFixedPerDegree = 1e7;

struct FixedPoint {
  std::int32_t x = 0;  // longitude * 1e7
  std::int32_t y = 0;  // latitude * 1e7
  friend constexpr bool operator==(FixedPoint, FixedPoint) = default;
};

FixedPoint to_fixed(LatLon p);
LatLon to_lat_lon(FixedPoint p);

// A ring without its closing repeat (the last vertex connects back to the first).
using FixedRing = std::vector<FixedPoint>;

// One area: every ring of every polygon, outer rings and holes together.
struct FixedArea {
  std::vector<FixedRing> rings;
  std::vector<bool> is_outer;  // per ring
};

FixedArea to_fixed(const std::vector<AreaPolygon>& polygons);

// Whether the upward edge (lo, hi) (lo.y <= p.y < hi.y) passes strictly right of p.
bool edge_right_of(FixedPoint lo, FixedPoint hi, FixedPoint p);

// The containment rule above, by brute force over all edges (for building and checking).
bool contains(const FixedArea& area, FixedPoint p);

// Twice the signed area of a ring in squared fixed units (positive counter-clockwise).
double twice_signed_area(const FixedRing& ring);

// Outer rings' area minus holes' area, in squared fixed units.
double area_size(const FixedArea& area);

// The box of all outer rings.
BoundingBox bounding_box(const FixedArea& area);

// A point well inside the area: on a horizontal line through the middle of its largest
// outer ring, the midpoint of the widest stretch that lies inside the area. Such a point
// is not on a border, so it is a safe probe for containment in other areas.
LatLon representative_point(const FixedArea& area);

}  // namespace shouwang::osm::jurisdiction
