#include "cad/recommend/screening.h"

#include <algorithm>
#include <utility>

#include "cad/recommend/reasons.h"

namespace shouwang::cad::recommend_detail {
namespace {

ExcludedUnit excluded(const Unit& unit, Exclusion code, Reason reason) {
  return {unit.id, code, std::move(reason)};
}

}  // namespace

std::optional<ExcludedUnit> screen(const State& state, const Unit& unit, IncidentId incident) {
  if (unit.retired)
    return excluded(unit, Exclusion::kRetired, retired());
  if (!on_duty(unit.status))
    return excluded(unit, Exclusion::kOffDuty, off_duty());
  if (unit.emergency)
    return excluded(unit, Exclusion::kEmergency, emergency(*unit.emergency));

  // The unit's open orders, split by whether they are for this incident.
  std::vector<OrderId> here, elsewhere;
  std::vector<IncidentId> other_incidents;
  for (const OrderId id : unit.orders) {
    const Order* order = state.find(id);
    if (order != nullptr && order->incident == incident) {
      here.push_back(id);
      continue;
    }
    elsewhere.push_back(id);
    if (order != nullptr && std::find(other_incidents.begin(), other_incidents.end(),
                                      order->incident) == other_incidents.end()) {
      other_incidents.push_back(order->incident);
    }
  }
  if (!here.empty())
    return excluded(unit, Exclusion::kAlreadyAssigned, already_assigned(here));
  if (unit.status == UnitStatus::kOutOfService)
    return excluded(unit, Exclusion::kOutOfService,
                    out_of_service(unit.status_reason, unit.expected_return));
  // An open order makes a unit busy even in the instant before its status follows it.
  if (on_assignment(unit.status) || !elsewhere.empty())
    return excluded(unit, Exclusion::kBusy, busy(unit.status, elsewhere, other_incidents));
  return std::nullopt;
}

}  // namespace shouwang::cad::recommend_detail
