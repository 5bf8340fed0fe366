#include "osm/citygen/local_streets.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <vector>

#include "osm/citygen/polyline.h"

namespace shouwang::osm::citygen {
namespace {

constexpr double kDegree = std::numbers::pi / 180.0;
constexpr double kStreetStep = 25.0;
constexpr double kStreetWobble = 0.8;
constexpr double kOvershoot = 2.0;  // past the far carriageway, trimmed after noding
constexpr double kMinStreet = 80.0;

Xy at(Xy origin, Xy dir, double s) { return {origin.x + dir.x * s, origin.y + dir.y * s}; }
Xy plus(Xy a, Xy b) { return {a.x + b.x, a.y + b.y}; }
Xy times(Xy a, double k) { return {a.x * k, a.y * k}; }

struct CompoundKind {
  const char* zh;
  const char* en;
};
constexpr std::array<CompoundKind, 6> kCompoundKinds = {{
    {"小区", " Community"}, {"花园", " Garden"}, {"家园", " Homes"},
    {"新村", " New Village"}, {"公寓", " Apartments"}, {"苑", " Court"},
}};

class CellBuilder {
 public:
  CellBuilder(LayoutContext& ctx, const ArterialGrid& grid, CityPlan& plan, int i, int j)
      : ctx_(ctx), grid_(grid), plan_(plan), i_(i), j_(j), quad_(grid.cell(i, j)) {}

  void build() {
    const Zone zone = ctx_.zone(quad_.centre());
    if (zone != Zone::kRural && ctx_.rng.bernoulli(0.05)) {
      add_park();
    } else if (zone == Zone::kRural) {
      if (ctx_.rng.bernoulli(0.55)) add_village();
    } else {
      add_grid(zone);
    }
  }

 private:
  // Extends a clipped street past the arterial it meets, so it crosses every carriageway.
  double reach(int edge, double sine) const {
    return (grid_.edge_half_width(i_, j_, edge) + kOvershoot) / std::max(sine, 0.25);
  }

  void add_grid(Zone zone) {
    Rng& rng = ctx_.rng;
    const bool core = zone == Zone::kCore;
    const double s = core ? rng.uniform(110.0, 160.0) : rng.uniform(200.0, 300.0);
    const Xy a = quad_.corner[0];
    const Xy b = quad_.corner[1];
    double angle = std::atan2(b.y - a.y, b.x - a.x);
    if (rng.bernoulli(core ? 0.3 : 0.4)) {
      static constexpr std::array<double, 4> kTurns = {15.0, 30.0, 45.0, 60.0};
      angle += kTurns[static_cast<std::size_t>(rng.uniform_int(0, 3))] * kDegree;
    } else {
      angle += rng.uniform(-3.0, 3.0) * kDegree;
    }
    const Xy d{std::cos(angle), std::sin(angle)};
    const Xy n{-d.y, d.x};
    const Xy c = quad_.centre();
    double diag = 0.0;
    for (const Xy& corner : quad_.corner) diag = std::max(diag, distance(corner, c));
    const int k_max = static_cast<int>(std::ceil(diag / s)) + 1;
    const double phase_a = rng.uniform(0.0, s);
    const double phase_b = rng.uniform(0.0, s);
    const bool couplets = core && std::hypot(c.x, c.y) < 0.08 * ctx_.size;
    const NameStem stem_a = ctx_.names.fresh_stem();
    const NameStem stem_b = ctx_.names.fresh_stem();
    int count_a = 0;
    int count_b = 0;
    std::vector<bool> has_a(static_cast<std::size_t>(2 * k_max + 1), false);

    for (int family = 0; family < 2; ++family) {
      const Xy dir = family == 0 ? d : n;
      const Xy across = family == 0 ? n : d;
      const double phase = family == 0 ? phase_a : phase_b;
      for (int k = -k_max; k <= k_max; ++k) {
        const Xy origin = at(c, across, k * s + phase);
        const auto clip = clip_line(quad_, origin, dir);
        if (!clip || std::min(clip->sin_entry, clip->sin_exit) < 0.25) continue;
        if (clip->s1 - clip->s0 < kMinStreet) continue;
        const double s0 = clip->s0 - reach(clip->edge_entry, clip->sin_entry);
        const double s1 = clip->s1 + reach(clip->edge_exit, clip->sin_exit);
        Road road;
        road.points = densify({at(origin, dir, s0), at(origin, dir, s1)}, kStreetStep, kStreetWobble, rng);
        const bool main_street = family == 0 && k == 0 && clip->s1 - clip->s0 > 400.0;
        if (main_street) {
          road.cls = RoadClass::kSecondary;
          road.maxspeed_kmh = 50;
        } else if (core && k % 3 == 0) {
          road.cls = RoadClass::kTertiary;
          road.maxspeed_kmh = rng.bernoulli(0.5) ? 40 : 0;
        } else {
          road.cls = RoadClass::kResidential;
          road.maxspeed_kmh = rng.bernoulli(0.3) ? 30 : 0;
        }
        road.name = family == 0 ? NameBook::numbered(stem_a, ++count_a, StreetKind::kRoad)
                                : NameBook::numbered(stem_b, ++count_b, StreetKind::kStreet);
        if (couplets && family == 1) {
          road.oneway = true;
          if ((k & 1) != 0) std::reverse(road.points.begin(), road.points.end());
        }
        plan_.roads.push_back(std::move(road));
        if (family == 0) has_a[static_cast<std::size_t>(k + k_max)] = true;
      }
    }

    // Residential compounds: a service road from the street into the block, ending there
    // or opening into a loop.
    for (int ka = -k_max; ka < k_max; ++ka) {
      if (!has_a[static_cast<std::size_t>(ka + k_max)]) continue;
      for (int kb = -k_max; kb < k_max; ++kb) {
        const Xy centre = plus(at(c, d, kb * s + phase_b + s / 2.0), times(n, ka * s + phase_a + s / 2.0));
        if (!quad_.contains(centre, 0.75 * s)) continue;
        if (!rng.bernoulli(core ? 0.45 : 0.35)) continue;
        add_compound(centre, d, n, s, core);
      }
    }
  }

  void add_compound(Xy centre, Xy d, Xy n, double s, bool core) {
    Rng& rng = ctx_.rng;
    const Xy street_side = at(centre, n, -(s / 2.0 + kOvershoot));
    Road spur;
    spur.cls = RoadClass::kService;
    if (core && rng.bernoulli(0.5)) {
      const double h = 0.2 * s;
      auto corner = [&](double u, double v) { return plus(at(centre, d, u), times(n, v)); };
      Road loop;
      loop.cls = RoadClass::kService;
      loop.points = densify({corner(-h, -h), corner(0, -h), corner(h, -h), corner(h, h), corner(-h, h),
                             corner(-h, -h)},
                            kStreetStep, 0.0, rng);
      spur.points = densify({corner(0, -h), street_side}, kStreetStep, 0.0, rng);
      plan_.roads.push_back(std::move(loop));
    } else {
      spur.service = "driveway";
      spur.points = densify({at(centre, d, rng.uniform(-0.1, 0.1) * s), street_side}, kStreetStep, 0.0, rng);
    }
    plan_.roads.push_back(std::move(spur));

    if (rng.bernoulli(core ? 0.6 : 0.3)) {
      const double h = 0.42 * s;
      AreaFeature area;
      area.ring = {plus(at(centre, d, -h), times(n, -h)), plus(at(centre, d, h), times(n, -h)),
                   plus(at(centre, d, h), times(n, h)), plus(at(centre, d, -h), times(n, h))};
      const auto& kind = kCompoundKinds[static_cast<std::size_t>(rng.uniform_int(0, kCompoundKinds.size() - 1))];
      const BilingualName name = NameBook::with_suffix(ctx_.names.fresh_stem(), kind.zh, kind.en);
      area.tags = {{"landuse", "residential"}, {"name", name.zh}, {"name:en", name.en}};
      plan_.areas.push_back(std::move(area));
    }
  }

  void add_park() {
    const Xy c = quad_.centre();
    AreaFeature park;
    for (const Xy& corner : quad_.corner) {
      const double len = distance(corner, c);
      park.ring.push_back(at(c, Xy{(corner.x - c.x) / len, (corner.y - c.y) / len}, len - 60.0));
    }
    const BilingualName name = NameBook::with_suffix(ctx_.names.fresh_stem(), "公园", " Park");
    park.tags = {{"leisure", "park"}, {"name", name.zh}, {"name:en", name.en}};
    plan_.areas.push_back(std::move(park));
  }

  void add_village() {
    Rng& rng = ctx_.rng;
    const Xy c = quad_.centre();
    const Xy v{c.x + rng.uniform(-200.0, 200.0), c.y + rng.uniform(-200.0, 200.0)};
    if (!quad_.contains(v, 300.0)) return;
    const double s = rng.uniform(70.0, 95.0);
    const int na = static_cast<int>(rng.uniform_int(3, 5));
    const int nb = static_cast<int>(rng.uniform_int(3, 5));
    const double angle = rng.uniform(0.0, std::numbers::pi);
    const Xy d{std::cos(angle), std::sin(angle)};
    const Xy n{-d.y, d.x};
    const NameStem stem = ctx_.names.fresh_stem();
    int lanes = 0;
    for (int family = 0; family < 2; ++family) {
      const int count = family == 0 ? na : nb;
      const int other = family == 0 ? nb : na;
      const Xy dir = family == 0 ? d : n;
      const Xy across = family == 0 ? n : d;
      const double half_len = (other - 1) / 2.0 * s + 6.0;
      for (int k = 0; k < count; ++k) {
        const Xy origin = at(v, across, (k - (count - 1) / 2.0) * s);
        Road road;
        road.cls = RoadClass::kResidential;
        road.points = densify({at(origin, dir, -half_len), at(origin, dir, half_len)}, kStreetStep, 0.6, rng);
        road.name = NameBook::numbered(stem, ++lanes, StreetKind::kLane);
        plan_.roads.push_back(std::move(road));
      }
    }
    // The village road out to the nearest arterial.
    int best_edge = 0;
    SegmentProjection best{};
    best.distance = 1e300;
    for (int e = 0; e < 4; ++e) {
      const SegmentProjection p = project_to_segment(v, quad_.corner[e], quad_.corner[(e + 1) % 4]);
      if (p.distance < best.distance) {
        best = p;
        best_edge = e;
      }
    }
    const Xy out{(best.point.x - v.x) / best.distance, (best.point.y - v.y) / best.distance};
    Road link;
    link.cls = RoadClass::kUnclassified;
    link.points = densify({v, at(best.point, out, grid_.edge_half_width(i_, j_, best_edge) + kOvershoot)},
                          kStreetStep, 0.8, rng);
    link.name = NameBook::with_suffix(stem, "村路", " Village Road");
    plan_.roads.push_back(std::move(link));

    const BilingualName name = NameBook::with_suffix(stem, "村", " Village");
    plan_.points.push_back({v, {{"place", "village"}, {"name", name.zh}, {"name:en", name.en}}});
  }

  LayoutContext& ctx_;
  const ArterialGrid& grid_;
  CityPlan& plan_;
  int i_;
  int j_;
  Quad quad_;
};

}  // namespace

void add_local_streets(LayoutContext& ctx, const ArterialGrid& grid, CityPlan& plan) {
  for (int j = 0; j < grid.cells(); ++j) {
    for (int i = 0; i < grid.cells(); ++i) CellBuilder(ctx, grid, plan, i, j).build();
  }
}

}  // namespace shouwang::osm::citygen
