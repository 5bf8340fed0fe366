#include "osm/citygen/arterial_grid.h"

#include <cmath>

namespace shouwang::osm::citygen {
namespace {

constexpr double kSpacing = 1200.0;
constexpr double kJitter = 120.0;
constexpr double kShapeStep = 30.0;
constexpr double kWobble = 0.4;
// Dual carriageways reach past the border road so that the noder joins them to it.
constexpr double kBorderOvershoot = 10.0;

struct EdgeStyle {
  RoadClass cls;
  Section section;
  int maxspeed;
  friend bool operator==(const EdgeStyle&, const EdgeStyle&) = default;
};

}  // namespace

ArterialGrid::ArterialGrid(LayoutContext& ctx) {
  n_ = static_cast<int>(std::round(ctx.size / kSpacing)) + 1;
  const double step = ctx.size / (n_ - 1);
  step_ = step;
  half_ = ctx.half;
  pts_.resize(static_cast<std::size_t>(n_ * n_));
  for (int j = 0; j < n_; ++j) {
    for (int i = 0; i < n_; ++i) {
      double x = -ctx.half + i * step;
      double y = -ctx.half + j * step;
      // Border lines stay on the square; inner points move a little.
      if (i > 0 && i < n_ - 1) x += ctx.rng.uniform(-kJitter, kJitter);
      if (j > 0 && j < n_ - 1) y += ctx.rng.uniform(-kJitter, kJitter);
      pts_[static_cast<std::size_t>(j * n_ + i)] = {x, y};
    }
  }
}

Quad ArterialGrid::cell(int i, int j) const {
  return Quad{{point(i, j), point(i + 1, j), point(i + 1, j + 1), point(i, j + 1)}};
}

std::optional<std::pair<int, int>> ArterialGrid::locate(Xy p) const {
  const int gi = static_cast<int>(std::floor((p.x + half_) / step_));
  const int gj = static_cast<int>(std::floor((p.y + half_) / step_));
  for (int dj = -1; dj <= 1; ++dj) {
    for (int di = -1; di <= 1; ++di) {
      const int i = gi + di;
      const int j = gj + dj;
      if (i < 0 || j < 0 || i >= cells() || j >= cells()) continue;
      if (cell(i, j).contains(p)) return std::pair{i, j};
    }
  }
  return std::nullopt;
}

double ArterialGrid::edge_half_width(int i, int j, int edge) const {
  switch (edge) {
    case 0: return is_trunk(j) ? kCarriagewayOffset : 0.0;
    case 1: return is_trunk(i + 1) ? kCarriagewayOffset : 0.0;
    case 2: return is_trunk(j + 1) ? kCarriagewayOffset : 0.0;
    default: return is_trunk(i) ? kCarriagewayOffset : 0.0;
  }
}

void ArterialGrid::add_roads(LayoutContext& ctx, CityPlan& plan) const {
  for (int line = 0; line < n_; ++line) {
    add_line(ctx, plan, true, line);
    add_line(ctx, plan, false, line);
  }
}

void ArterialGrid::add_line(LayoutContext& ctx, CityPlan& plan, bool north_south, int line) const {
  Polyline centre;
  for (int k = 0; k < n_; ++k) centre.push_back(north_south ? point(line, k) : point(k, line));

  const bool trunk = is_trunk(line);
  const bool border = is_border(line);
  bool crosses_core = false;
  for (const Xy& p : centre) crosses_core = crosses_core || ctx.zone(p) == Zone::kCore;
  const NameStem stem = ctx.names.fresh_stem();

  auto style_of = [&](int edge) {
    const Xy a = centre[static_cast<std::size_t>(edge)];
    const Xy b = centre[static_cast<std::size_t>(edge + 1)];
    const Xy mid{(a.x + b.x) / 2.0, (a.y + b.y) / 2.0};
    const Zone zone = ctx.zone(mid);
    EdgeStyle style{RoadClass::kPrimary, Section::kNone, zone == Zone::kCore ? 50 : 60};
    if (trunk) {
      style = {RoadClass::kTrunk, Section::kNone, zone == Zone::kRural ? 80 : 70};
    } else if (border) {
      style = {RoadClass::kTertiary, Section::kNone, 60};
    } else if (zone == Zone::kRural) {
      style = {RoadClass::kSecondary, Section::kNone, 0};
    }
    if (crosses_core && !border) {
      style.section = north_south ? (mid.y >= 0 ? Section::kNorth : Section::kSouth)
                                  : (mid.x >= 0 ? Section::kEast : Section::kWest);
    }
    return style;
  };

  // Carriageways of the whole line first, so consecutive runs share their end vertices.
  Polyline forward = trunk ? offset_right(centre, kCarriagewayOffset) : centre;
  Polyline backward = trunk ? offset_right(centre, -kCarriagewayOffset) : Polyline{};
  if (trunk) {
    forward = extend(forward, kBorderOvershoot, kBorderOvershoot);
    backward = extend(backward, kBorderOvershoot, kBorderOvershoot);
  }

  const StreetKind kind = trunk ? StreetKind::kAvenue : (border ? StreetKind::kWay : StreetKind::kRoad);
  int run_start = 0;
  for (int edge = 0; edge < n_ - 1; ++edge) {
    const EdgeStyle style = style_of(edge);
    const bool last = edge == n_ - 2;
    if (!last && style_of(edge + 1) == style) continue;
    const auto from = static_cast<std::ptrdiff_t>(run_start);
    const auto to = static_cast<std::ptrdiff_t>(edge + 2);
    auto make = [&](const Polyline& source, bool reverse) {
      Road road;
      road.points.assign(source.begin() + from, source.begin() + to);
      if (reverse) road.points.assign(road.points.rbegin(), road.points.rend());
      road.points = densify(road.points, kShapeStep, kWobble, ctx.rng);
      road.cls = style.cls;
      road.name = NameBook::street(stem, kind, style.section);
      road.maxspeed_kmh = style.maxspeed;
      road.oneway = trunk;
      road.crosses_river = trunk || border;
      plan.roads.push_back(std::move(road));
    };
    make(forward, false);
    if (trunk) make(backward, true);
    run_start = edge + 1;
  }
}

}  // namespace shouwang::osm::citygen
