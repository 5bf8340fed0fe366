#pragma once
// Polyline operations the city layout needs, in the local metric frame.

#include <optional>
#include <utility>

#include <shouwang/base/random.h>

#include "osm/citygen/city_plan.h"

namespace shouwang::osm::citygen {

double length(const Polyline& line);

// Inserts points so that no segment is longer than `max_step`; interior points are moved
// sideways by up to `wobble` metres (roads are never ruler-straight). End points and the
// original vertices stay exactly where they are, so junctions built on them still meet.
Polyline densify(const Polyline& line, double max_step, double wobble, Rng& rng);

// The line shifted `offset` metres to its right (negative: left), mitred at the vertices.
Polyline offset_right(const Polyline& line, double offset);

// The line extended by `before` metres past its first point and `after` metres past its
// last point, along the end segments.
Polyline extend(const Polyline& line, double before, double after);

// A convex quadrilateral (counter-clockwise) and clipping a straight line against it.
struct Quad {
  Xy corner[4];
  [[nodiscard]] bool contains(Xy p, double margin = 0.0) const;
  [[nodiscard]] Xy centre() const;
};

// The part of the infinite line `origin + s * dir` (dir unit length) inside the quad, as
// the parameter range [s0, s1] and the sines of the angles at which it meets the entry and
// exit edges, with the indices of those edges; nullopt when it misses.
struct Clip {
  double s0 = 0.0;
  double s1 = 0.0;
  double sin_entry = 1.0;
  double sin_exit = 1.0;
  int edge_entry = -1;
  int edge_exit = -1;
};
std::optional<Clip> clip_line(const Quad& quad, Xy origin, Xy dir);

// The intersection of segments [p0, p1] and [q0, q1], if they cross.
std::optional<Xy> segment_intersection(Xy p0, Xy p1, Xy q0, Xy q1);

// A point `along` metres from the start of the polyline (clamped to its ends), and the
// index of the segment it lies on.
std::pair<Xy, std::size_t> point_along(const Polyline& line, double along);

}  // namespace shouwang::osm::citygen
