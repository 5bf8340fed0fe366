#include "cad/recommend/ranking.h"

#include <algorithm>

#include "cad/recommend/reasons.h"

namespace shouwang::cad::recommend_detail {

bool ranks_before(const RankKey& a, const RankKey& b) {
  if (a.ranking_s != b.ranking_s)
    return a.ranking_s < b.ranking_s;
  if (a.own_station != b.own_station)
    return a.own_station;
  return a.unit < b.unit;
}

std::int64_t ranking_seconds(Seconds eta, bool conditional, const RecommendOptions& options) {
  return whole_seconds(conditional ? eta + options.conditional_penalty : eta);
}

void best_first(std::vector<RankKey>& keys, std::size_t limit) {
  const auto middle = keys.begin() + static_cast<std::ptrdiff_t>(std::min(limit, keys.size()));
  std::partial_sort(keys.begin(), middle, keys.end(),
                    [](const RankKey& a, const RankKey& b) { return ranks_before(a, b); });
}

void explain_places(std::vector<RankedUnit>& ranked) {
  for (std::size_t i = 0; i < ranked.size(); ++i) {
    RankedUnit& unit = ranked[i];
    unit.rank = static_cast<int>(i + 1);
    std::vector<Reason> placed;
    if (i == 0) {
      placed.push_back(fastest(unit));
    } else {
      const RankedUnit& above = ranked[i - 1];
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
                                               const std::vector<PoolEntry>& pool) {
  // One pass per capability: a handful of capabilities against the whole roster is
  // cheaper than sorting the pool.
  std::vector<CapabilityPick> picks;
  for (const auto& capability : required) {
    const PoolEntry* best = nullptr;
    for (const PoolEntry& entry : pool) {
      if ((best == nullptr || ranks_before(entry.key, best->key)) &&
          std::binary_search(entry.capabilities->begin(), entry.capabilities->end(), capability))
        best = &entry;
    }
    CapabilityPick pick{capability, std::nullopt, Seconds(0.0)};
    if (best != nullptr) {
      pick.unit = std::string(best->key.unit);
      pick.eta = best->eta;
    }
    picks.push_back(std::move(pick));
  }
  return picks;
}

}  // namespace shouwang::cad::recommend_detail
