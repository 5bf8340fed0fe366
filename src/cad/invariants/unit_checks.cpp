#include <algorithm>

#include <shouwang/cad/code_text.h>
#include <shouwang/cad/record_id.h>

#include "cad/invariants/rule_checks.h"

namespace shouwang::cad {
namespace {

bool sorted_unique(const std::vector<std::string>& items) {
  return std::adjacent_find(items.begin(), items.end(), std::greater_equal<>()) == items.end();
}

Status check_record(const std::string& key, const Unit& unit) {
  const auto& p = unit.profile;
  if (unit.id != key || !is_code(unit.id) || !is_code(p.station))
    return broken("U1", "unit stored under " + key + " has id '" + unit.id + "' or a malformed station");
  if (!sorted_unique(p.capabilities) || !sorted_unique(p.equipment) || !sorted_unique(p.devices))
    return broken("U1", "unit " + key + "'s profile lists are not sorted and unique");
  return {};
}

Status check_orders_of(const State& s, const Unit& unit) {
  std::vector<OrderId> seen;
  for (const OrderId id : unit.orders) {
    const Order* order = s.find(id);
    if (order == nullptr || !is_open(order->status) || order->target.kind != TargetKind::kUnit ||
        order->target.id != unit.id) {
      return broken("U2", "unit " + unit.id + " lists " + to_string(id) + ", not an open order to it");
    }
    if (std::find(seen.begin(), seen.end(), id) != seen.end())
      return broken("U2", "unit " + unit.id + " lists " + to_string(id) + " twice");
    seen.push_back(id);
    const Incident* incident = s.find(order->incident);
    if (incident == nullptr || !is_open(incident->status))
      return broken("U6", "unit " + unit.id + " works order " + to_string(id) + " of a closed incident");
  }
  if (!unit.orders.empty() != on_assignment(unit.status))
    return broken("U3", "unit " + unit.id + " is " + std::string(to_string(unit.status)) + " with " +
                            std::to_string(unit.orders.size()) + " open orders");
  return {};
}

Status check_duty(const Unit& unit) {
  if (on_duty(unit.status) != unit.shift.has_value())
    return broken("U4", "unit " + unit.id + " is " + std::string(to_string(unit.status)) +
                            (unit.shift ? " with" : " without") + " a shift");
  if (unit.retired && (unit.status != UnitStatus::kOffDuty || unit.emergency))
    return broken("U4", "retired unit " + unit.id + " is on duty or in an emergency");
  const bool has_reason = unit.status == UnitStatus::kConditionallyAvailable ||
                          unit.status == UnitStatus::kOutOfService;
  if ((!has_reason && !unit.status_reason.empty()) ||
      (unit.expected_return && unit.status != UnitStatus::kOutOfService))
    return broken("U5", "unit " + unit.id + " keeps a reason or expected return its status does not have");
  UnitStatus at = UnitStatus::kOffDuty;
  for (const auto& change : unit.history) {
    if (change.from != at)
      return broken("U5", "unit " + unit.id + "'s history jumps from " + std::string(to_string(at)));
    at = change.to;
  }
  if (at != unit.status)
    return broken("U5", "unit " + unit.id + "'s history ends at " + std::string(to_string(at)));
  return {};
}

}  // namespace

Status check_units(const State& state) {
  for (const auto& [key, unit] : state.units) {
    if (auto s = check_record(key, unit); !s.ok())
      return s;
    if (auto s = check_orders_of(state, unit); !s.ok())
      return s;
    if (auto s = check_duty(unit); !s.ok())
      return s;
  }
  return {};
}

}  // namespace shouwang::cad
