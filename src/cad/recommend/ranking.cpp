#include "cad/recommend/ranking.h"

#include <algorithm>
#include <iterator>

#include "cad/recommend/reasons.h"

namespace shouwang::cad::recommend_detail {

bool ranks_before(const RankedUnit& a, const RankedUnit& b) {
  if (a.ranking_s != b.ranking_s)
    return a.ranking_s < b.ranking_s;
  if (a.own_station != b.own_station)
    return a.own_station;
  return a.unit < b.unit;
}

void rank(std::vector<RankedUnit>& units) {
  std::sort(units.begin(), units.end(), ranks_before);
  for (std::size_t i = 0; i < units.size(); ++i) {
    RankedUnit& unit = units[i];
    unit.rank = static_cast<int>(i + 1);
    std::vector<Reason> placed;
    if (i == 0) {
      placed.push_back(fastest(unit));
    } else {
      const RankedUnit& above = units[i - 1];
      const RankDecider by = above.ranking_s < unit.ranking_s        ? RankDecider::kEta
                             : above.own_station != unit.own_station ? RankDecider::kOwnStation
                                                                     : RankDecider::kCallsign;
      placed.push_back(eta(unit));
      placed.push_back(ranks_below(above, by));
    }
    unit.reasons.insert(unit.reasons.begin(), std::make_move_iterator(placed.begin()),
                        std::make_move_iterator(placed.end()));
  }
}

std::vector<CapabilityPick> pick_by_capability(const std::vector<std::string>& required,
                                               std::vector<PoolEntry> pool) {
  std::sort(pool.begin(), pool.end(),
            [](const PoolEntry& a, const PoolEntry& b) { return ranks_before(*a.unit, *b.unit); });
  std::vector<CapabilityPick> picks;
  for (const auto& capability : required) {
    CapabilityPick pick{capability, std::nullopt, Seconds(0.0)};
    for (const PoolEntry& entry : pool) {
      if (std::binary_search(entry.capabilities->begin(), entry.capabilities->end(), capability)) {
        pick.unit = entry.unit->unit;
        pick.eta = entry.unit->eta;
        break;
      }
    }
    picks.push_back(std::move(pick));
  }
  return picks;
}

}  // namespace shouwang::cad::recommend_detail
