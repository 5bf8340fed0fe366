#include "sim/calls/city_places.h"

#include <cmath>
#include <utility>

#include "sim/calls/call_classes.h"
#include "sim/calls/draws.h"

namespace shouwang::sim::calls {
namespace {

struct CategoryWeight {
  std::string_view category;
  double weight;
};

// Homes, in address-plot equivalents: a compound or a village holds many households.
constexpr CategoryWeight kHomeWeights[] = {
    {"landuse=residential", 30},
    {"place=village", 30},
    {"place=hamlet", 8},
};

// Busy places: how many calls they draw relative to a plain shop.
constexpr CategoryWeight kBusyWeights[] = {
    {"amenity=hospital", 6}, {"amenity=marketplace", 5}, {"shop=mall", 5},
    {"railway=station", 4},  {"amenity=bus_station", 4}, {"shop=supermarket", 3},
    {"amenity=school", 2},   {"leisure=park", 2},        {"amenity=townhall", 1},
    {"amenity=police", 0.5},
};

constexpr CategoryWeight kHotspotBases[] = {
    {"amenity=marketplace", 1.5},      {"shop=mall", 1.5},       {"shop=department_store", 1.2},
    {"shop=supermarket", 1.0},         {"railway=station", 1.5}, {"amenity=bus_station", 1.5},
    {"public_transport=station", 1.0},
};

double lookup(std::span<const CategoryWeight> table, std::string_view category, double otherwise) {
  for (const auto& [c, w] : table) {
    if (c == category)
      return w;
  }
  return otherwise;
}

bool is_busy_category(std::string_view category) {
  for (const std::string_view key :
       {"amenity=", "shop=", "railway=", "public_transport=", "leisure=", "office=", "tourism="}) {
    if (category.starts_with(key))
      return true;
  }
  return false;
}

}  // namespace

void WeightedPoints::add(LatLon p, double weight) {
  if (!(weight > 0))
    return;
  points.push_back(p);
  cumulative.push_back(total() + weight);
}

std::size_t WeightedPoints::pick(Rng& rng) const {
  return pick_cumulative(rng, cumulative);
}

void keep_beside_roads(CityPlaces& places, const routing::SnapIndex& roads, double metres) {
  for (WeightedPoints* set : {&places.homes, &places.busy}) {
    for (LatLon& p : set->points) {
      auto snapped = roads.snap(p, Meters(5000.0));
      if (snapped && snapped->distance.value() > metres)
        p = snapped->point;
    }
  }
}

double hotspot_base(std::string_view category) {
  return lookup(kHotspotBases, category, 0.0);
}

CityPlaces collect_city_places(const osm::PlaceIndex& index, Rng rng) {
  CityPlaces out;
  for (const osm::Place& place : index.places()) {
    if (place.kind == osm::PlaceKind::kAddress) {
      out.homes.add(place.position, 1.0);
      continue;
    }
    if (place.kind != osm::PlaceKind::kPoi)
      continue;
    if (const double w = lookup(kHomeWeights, place.category, 0.0); w > 0) {
      out.homes.add(place.position, w);
      continue;
    }
    if (!is_busy_category(place.category))
      continue;
    out.busy.add(place.position, lookup(kBusyWeights, place.category, 1.0));
    if (const double base = hotspot_base(place.category); base > 0) {
      // Every hotspot draws once, in index order, so the intensities depend only on the seed.
      const double intensity = base * std::exp(rng.normal(0.0, kHotspotIntensitySigma));
      out.hotspots.push_back({place.label(), place.position, place.category, intensity});
      out.hotspot_cumulative.push_back(
          (out.hotspot_cumulative.empty() ? 0.0 : out.hotspot_cumulative.back()) + intensity);
    }
  }
  out.home_weight = out.homes.total();
  return out;
}

}  // namespace shouwang::sim::calls
