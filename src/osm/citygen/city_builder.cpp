#include "osm/citygen/city_builder.h"

#include <array>

#include "osm/citygen/admin_areas.h"
#include "osm/citygen/arterial_grid.h"
#include "osm/citygen/layout_context.h"
#include "osm/citygen/local_streets.h"
#include "osm/citygen/places.h"
#include "osm/citygen/ring_road.h"
#include "osm/citygen/river.h"

namespace shouwang::osm::citygen {
namespace {

struct CityName {
  const char* zh;
  const char* en;
};

constexpr std::array<CityName, 12> kCityNames = {{
    {"江州市", "Jiangzhou"}, {"临川市", "Linchuan"}, {"清河市", "Qinghe"},   {"安平市", "Anping"},
    {"云阳市", "Yunyang"},   {"青州市", "Qingzhou"}, {"宁远市", "Ningyuan"}, {"丰城市", "Fengcheng"},
    {"南陵市", "Nanling"},   {"望江市", "Wangjiang"}, {"凤台市", "Fengtai"}, {"长平市", "Changping"},
}};

}  // namespace

BuiltCity build_city(const CityOptions& options) {
  LayoutContext ctx(options.seed, options.size_km * 1000.0);
  BuiltCity city;
  CityPlan& plan = city.plan;
  plan.size_m = ctx.size;
  // A fictional city somewhere in the middle and east of China.
  plan.origin = {ctx.rng.uniform(26.0, 34.0), ctx.rng.uniform(110.0, 120.0)};
  const CityName& name = kCityNames[static_cast<std::size_t>(ctx.rng.uniform_int(0, kCityNames.size() - 1))];
  plan.city = {name.zh, name.en};
  plan.city_ref = "99" + std::to_string(10 + ctx.rng.uniform_int(0, 89)) + "00";

  const River river(ctx);
  const ArterialGrid grid(ctx);
  grid.add_roads(ctx, plan);
  add_ring_road(ctx, river, plan);
  add_local_streets(ctx, grid, plan);
  river.add_features(ctx, plan);
  plan.roads = river.cut(std::move(plan.roads));

  city.network = node_roads(plan.roads);

  const AdminAreas admin(ctx, grid, plan.city_ref);
  admin.add_boundaries(plan.city, plan);
  const PlaceCounts places = add_places(ctx, river, admin, plan.roads, city.network, plan);
  city.addresses = places.addresses;
  city.pois = places.pois;
  city.districts = admin.districts().size();
  city.stations = admin.stations().size();
  return city;
}

}  // namespace shouwang::osm::citygen
