#pragma once
// Jurisdictions: the city (admin_level 5), public-security sub-bureau districts (区 / 分局,
// admin_level 6) and police-station subdistricts (街道 / 派出所, admin_level 8). They
// follow the arterial grid: a subdistrict is 3 x 3 superblocks, a district 3 x 3 of those.
// Each carries a resident population (the `population` tag): a subdistrict's follows from
// its area and a density of 8,000 to 25,000 residents per km², highest in the middle of the
// city; a district's and the city's are the sums of their subdistricts'.

#include <cstdint>
#include <string>
#include <vector>

#include "osm/citygen/arterial_grid.h"
#include "osm/citygen/city_plan.h"
#include "osm/citygen/layout_context.h"

namespace shouwang::osm::citygen {

struct Jurisdiction {
  BilingualName name;    // 新华区 / Xinhua District; 兴民街道 / Xingmin Subdistrict
  BilingualName police;  // 新华分局 / Xinhua Sub-bureau; 兴民派出所 / Xingmin Police Station
  std::string code;      // 990101 (district), 990101001 (subdistrict)
  int first_i = 0, first_j = 0, last_i = 0, last_j = 0;  // cells covered, inclusive
  std::int64_t population = 0;                           // residents
};

class AdminAreas {
 public:
  AdminAreas(LayoutContext& ctx, const ArterialGrid& grid, std::string city_code);

  void add_boundaries(const BilingualName& city, CityPlan& plan) const;

  [[nodiscard]] const std::vector<Jurisdiction>& districts() const { return districts_; }
  [[nodiscard]] const std::vector<Jurisdiction>& stations() const { return stations_; }
  // Index into stations() / districts() of the area containing p, or -1 outside the city.
  [[nodiscard]] int station_at(Xy p) const;
  [[nodiscard]] int district_at(Xy p) const;
  // The middle of an area (between its south-west and north-east grid corners).
  [[nodiscard]] Xy centre(const Jurisdiction& area) const;
  [[nodiscard]] int district_of_station(int station) const {
    return station_district_[static_cast<std::size_t>(station)];
  }

  static constexpr int kCellsPerStation = 3;
  static constexpr int kStationsPerDistrict = 3;
  // Residents per km² of a subdistrict: kMaxDensity at the city's centre falling to
  // kMinDensity at its corners; the part above kMinDensity is cut by a seeded 0-15 %, so
  // the density never leaves the band.
  static constexpr double kMinDensity = 8'000.0;
  static constexpr double kMaxDensity = 25'000.0;

 private:
  [[nodiscard]] Polyline outline(const Jurisdiction& area) const;
  void add_populations(const LayoutContext& ctx);

  const ArterialGrid& grid_;
  std::string city_code_;
  int stations_per_axis_ = 0;
  int districts_per_axis_ = 0;
  std::vector<Jurisdiction> districts_;
  std::vector<Jurisdiction> stations_;
  std::vector<int> station_district_;
};

}  // namespace shouwang::osm::citygen
