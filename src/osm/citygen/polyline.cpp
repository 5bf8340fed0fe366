#include "osm/citygen/polyline.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace shouwang::osm::citygen {
namespace {

double cross(Xy a, Xy b) { return a.x * b.y - a.y * b.x; }
Xy sub(Xy a, Xy b) { return {a.x - b.x, a.y - b.y}; }
Xy add(Xy a, Xy b) { return {a.x + b.x, a.y + b.y}; }
Xy scale(Xy a, double k) { return {a.x * k, a.y * k}; }
Xy unit(Xy a) {
  const double n = std::hypot(a.x, a.y);
  return n > 0.0 ? Xy{a.x / n, a.y / n} : Xy{};
}

}  // namespace

const char* highway_value(RoadClass cls) {
  switch (cls) {
    case RoadClass::kMotorway: return "motorway";
    case RoadClass::kMotorwayLink: return "motorway_link";
    case RoadClass::kTrunk: return "trunk";
    case RoadClass::kPrimary: return "primary";
    case RoadClass::kSecondary: return "secondary";
    case RoadClass::kTertiary: return "tertiary";
    case RoadClass::kResidential: return "residential";
    case RoadClass::kUnclassified: return "unclassified";
    case RoadClass::kService: return "service";
  }
  return "road";
}

double length(const Polyline& line) {
  double total = 0.0;
  for (std::size_t i = 1; i < line.size(); ++i) total += distance(line[i - 1], line[i]);
  return total;
}

Polyline densify(const Polyline& line, double max_step, double wobble, Rng& rng) {
  Polyline out;
  if (line.empty()) return out;
  out.push_back(line.front());
  for (std::size_t i = 1; i < line.size(); ++i) {
    const Xy a = line[i - 1];
    const Xy b = line[i];
    const double len = distance(a, b);
    const int pieces = std::max(1, static_cast<int>(std::ceil(len / max_step)));
    const Xy normal = unit(Xy{-(b.y - a.y), b.x - a.x});
    for (int k = 1; k < pieces; ++k) {
      const double t = static_cast<double>(k) / pieces;
      const double side = wobble > 0.0 ? rng.uniform(-wobble, wobble) : 0.0;
      out.push_back(add(add(a, scale(sub(b, a), t)), scale(normal, side)));
    }
    out.push_back(b);
  }
  return out;
}

Polyline offset_right(const Polyline& line, double offset) {
  Polyline out;
  const std::size_t n = line.size();
  if (n < 2) return line;
  auto right_normal = [&line](std::size_t i) {  // of segment i -> i+1
    const Xy d = unit(sub(line[i + 1], line[i]));
    return Xy{d.y, -d.x};
  };
  out.push_back(add(line[0], scale(right_normal(0), offset)));
  for (std::size_t i = 1; i + 1 < n; ++i) {
    const Xy n0 = right_normal(i - 1);
    const Xy n1 = right_normal(i);
    Xy miter = unit(add(n0, n1));
    const double cos_half = miter.x * n1.x + miter.y * n1.y;
    const double len = cos_half > 0.25 ? offset / cos_half : offset;  // limit sharp mitres
    out.push_back(add(line[i], scale(miter, len)));
  }
  out.push_back(add(line[n - 1], scale(right_normal(n - 2), offset)));
  return out;
}

Polyline extend(const Polyline& line, double before, double after) {
  Polyline out = line;
  if (line.size() < 2) return out;
  const Xy d0 = unit(sub(line[0], line[1]));
  const Xy d1 = unit(sub(line[line.size() - 1], line[line.size() - 2]));
  out.front() = add(line.front(), scale(d0, before));
  out.back() = add(line.back(), scale(d1, after));
  return out;
}

bool Quad::contains(Xy p, double margin) const {
  for (int i = 0; i < 4; ++i) {
    const Xy a = corner[i];
    const Xy b = corner[(i + 1) % 4];
    const Xy e = sub(b, a);
    const double len = std::hypot(e.x, e.y);
    if (cross(e, sub(p, a)) / len < margin) return false;
  }
  return true;
}

Xy Quad::centre() const {
  return {(corner[0].x + corner[1].x + corner[2].x + corner[3].x) / 4.0,
          (corner[0].y + corner[1].y + corner[2].y + corner[3].y) / 4.0};
}

std::optional<Clip> clip_line(const Quad& quad, Xy origin, Xy dir) {
  // Cyrus–Beck against the four inward half-planes of a counter-clockwise quad.
  Clip clip;
  clip.s0 = -std::numeric_limits<double>::infinity();
  clip.s1 = std::numeric_limits<double>::infinity();
  for (int i = 0; i < 4; ++i) {
    const Xy a = quad.corner[i];
    const Xy e = unit(sub(quad.corner[(i + 1) % 4], a));
    const double denom = cross(e, dir);        // rate of entering the half-plane
    const double dist = cross(e, sub(origin, a));  // > 0 inside
    if (std::abs(denom) < 1e-12) {
      if (dist < 0.0) return std::nullopt;
      continue;
    }
    const double s = -dist / denom;
    const double sine = std::abs(denom);
    if (denom > 0.0) {
      if (s > clip.s0) {
        clip.s0 = s;
        clip.sin_entry = sine;
        clip.edge_entry = i;
      }
    } else if (s < clip.s1) {
      clip.s1 = s;
      clip.sin_exit = sine;
      clip.edge_exit = i;
    }
  }
  if (!(clip.s0 < clip.s1) || clip.edge_entry < 0 || clip.edge_exit < 0) return std::nullopt;
  return clip;
}

std::optional<Xy> segment_intersection(Xy p0, Xy p1, Xy q0, Xy q1) {
  const Xy r = sub(p1, p0);
  const Xy s = sub(q1, q0);
  const double denom = cross(r, s);
  if (std::abs(denom) < 1e-12) return std::nullopt;
  const Xy qp = sub(q0, p0);
  const double t = cross(qp, s) / denom;
  const double u = cross(qp, r) / denom;
  if (t < 0.0 || t > 1.0 || u < 0.0 || u > 1.0) return std::nullopt;
  return add(p0, scale(r, t));
}

std::pair<Xy, std::size_t> point_along(const Polyline& line, double along) {
  if (line.size() < 2 || along <= 0.0) return {line.front(), 0};
  double walked = 0.0;
  for (std::size_t i = 1; i < line.size(); ++i) {
    const double seg = distance(line[i - 1], line[i]);
    if (walked + seg >= along) {
      const double t = seg > 0.0 ? (along - walked) / seg : 0.0;
      return {add(line[i - 1], scale(sub(line[i], line[i - 1]), t)), i - 1};
    }
    walked += seg;
  }
  return {line.back(), line.size() - 2};
}

}  // namespace shouwang::osm::citygen
