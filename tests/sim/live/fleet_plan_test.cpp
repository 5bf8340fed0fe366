// The simulated fleet: the same seed gives the same units, callsigns are valid and unique,
// units are spread over the stations with their posts on their own roads, the mix is a
// city's, and every capability the taxonomy asks for is somebody's.

#include <map>
#include <set>

#include <gtest/gtest.h>

#include <shouwang/server/telemetry/unit_code.h>
#include <shouwang/sim/fleet_plan.h>

#include "sim_city.h"

namespace shouwang::sim {
namespace {

using testing::sim_city;

std::vector<std::string> taxonomy_capabilities() {
  std::vector<std::string> out;
  for (const auto& type : sim_city().taxonomy.types.all()) {
    out.insert(out.end(), type.capabilities.begin(), type.capabilities.end());
  }
  return out;
}

TEST(FleetPlan, SameSeedSameFleetOtherSeedOtherCallsigns) {
  const auto& city = sim_city();
  ASSERT_NE(city.network, nullptr);
  const auto caps = taxonomy_capabilities();
  const auto a = plan_fleet(40, 5, city.network->graph(), city.areas, caps);
  const auto b = plan_fleet(40, 5, city.network->graph(), city.areas, caps);
  const auto c = plan_fleet(40, 6, city.network->graph(), city.areas, caps);
  ASSERT_EQ(a.size(), 40u);
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].callsign, b[i].callsign);
    EXPECT_EQ(a[i].capabilities, b[i].capabilities);
    EXPECT_EQ(a[i].home_node, b[i].home_node);
    EXPECT_EQ(a[i].crew, b[i].crew);
    EXPECT_NE(a[i].callsign, c[i].callsign);
  }
}

TEST(FleetPlan, UnitsAreValidSpreadAndPostedOnTheirOwnRoads) {
  const auto& city = sim_city();
  ASSERT_NE(city.network, nullptr);
  const auto fleet = plan_fleet(500, 1, city.network->graph(), city.areas, taxonomy_capabilities());
  std::set<std::string> callsigns;
  std::map<std::string, int> per_station;
  std::map<UnitKind, int> kinds;
  for (const UnitPlan& u : fleet) {
    EXPECT_TRUE(server::telemetry::is_valid_unit_code(u.callsign)) << u.callsign;
    EXPECT_TRUE(callsigns.insert(u.callsign).second) << "twice: " << u.callsign;
    EXPECT_EQ(city.areas.area_of(u.home_node), u.area);
    EXPECT_EQ(u.station, city.areas.code(u.area));
    EXPECT_EQ(city.network->graph().coordinate(u.home_node), u.home_post);
    EXPECT_FALSE(u.capabilities.empty());
    EXPECT_TRUE(std::is_sorted(u.capabilities.begin(), u.capabilities.end()));
    EXPECT_FALSE(u.crew.empty());
    EXPECT_EQ(u.vehicle.empty(), u.kind == UnitKind::kFootPatrol);
    ++per_station[u.station];
    ++kinds[u.kind];
  }
  // Every station with roads has units, the same number give or take one.
  int lo = 1 << 30, hi = 0;
  for (const auto& [station, n] : per_station) {
    lo = std::min(lo, n);
    hi = std::max(hi, n);
  }
  EXPECT_LE(hi - lo, 1);
  // Mostly patrol cars, then traffic; a few of each specialist kind.
  EXPECT_GT(kinds[UnitKind::kPatrolCar], 230);
  EXPECT_GT(kinds[UnitKind::kTraffic], 50);
  EXPECT_GT(kinds[UnitKind::kPatrolCar], kinds[UnitKind::kTraffic]);
  EXPECT_GT(kinds[UnitKind::kPtu], 5);
  EXPECT_GT(kinds[UnitKind::kRescue], 0);
}

TEST(FleetPlan, EveryCapabilityTheTaxonomyNeedsIsSomebodys) {
  const auto& city = sim_city();
  ASSERT_NE(city.network, nullptr);
  const auto caps = taxonomy_capabilities();
  for (std::size_t count : {8u, 20u}) {
    const auto fleet = plan_fleet(count, 3, city.network->graph(), city.areas, caps);
    std::set<std::string> present;
    for (const UnitPlan& u : fleet)
      present.insert(u.capabilities.begin(), u.capabilities.end());
    for (const std::string& c : caps)
      EXPECT_TRUE(present.count(c) > 0) << c << " with " << count << " units";
  }
}

}  // namespace
}  // namespace shouwang::sim
