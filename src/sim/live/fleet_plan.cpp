#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <set>

#include <shouwang/base/random.h>
#include <shouwang/sim/fleet_plan.h>

namespace shouwang::sim {
namespace {

struct Extra {
  const char* capability;
  double chance;
};

struct KindSpec {
  UnitKind kind;
  char letter;
  const char* type;
  const char* name_zh;
  double share;  // of the fleet
  std::vector<const char*> capabilities;
  std::vector<Extra> extras;
  int crew;
  bool vehicle;
};

const std::array<KindSpec, 8>& kinds() {
  static const std::array<KindSpec, 8> specs{{
      {UnitKind::kPatrolCar,
       'P',
       "patrol_car",
       "巡逻车",
       0.58,
       {"patrol"},
       {{"community", 0.2},
        {"medical_liaison", 0.25},
        {"fire_liaison", 0.25},
        {"public_order", 0.15}},
       2,
       true},
      {UnitKind::kTraffic,
       'T',
       "traffic",
       "交警车",
       0.16,
       {"traffic"},
       {{"patrol", 0.4}, {"fire_liaison", 0.3}, {"medical_liaison", 0.3}},
       2,
       true},
      {UnitKind::kFootPatrol,
       'F',
       "foot_patrol",
       "步巡组",
       0.06,
       {"community", "patrol"},
       {{"anti_fraud", 0.3}},
       2,
       false},
      {UnitKind::kMotorcycle,
       'M',
       "motorcycle",
       "摩托巡逻",
       0.05,
       {"patrol", "traffic"},
       {},
       1,
       true},
      {UnitKind::kDetectives,
       'X',
       "other",
       "刑侦车",
       0.06,
       {"criminal_investigation", "patrol"},
       {{"forensics", 0.5}, {"medical_liaison", 0.2}},
       2,
       true},
      {UnitKind::kAntiFraud,
       'A',
       "other",
       "反诈专班",
       0.03,
       {"anti_fraud", "community", "cyber"},
       {},
       2,
       true},
      {UnitKind::kPtu,
       'J',
       "ptu",
       "特警车",
       0.04,
       {"patrol", "public_order", "special_police"},
       {{"negotiation", 0.4},
        {"hazmat", 0.4},
        {"criminal_investigation", 0.3},
        {"medical_liaison", 0.3},
        {"fire_liaison", 0.3}},
       4,
       true},
      {UnitKind::kRescue,
       'R',
       "other",
       "救援车",
       0.02,
       {"medical_liaison", "patrol", "water_rescue"},
       {{"fire_liaison", 0.5}, {"hazmat", 0.3}},
       3,
       true},
  }};
  return specs;
}

const KindSpec& draw_kind(Rng& rng) {
  double u = rng.uniform01();
  for (const KindSpec& spec : kinds()) {
    if (u < spec.share)
      return spec;
    u -= spec.share;
  }
  return kinds().front();
}

std::string digits(Rng& rng, int n) {
  std::string out;
  for (int i = 0; i < n; ++i)
    out += static_cast<char>('0' + rng.uniform_int(0, 9));
  return out;
}

}  // namespace

std::vector<UnitPlan> plan_fleet(std::size_t count, std::uint64_t seed,
                                 const routing::RoadGraph& graph, const PatrolAreas& areas,
                                 std::span<const std::string> taxonomy_capabilities) {
  std::vector<std::uint32_t> usable;
  for (std::uint32_t a = 0; a < areas.size(); ++a) {
    if (!areas.patrol_nodes(a).empty())
      usable.push_back(a);
  }
  std::vector<UnitPlan> fleet;
  if (usable.empty())
    return fleet;
  const Rng root(seed);
  std::map<std::pair<std::uint32_t, char>, int> numbered;
  fleet.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    Rng rng = root.fork(i);
    const std::size_t ordinal = i % usable.size();
    const std::uint32_t area = usable[ordinal];
    const KindSpec& spec = draw_kind(rng);
    UnitPlan unit;
    unit.kind = spec.kind;
    unit.type = spec.type;
    unit.area = area;
    unit.station = areas.code(area);
    const int k = ++numbered[{area, spec.letter}];
    char callsign[64];
    std::snprintf(callsign, sizeof callsign, "S%llu-%02zu-%c%02d",
                  static_cast<unsigned long long>(seed), ordinal + 1, spec.letter, k);
    unit.callsign = callsign;
    unit.name = std::string(spec.name_zh) + " " + unit.callsign;
    for (const char* c : spec.capabilities)
      unit.capabilities.emplace_back(c);
    for (const Extra& extra : spec.extras) {
      if (rng.bernoulli(extra.chance))
        unit.capabilities.emplace_back(extra.capability);
    }
    const auto nodes = areas.patrol_nodes(area);
    unit.home_node = nodes[static_cast<std::size_t>(
        rng.uniform_int(0, static_cast<std::int64_t>(nodes.size()) - 1))];
    unit.home_post = graph.coordinate(unit.home_node);
    for (int c = 0; c < spec.crew; ++c)
      unit.crew.push_back(digits(rng, 6));
    if (spec.vehicle)
      unit.vehicle = "A·" + digits(rng, 4) + "警";
    fleet.push_back(std::move(unit));
  }
  // Every capability the taxonomy needs is somebody's, the rarer ones on the units that
  // are not plain patrol or traffic cars where there are such.
  if (count >= 8) {
    std::set<std::string> present;
    for (const UnitPlan& u : fleet)
      present.insert(u.capabilities.begin(), u.capabilities.end());
    std::vector<std::size_t> specialists;
    for (std::size_t i = 0; i < fleet.size(); ++i) {
      if (fleet[i].kind != UnitKind::kPatrolCar && fleet[i].kind != UnitKind::kTraffic)
        specialists.push_back(i);
    }
    if (specialists.empty()) {
      for (std::size_t i = 0; i < fleet.size(); ++i)
        specialists.push_back(i);
    }
    const std::set<std::string> wanted(taxonomy_capabilities.begin(), taxonomy_capabilities.end());
    std::size_t next = 0;
    for (const std::string& capability : wanted) {
      if (capability.empty() || present.count(capability) > 0)
        continue;
      fleet[specialists[next++ % specialists.size()]].capabilities.push_back(capability);
    }
  }
  for (UnitPlan& u : fleet) {
    std::sort(u.capabilities.begin(), u.capabilities.end());
    u.capabilities.erase(std::unique(u.capabilities.begin(), u.capabilities.end()),
                         u.capabilities.end());
  }
  return fleet;
}

}  // namespace shouwang::sim
