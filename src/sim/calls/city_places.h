#pragma once
// Where in a city calls can happen, from its place index: homes (addresses, residential
// compounds, villages), busy places (shops, markets, schools, hospitals, stations, parks)
// and the persistent hotspots (markets, malls, supermarkets, railway, subway and coach
// stations), each with a weight; and from these the residents the default call rate is
// based on.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <shouwang/base/geo.h>
#include <shouwang/base/random.h>
#include <shouwang/osm/place_index.h>
#include <shouwang/routing/snap_index.h>

namespace shouwang::sim::calls {

// Positions drawn with probability proportional to their weights.
struct WeightedPoints {
  std::vector<LatLon> points{};
  std::vector<double> cumulative{};
  [[nodiscard]] bool empty() const { return points.empty(); }
  [[nodiscard]] double total() const { return cumulative.empty() ? 0.0 : cumulative.back(); }
  void add(LatLon p, double weight);
  // Precondition: !empty().
  [[nodiscard]] std::size_t pick(Rng& rng) const;
};

struct HotspotSite {
  std::string name{};
  LatLon position{};
  std::string category{};
  double intensity = 0;
};

struct CityPlaces {
  WeightedPoints homes{};
  WeightedPoints busy{};
  std::vector<HotspotSite> hotspots{};  // in the place index's order
  std::vector<double> hotspot_cumulative{};
  double home_weight = 0;  // in address-plot equivalents
};

// Residents per address plot: a plot is 50 m of one side of a street in the demo city (and
// about a building in real address data), with housing behind it. The figure makes the
// demo city's 127,000 plots on 900 km² about 1.5 million people, the order of a
// prefecture-level city's urban districts.
inline constexpr double kResidentsPerPlot = 12.0;
// Residents per km of road (half the length of both directions) where the map has few
// addresses: the demo city's own ratio of address-based residents to road length (about
// 220 per km over core, suburbs and countryside), rounded up because real maps carry
// fewer of the lanes and service roads the demo city draws.
inline constexpr double kResidentsPerRoadKm = 250.0;

// Hotspot intensities are drawn from `rng` (log-normal around each category's base).
CityPlaces collect_city_places(const osm::PlaceIndex& index, Rng rng);

// Calls happen on or beside a road: homes and busy places farther than `metres` from every
// road (the middle of a large compound or park) move to the nearest road point.
inline constexpr double kBesideRoadMetres = 40.0;
void keep_beside_roads(CityPlaces& places, const routing::SnapIndex& roads,
                       double metres = kBesideRoadMetres);

// Whether a POI category makes a persistent hotspot, and its base intensity (0: not one).
double hotspot_base(std::string_view category);

}  // namespace shouwang::sim::calls
