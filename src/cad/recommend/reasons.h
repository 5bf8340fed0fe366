#pragma once
// The recommendation's reasons (recommendation.h): one builder per code, so that each
// code, its parameters and its English sentence stay together. The parameter names are
// part of the API: the console builds its zh sentences from them.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <shouwang/base/clock.h>
#include <shouwang/base/ids.h>
#include <shouwang/cad/recommendation.h>
#include <shouwang/cad/unit.h>

#include "cad/recommend/origin.h"

namespace shouwang::cad::recommend_detail {

// Whole seconds, rounded: "45 s", "3 min 05 s", "1 h 02 min 05 s".
std::string duration_text(Seconds duration);
std::int64_t whole_seconds(Seconds duration);

// What decided between a ranked unit and the one just above it.
enum class RankDecider : std::uint8_t { kEta, kOwnStation, kCallsign };

// Ranked units.
Reason fastest(const RankedUnit& unit);
Reason eta(const RankedUnit& unit);
Reason ranks_below(const RankedUnit& above, RankDecider by);
Reason conditional(std::string_view status_reason, Seconds penalty);
Reason own_station(std::string_view station);

// Excluded units.
Reason retired();
Reason off_duty();
Reason emergency(const UnitEmergency& alarm);
Reason already_assigned(const std::vector<OrderId>& orders);
Reason out_of_service(std::string_view why, std::optional<UtcTime> expected_return);
Reason busy(UnitStatus status, const std::vector<OrderId>& orders,
            const std::vector<IncidentId>& incidents);
Reason lacks_capability(const std::vector<std::string>& missing);
Reason no_position(std::optional<Seconds> stale_fix_age);
Reason unreachable(const Origin& origin, TravelOutcome outcome, std::optional<Seconds> fix_age);

}  // namespace shouwang::cad::recommend_detail
