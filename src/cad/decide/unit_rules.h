#pragma once
// The checks unit commands share: the shape of a profile and of a shift's lists, and the
// unit lookups that refuse a retired unit.

#include <string>
#include <string_view>
#include <vector>

#include <shouwang/base/result.h>
#include <shouwang/cad/unit.h>

#include "cad/decide/decision.h"

namespace shouwang::cad {

inline constexpr std::size_t kMaxListItems = 64;
inline constexpr std::size_t kMaxItemLength = 64;

// The profile with its lists trimmed, sorted and made unique, or kInvalidArgument naming
// the field ("profile.capabilities[2]"). Capabilities are lower-case names
// ("water_rescue", as the taxonomy uses them); the station is a code.
Result<UnitProfile> normalized_profile(const UnitProfile& profile);

// The items trimmed (order kept), each non-empty and at most kMaxItemLength bytes, at most
// kMaxListItems of them; kInvalidArgument naming `field`[k] otherwise.
Result<std::vector<std::string>> trimmed_items(const std::vector<std::string>& items, std::string_view field);

// The registered unit, refused as kInvalidTransition when it is retired.
Result<const Unit*> active_unit(const Decision& d, std::string_view id, std::string_view action);

// "D.., D.." : the unit's open orders, for a refusal.
std::string open_orders_text(const Unit& unit);

}  // namespace shouwang::cad
