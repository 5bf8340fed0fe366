#include "osm/citygen/river.h"

#include <cmath>
#include <numbers>

#include "osm/citygen/polyline.h"

namespace shouwang::osm::citygen {
namespace {

constexpr double kTwoPi = 2.0 * std::numbers::pi;
// Roads that stop at the river reach this far past the embankment road, so they cross it
// and the noder can join them; the stub beyond is trimmed afterwards.
constexpr double kOvershoot = 1.5;

Xy lerp(Xy a, Xy b, double t) { return {a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t}; }

}  // namespace

River::River(LayoutContext& ctx) : half_(ctx.half) {
  Rng& rng = ctx.rng;
  const double s = ctx.size;
  y0_ = rng.uniform(-0.12, 0.12) * s;
  a1_ = rng.uniform(0.035, 0.05) * s;
  l1_ = rng.uniform(0.9, 1.3) * s;
  p1_ = rng.uniform(0.0, kTwoPi);
  a2_ = rng.uniform(0.008, 0.012) * s;
  l2_ = rng.uniform(0.25, 0.32) * s;
  p2_ = rng.uniform(0.0, kTwoPi);
  w0_ = rng.uniform(90.0, 130.0);
  w1_ = rng.uniform(10.0, 30.0);
  lw_ = rng.uniform(0.3, 0.6) * s;
  pw_ = rng.uniform(0.0, kTwoPi);
}

double River::centre_y(double x) const {
  return y0_ + a1_ * std::sin(kTwoPi * x / l1_ + p1_) + a2_ * std::sin(kTwoPi * x / l2_ + p2_);
}

double River::half_width(double x) const { return w0_ + w1_ * std::sin(kTwoPi * x / lw_ + pw_); }

double River::clearance(Xy p, double margin) const {
  return std::abs(p.y - centre_y(p.x)) - (half_width(p.x) + margin);
}

void River::add_features(LayoutContext& ctx, CityPlan& plan) const {
  constexpr double kStep = 30.0;
  Polyline centre, north_bank, south_bank, north_road, south_road;
  for (double x = -half_; x <= half_ + 1e-6; x += kStep) {
    const double xc = std::min(x, half_);
    const double y = centre_y(xc);
    centre.push_back({xc, y});
    north_bank.push_back({xc, y + half_width(xc)});
    south_bank.push_back({xc, y - half_width(xc)});
    north_road.push_back({xc, y + embankment(xc)});
    south_road.push_back({xc, y - embankment(xc)});
  }
  plan.waterways.push_back(centre);

  AreaFeature water;
  water.ring = north_bank;
  water.ring.insert(water.ring.end(), south_bank.rbegin(), south_bank.rend());
  water.tags = {{"natural", "water"}, {"water", "river"}, {"name", "玉带江"}, {"name:en", "Yudai River"}};
  plan.areas.push_back(std::move(water));

  const NameStem stem{"滨江", "Binjiang"};
  for (int side = 0; side < 2; ++side) {
    Road road;
    // Reach past the city's edge so the border road joins them; the stub is trimmed.
    road.points = densify(extend(side == 0 ? north_road : south_road, 10.0, 10.0), 30.0, 0.0, ctx.rng);
    road.cls = RoadClass::kTertiary;
    road.name = NameBook::street(stem, StreetKind::kRoad, side == 0 ? Section::kNorth : Section::kSouth);
    road.maxspeed_kmh = 40;
    plan.roads.push_back(std::move(road));
  }
}

std::vector<Road> River::cut(std::vector<Road> roads) const {
  std::vector<Road> out;
  out.reserve(roads.size());
  for (Road& road : roads) {
    if (road.level != Level::kGround || road.points.size() < 2) {
      out.push_back(std::move(road));
      continue;
    }
    // Bridges split at the embankment road itself; other roads end a little inside.
    const double margin = road.crosses_river ? kEmbankmentGap : kEmbankmentGap - kOvershoot;
    bool any_inside = false;
    for (const Xy& p : road.points) any_inside = any_inside || clearance(p, margin) < 0.0;
    if (!any_inside) {
      out.push_back(std::move(road));
      continue;
    }
    auto emit = [&out, &road](Polyline&& pts, bool on_bridge) {
      if (pts.size() < 2) return;
      Road piece = road;
      piece.points = std::move(pts);
      if (on_bridge) {
        piece.bridge = "yes";
        piece.layer = 1;
      }
      out.push_back(std::move(piece));
    };
    Polyline current{road.points.front()};
    bool inside = clearance(road.points.front(), margin) < 0.0;
    for (std::size_t i = 1; i < road.points.size(); ++i) {
      const Xy a = road.points[i - 1];
      const Xy b = road.points[i];
      const bool b_inside = clearance(b, margin) < 0.0;
      if (b_inside != inside) {
        // Bisection for the crossing of the band's edge on this segment.
        double lo = 0.0, hi = 1.0;
        for (int k = 0; k < 50; ++k) {
          const double mid = (lo + hi) / 2.0;
          const bool mid_inside = clearance(lerp(a, b, mid), margin) < 0.0;
          (mid_inside == inside ? lo : hi) = mid;
        }
        const Xy edge = lerp(a, b, (lo + hi) / 2.0);
        current.push_back(edge);
        const bool keep = !inside || road.crosses_river;
        if (keep) emit(std::move(current), inside);
        current = Polyline{edge};
        inside = b_inside;
      }
      current.push_back(b);
    }
    if (!inside || road.crosses_river) emit(std::move(current), inside);
  }
  return out;
}

}  // namespace shouwang::osm::citygen
