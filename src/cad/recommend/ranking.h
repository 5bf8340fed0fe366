#pragma once
// The order of the recommendation (recommendation.h): the ranking key, the numbering and
// the reasons that explain each place, and the best unit per required capability.

#include <string>
#include <vector>

#include <shouwang/cad/recommendation.h>

namespace shouwang::cad::recommend_detail {

// The ranking key: ranking_s, then the responsible station's units, then callsign.
bool ranks_before(const RankedUnit& a, const RankedUnit& b);

// Sorts `units` by the key, numbers them from 1 and gives the first `explained` the
// reasons their place needs: fastest for the first, eta and ranks_below for the others.
void rank(std::vector<RankedUnit>& units, std::size_t explained);

// A unit that could go but for capabilities, with the capabilities it has.
struct PoolEntry {
  const RankedUnit* unit;
  const std::vector<std::string>* capabilities;  // sorted
};

// For each of `required`, the first unit of `pool` by the ranking key that has it.
std::vector<CapabilityPick> pick_by_capability(const std::vector<std::string>& required,
                                               const std::vector<PoolEntry>& pool);

}  // namespace shouwang::cad::recommend_detail
