#include "osm/citygen/admin_areas.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>

namespace shouwang::osm::citygen {
namespace {

std::string code(const std::string& prefix, int n, int width) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%0*d", width, n);
  return prefix + buf;
}

int ceil_div(int a, int b) {
  return (a + b - 1) / b;
}

// A random stream of its own (Rng::fork leaves ctx.rng as it is), so that populations
// change nothing else the seed decides.
constexpr std::uint64_t kPopulationStream = 0x706f70756c617465;  // "populate"

double area_km2(const Polyline& ring) {
  double twice = 0.0;
  for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
    twice += ring[j].x * ring[i].y - ring[i].x * ring[j].y;
  }
  return std::abs(twice) / 2.0 / 1e6;
}

}  // namespace

AdminAreas::AdminAreas(LayoutContext& ctx, const ArterialGrid& grid, std::string city_code)
    : grid_(grid), city_code_(std::move(city_code)) {
  const int cells = grid.cells();
  stations_per_axis_ = ceil_div(cells, kCellsPerStation);
  districts_per_axis_ = ceil_div(stations_per_axis_, kStationsPerDistrict);
  for (int dj = 0; dj < districts_per_axis_; ++dj) {
    for (int di = 0; di < districts_per_axis_; ++di) {
      const NameStem stem = ctx.names.fresh_stem();
      Jurisdiction d;
      d.name = NameBook::with_suffix(stem, "区", " District");
      d.police = NameBook::with_suffix(stem, "分局", " Sub-bureau");
      d.code = code(city_code_.substr(0, 4), static_cast<int>(districts_.size()) + 1, 2);
      d.first_i = di * kCellsPerStation * kStationsPerDistrict;
      d.first_j = dj * kCellsPerStation * kStationsPerDistrict;
      d.last_i = std::min(cells, d.first_i + kCellsPerStation * kStationsPerDistrict) - 1;
      d.last_j = std::min(cells, d.first_j + kCellsPerStation * kStationsPerDistrict) - 1;
      districts_.push_back(std::move(d));
    }
  }
  std::vector<int> per_district(districts_.size(), 0);
  for (int sj = 0; sj < stations_per_axis_; ++sj) {
    for (int si = 0; si < stations_per_axis_; ++si) {
      const int district =
          (sj / kStationsPerDistrict) * districts_per_axis_ + si / kStationsPerDistrict;
      const NameStem stem = ctx.names.fresh_stem();
      Jurisdiction s;
      s.name = NameBook::with_suffix(stem, "街道", " Subdistrict");
      s.police = NameBook::with_suffix(stem, "派出所", " Police Station");
      s.code = code(districts_[static_cast<std::size_t>(district)].code,
                    ++per_district[static_cast<std::size_t>(district)], 3);
      s.first_i = si * kCellsPerStation;
      s.first_j = sj * kCellsPerStation;
      s.last_i = std::min(cells, s.first_i + kCellsPerStation) - 1;
      s.last_j = std::min(cells, s.first_j + kCellsPerStation) - 1;
      stations_.push_back(std::move(s));
      station_district_.push_back(district);
    }
  }
  add_populations(ctx);
}

void AdminAreas::add_populations(const LayoutContext& ctx) {
  Rng rng = ctx.rng.fork(kPopulationStream);
  const double corner = ctx.half * std::numbers::sqrt2;
  for (std::size_t s = 0; s < stations_.size(); ++s) {
    Jurisdiction& station = stations_[s];
    const Xy c = centre(station);
    const double t = std::min(1.0, std::hypot(c.x, c.y) / corner);  // 0 centre .. 1 corner
    const double excess =
        (kMaxDensity - kMinDensity) * std::pow(1.0 - t, 1.5) * rng.uniform(0.85, 1.0);
    station.population = std::llround((kMinDensity + excess) * area_km2(outline(station)));
    districts_[static_cast<std::size_t>(station_district_[s])].population += station.population;
  }
}

Polyline AdminAreas::outline(const Jurisdiction& a) const {
  Polyline ring;  // counter-clockwise along the grid lines
  for (int i = a.first_i; i <= a.last_i; ++i)
    ring.push_back(grid_.point(i, a.first_j));
  for (int j = a.first_j; j <= a.last_j; ++j)
    ring.push_back(grid_.point(a.last_i + 1, j));
  for (int i = a.last_i + 1; i > a.first_i; --i)
    ring.push_back(grid_.point(i, a.last_j + 1));
  for (int j = a.last_j + 1; j > a.first_j; --j)
    ring.push_back(grid_.point(a.first_i, j));
  return ring;
}

void AdminAreas::add_boundaries(const BilingualName& city, CityPlan& plan) const {
  auto add = [&](const Jurisdiction& area, const char* level, const BilingualName& name,
                 const std::string& ref) {
    AreaFeature feature{outline(area),
                        {{"type", "boundary"},
                         {"boundary", "administrative"},
                         {"admin_level", level},
                         {"name", name.zh},
                         {"name:en", name.en},
                         {"ref", ref}},
                        true};
    if (!area.police.empty()) {
      feature.tags.emplace_back("police:name", area.police.zh);
      feature.tags.emplace_back("police:name:en", area.police.en);
    }
    feature.tags.emplace_back("population", std::to_string(area.population));
    plan.areas.push_back(std::move(feature));
  };
  Jurisdiction whole;
  whole.last_i = grid_.cells() - 1;
  whole.last_j = grid_.cells() - 1;
  for (const Jurisdiction& d : districts_)
    whole.population += d.population;
  add(whole, "5", city, city_code_);
  for (const Jurisdiction& d : districts_)
    add(d, "6", d.name, d.code);
  for (const Jurisdiction& s : stations_)
    add(s, "8", s.name, s.code);
}

Xy AdminAreas::centre(const Jurisdiction& a) const {
  const Xy sw = grid_.point(a.first_i, a.first_j);
  const Xy ne = grid_.point(a.last_i + 1, a.last_j + 1);
  return {(sw.x + ne.x) / 2.0, (sw.y + ne.y) / 2.0};
}

int AdminAreas::station_at(Xy p) const {
  const auto cell = grid_.locate(p);
  if (!cell)
    return -1;
  const int si = cell->first / kCellsPerStation;
  const int sj = cell->second / kCellsPerStation;
  return sj * stations_per_axis_ + si;
}

int AdminAreas::district_at(Xy p) const {
  const int s = station_at(p);
  return s < 0 ? -1 : district_of_station(s);
}

}  // namespace shouwang::osm::citygen
