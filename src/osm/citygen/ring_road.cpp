#include "osm/citygen/ring_road.h"

#include <cmath>
#include <numbers>
#include <algorithm>
#include <optional>

#include "osm/citygen/polyline.h"

namespace shouwang::osm::citygen {
namespace {

constexpr double kTwoPi = 2.0 * std::numbers::pi;
constexpr double kCarriagewayOffset = 12.0;
constexpr double kRampReach = 320.0;   // along the ring, from the crossing to the ramp's top
constexpr double kRampFoot = 160.0;    // along the ground road, from the ring to the ramp's foot
constexpr double kMinInterchangeGap = 1800.0;

struct Crossing {
  std::size_t road = 0;     // index into plan.roads
  Xy a, b;                  // the crossing segment of that road, as found
  Xy point;
  double angle = 0.0;       // polar angle of the crossing on the ring
};

Xy lerp(Xy a, Xy b, double t) { return {a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t}; }

// Inserts `p` into the road's polyline at the position along it where it belongs, and
// returns it (so the caller can reuse the exact coordinates).
Xy insert_vertex(Road& road, Xy p) {
  std::size_t best = 0;
  double best_d = 1e300;
  for (std::size_t i = 1; i < road.points.size(); ++i) {
    const double d = project_to_segment(p, road.points[i - 1], road.points[i]).distance;
    if (d < best_d) {
      best_d = d;
      best = i;
    }
  }
  const SegmentProjection proj = project_to_segment(p, road.points[best - 1], road.points[best]);
  road.points.insert(road.points.begin() + static_cast<std::ptrdiff_t>(best), proj.point);
  return proj.point;
}

}  // namespace

void add_ring_road(LayoutContext& ctx, const River& river, CityPlan& plan) {
  const double radius = 0.31 * ctx.size;
  const double squash = ctx.rng.uniform(0.9, 1.0);  // a slightly oval ring
  const int steps = std::max(64, static_cast<int>(kTwoPi * radius / 50.0));
  auto ring_at = [&](double angle, double offset) {
    const Xy dir{std::cos(angle), std::sin(angle)};
    const double r = radius + offset;
    return Xy{dir.x * r, dir.y * r * squash};
  };
  auto angle_of = [&](int k) { return kTwoPi * k / steps; };

  // Outer carriageway runs counter-clockwise (traffic keeps right), inner one clockwise.
  Polyline outer, inner, centre;
  for (int k = 0; k <= steps; ++k) {
    outer.push_back(ring_at(angle_of(k % steps), kCarriagewayOffset));
    inner.push_back(ring_at(angle_of((steps - k) % steps), -kCarriagewayOffset));
    centre.push_back(ring_at(angle_of(k % steps), 0.0));
  }

  // Interchanges where primary roads cross the ring, away from the river and each other.
  std::vector<Crossing> crossings;
  for (std::size_t r = 0; r < plan.roads.size(); ++r) {
    const Road& road = plan.roads[r];
    if (road.cls != RoadClass::kPrimary || road.oneway) continue;
    for (std::size_t s = 1; s < road.points.size(); ++s) {
      for (std::size_t k = 1; k < centre.size(); ++k) {
        const auto hit = segment_intersection(road.points[s - 1], road.points[s], centre[k - 1], centre[k]);
        if (!hit) continue;
        if (river.clearance(*hit, 600.0) < 0.0) continue;
        double angle = std::atan2(hit->y / squash, hit->x);
        if (angle < 0) angle += kTwoPi;
        crossings.push_back({r, road.points[s - 1], road.points[s], *hit, angle});
      }
    }
  }
  std::sort(crossings.begin(), crossings.end(),
            [](const Crossing& a, const Crossing& b) { return a.angle < b.angle; });
  std::vector<Crossing> chosen;
  for (const Crossing& c : crossings) {
    const bool far_enough = chosen.empty() || (c.angle - chosen.back().angle) * radius > kMinInterchangeGap;
    const bool far_from_first = chosen.empty() || (chosen.front().angle + kTwoPi - c.angle) * radius > kMinInterchangeGap;
    if (far_enough && far_from_first) chosen.push_back(c);
  }

  auto add_carriageway = [&](Polyline&& pts) {
    Road road;
    road.points = std::move(pts);
    road.cls = RoadClass::kMotorway;
    road.name = {"环城高架", "Ring Expressway"};
    road.oneway = true;
    road.maxspeed_kmh = 80;
    road.level = Level::kElevated;
    road.bridge = "viaduct";
    road.layer = 1;
    road.extra = {{"ref", "S1"}};
    plan.roads.push_back(std::move(road));
  };

  const int reach_steps = std::max(1, static_cast<int>(std::round(kRampReach / (kTwoPi * radius / steps))));
  for (const Crossing& c : chosen) {
    const int k = static_cast<int>(std::round(c.angle / kTwoPi * steps));
    Road& ground = plan.roads[c.road];
    const Xy a = c.a;
    const Xy b = c.b;
    const double seg_len = distance(a, b);
    // Feet of the ramps on the ground road: outside and inside the ring.
    const Xy dir{(b.x - a.x) / seg_len, (b.y - a.y) / seg_len};
    const Xy foot_1{c.point.x + dir.x * kRampFoot, c.point.y + dir.y * kRampFoot};
    const Xy foot_2{c.point.x - dir.x * kRampFoot, c.point.y - dir.y * kRampFoot};
    const bool foot_1_outside = std::hypot(foot_1.x, foot_1.y / squash) > radius;
    const Xy outside_foot = insert_vertex(ground, foot_1_outside ? foot_1 : foot_2);
    const Xy inside_foot = insert_vertex(ground, foot_1_outside ? foot_2 : foot_1);

    auto ramp = [&](Xy from, Xy to, Xy bulge) {
      Polyline pts;
      const int n = std::max(4, static_cast<int>(distance(from, to) / 25.0));
      const Xy ctrl{(from.x + to.x) / 2.0 + bulge.x, (from.y + to.y) / 2.0 + bulge.y};
      for (int i = 0; i <= n; ++i) {
        const double t = static_cast<double>(i) / n;
        const Xy p = lerp(lerp(from, ctrl, t), lerp(ctrl, to, t), t);  // quadratic Bézier
        pts.push_back(i == 0 ? from : (i == n ? to : p));
      }
      Road road;
      road.points = std::move(pts);
      road.cls = RoadClass::kMotorwayLink;
      road.oneway = true;
      road.maxspeed_kmh = 40;
      road.level = Level::kElevated;
      road.bridge = "yes";
      road.layer = 1;
      plan.roads.push_back(std::move(road));
    };
    const Xy radial{std::cos(c.angle) * 40.0, std::sin(c.angle) * 40.0};
    // Outer carriageway (counter-clockwise): off before the crossing, on after it.
    const std::size_t k_out_before = static_cast<std::size_t>((k - reach_steps + steps) % steps);
    const std::size_t k_out_after = static_cast<std::size_t>((k + reach_steps) % steps);
    ramp(outer[k_out_before], outside_foot, radial);
    ramp(outside_foot, outer[k_out_after], radial);
    // Inner carriageway (clockwise; inner[m] sits at angle index steps - m).
    const std::size_t m_before = static_cast<std::size_t>((steps - (k + reach_steps)) % steps + steps) % steps;
    const std::size_t m_after = static_cast<std::size_t>((steps - (k - reach_steps)) % steps + steps) % steps;
    ramp(inner[m_before], inside_foot, Xy{-radial.x, -radial.y});
    ramp(inside_foot, inner[m_after], Xy{-radial.x, -radial.y});
  }
  add_carriageway(std::move(outer));
  add_carriageway(std::move(inner));
}

}  // namespace shouwang::osm::citygen
