#include "cad/recommend/ranking.h"

#include <algorithm>
#include <cstdint>

#include "cad/recommend/reasons.h"

namespace shouwang::cad::recommend_detail {

bool ranks_before(const RankedUnit& a, const RankedUnit& b) {
  if (a.ranking_s != b.ranking_s)
    return a.ranking_s < b.ranking_s;
  if (a.own_station != b.own_station)
    return a.own_station;
  return a.unit < b.unit;
}

void rank(std::vector<RankedUnit>& units, std::size_t explained) {
  // Sorted as small keys, then moved into place once: a RankedUnit is large, and a roster
  // of a thousand would otherwise be swapped about ten thousand times.
  struct Key {
    std::int64_t ranking_s;
    bool other_station;
    std::uint32_t index;
  };
  std::vector<Key> keys;
  keys.reserve(units.size());
  for (std::size_t i = 0; i < units.size(); ++i)
    keys.push_back({units[i].ranking_s, !units[i].own_station, static_cast<std::uint32_t>(i)});
  std::sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
    if (a.ranking_s != b.ranking_s)
      return a.ranking_s < b.ranking_s;
    if (a.other_station != b.other_station)
      return b.other_station;
    return units[a.index].unit < units[b.index].unit;
  });
  std::vector<RankedUnit> sorted;
  sorted.reserve(units.size());
  for (const Key& key : keys)
    sorted.push_back(std::move(units[key.index]));
  units.swap(sorted);
  for (std::size_t i = 0; i < units.size(); ++i) {
    RankedUnit& unit = units[i];
    unit.rank = static_cast<int>(i + 1);
    if (i >= explained)
      continue;
    if (i == 0) {
      unit.reasons.push_back(fastest(unit));
      continue;
    }
    const RankedUnit& above = units[i - 1];
    const RankDecider by = above.ranking_s < unit.ranking_s        ? RankDecider::kEta
                           : above.own_station != unit.own_station ? RankDecider::kOwnStation
                                                                   : RankDecider::kCallsign;
    unit.reasons.push_back(eta(unit));
    unit.reasons.push_back(ranks_below(above, by));
  }
}

std::vector<CapabilityPick> pick_by_capability(const std::vector<std::string>& required,
                                               const std::vector<PoolEntry>& pool) {
  // One pass per capability: a handful of capabilities against the whole roster is
  // cheaper than sorting the pool.
  std::vector<CapabilityPick> picks;
  for (const auto& capability : required) {
    const RankedUnit* best = nullptr;
    for (const PoolEntry& entry : pool) {
      if ((best == nullptr || ranks_before(*entry.unit, *best)) &&
          std::binary_search(entry.capabilities->begin(), entry.capabilities->end(), capability))
        best = entry.unit;
    }
    CapabilityPick pick{capability, std::nullopt, Seconds(0.0)};
    if (best != nullptr) {
      pick.unit = best->unit;
      pick.eta = best->eta;
    }
    picks.push_back(std::move(pick));
  }
  return picks;
}

}  // namespace shouwang::cad::recommend_detail
