#pragma once
// The order of the recommendation (recommendation.h): the ranking key, the best units by
// it, the reasons that explain each place, and the best unit per required capability.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <shouwang/cad/recommendation.h>

namespace shouwang::cad::recommend_detail {

// Where a reachable unit stands: ranking_s, then the responsible station's units, then
// callsign. Small, so that a roster is ordered without moving its RankedUnits.
struct RankKey {
  std::int64_t ranking_s = 0;
  bool own_station = false;
  std::string_view unit;        // callsign
  std::uint32_t candidate = 0;  // the caller's index of the unit
};
bool ranks_before(const RankKey& a, const RankKey& b);

// The ETA plus any conditional penalty, in whole seconds: the key's first part.
std::int64_t ranking_seconds(Seconds eta, bool conditional, const RecommendOptions& options);

// Puts the best `limit` of `keys` in front, best first; the rest follow in no order.
void best_first(std::vector<RankKey>& keys, std::size_t limit);

// Numbers `ranked` (best first) from 1 and puts in front of each unit's reasons the ones
// its place needs: fastest for the first, eta and ranks_below for the others.
void explain_places(std::vector<RankedUnit>& ranked);

// A reachable unit, ranked or lacking some capability, with the capabilities it has.
struct PoolEntry {
  RankKey key;
  const std::vector<std::string>* capabilities;  // sorted
  Seconds eta{0.0};
};

// For each of `required`, the first unit of `pool` by the ranking key that has it.
std::vector<CapabilityPick> pick_by_capability(const std::vector<std::string>& required,
                                               const std::vector<PoolEntry>& pool);

}  // namespace shouwang::cad::recommend_detail
