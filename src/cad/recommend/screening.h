#pragma once
// The first checks of the recommendation (recommendation.h): what the unit's own record
// says, before capabilities and positions: retired, off duty, emergency, already assigned
// to this incident, out of service, busy.

#include <optional>

#include <shouwang/base/ids.h>
#include <shouwang/cad/recommendation.h>
#include <shouwang/cad/state.h>
#include <shouwang/cad/unit.h>

namespace shouwang::cad::recommend_detail {

// The reason `unit` cannot be sent to `incident` as things stand, or none when it is
// available or conditionally available and free of orders.
std::optional<ExcludedUnit> screen(const State& state, const Unit& unit, IncidentId incident);

}  // namespace shouwang::cad::recommend_detail
