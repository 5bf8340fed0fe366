// Duty reporting (勤务报备), the statuses a person sets, and the officer-in-danger alarm.

#include <shouwang/cad/event_types.h>

#include "cad/decide/handlers.h"
#include "cad/decide/refusals.h"
#include "cad/decide/unit_rules.h"

namespace shouwang::cad {
namespace {

Status require_no_open_order(const Unit& unit, std::string_view action) {
  if (unit.orders.empty())
    return {};
  return refuse(unit, action, "it has open orders (" + open_orders_text(unit) + "); finish or return them first");
}

Status check_status_request(const Decision& d, const Unit& unit, const SetUnitStatus& c) {
  if (on_assignment(c.status) || c.status == UnitStatus::kOffDuty) {
    return Error(Errc::kInvalidArgument,
                 "a person sets available, conditionally_available or out_of_service; the others follow "
                 "the unit's orders and shifts",
                 "status");
  }
  if (unit.status == UnitStatus::kOffDuty)
    return refuse(unit, "set its status", "start a shift first");
  if (auto s = require_no_open_order(unit, "set its status"); !s.ok())
    return s;
  if (c.status != UnitStatus::kAvailable) {
    if (auto s = require_text(c.reason, "reason", "the reason"); !s.ok())
      return s;
  }
  if (c.expected_return) {
    if (c.status != UnitStatus::kOutOfService) {
      return Error(Errc::kInvalidArgument, "only an out-of-service unit has an expected return",
                   "expected_return");
    }
    if (*c.expected_return <= d.now())
      return Error(Errc::kInvalidArgument, "the expected return must lie in the future", "expected_return");
  }
  const bool keeps_reason = c.status != UnitStatus::kAvailable;
  if (c.status == unit.status && (keeps_reason ? c.reason : std::string()) == unit.status_reason &&
      c.expected_return == unit.expected_return) {
    return Error(Errc::kConflict, describe(unit) + " already", "status");
  }
  return {};
}

}  // namespace

Status handle(Decision& d, const StartShift& c) {
  auto found = active_unit(d, c.unit, "start a shift");
  if (!found.ok())
    return found.error();
  const Unit& unit = **found;
  if (unit.status != UnitStatus::kOffDuty)
    return refuse(unit, "start a shift", "it is already on duty");
  auto crew = trimmed_items(c.crew, "crew");
  if (!crew.ok())
    return crew.error();
  if (crew->empty())
    return Error(Errc::kInvalidArgument, "a shift needs at least one officer", "crew");
  auto equipment = trimmed_items(c.equipment, "equipment");
  if (!equipment.ok())
    return equipment.error();
  if (c.vehicle.size() > kMaxItemLength)
    return Error(Errc::kInvalidArgument, "a vehicle plate is at most 64 bytes", "vehicle");
  if (c.patrol_area.size() > 128)
    return Error(Errc::kInvalidArgument, "a patrol area is at most 128 bytes", "patrol_area");
  d.emit(event_type::kUnitShiftStarted, {unit_entity(c.unit)},
         {{"unit_id", c.unit},
          {"crew", *crew},
          {"vehicle", c.vehicle},
          {"equipment", *equipment},
          {"patrol_area", c.patrol_area}});
  return {};
}

Status handle(Decision& d, const EndShift& c) {
  auto found = active_unit(d, c.unit, "end its shift");
  if (!found.ok())
    return found.error();
  const Unit& unit = **found;
  if (unit.status == UnitStatus::kOffDuty)
    return refuse(unit, "end its shift", "it is not on duty");
  if (auto s = require_no_open_order(unit, "end its shift"); !s.ok())
    return s;
  if (unit.emergency)
    return refuse(unit, "end its shift", "its emergency is still raised; clear it first");
  d.emit(event_type::kUnitShiftEnded, {unit_entity(c.unit)}, {{"unit_id", c.unit}});
  return {};
}

Status handle(Decision& d, const SetUnitStatus& c) {
  auto found = active_unit(d, c.unit, "set its status");
  if (!found.ok())
    return found.error();
  const Unit& unit = **found;
  if (auto s = check_status_request(d, unit, c); !s.ok())
    return s;
  nlohmann::json payload = {{"unit_id", c.unit},
                            {"from", to_string(unit.status)},
                            {"to", to_string(c.status)},
                            {"reason", c.reason}};
  if (c.expected_return)
    payload["expected_return"] = c.expected_return->to_iso8601();
  d.emit(event_type::kUnitStatusChanged, {unit_entity(c.unit)}, std::move(payload));
  return {};
}

Status handle(Decision& d, const RaiseEmergency& c) {
  auto found = active_unit(d, c.unit, "raise an emergency");
  if (!found.ok())
    return found.error();
  const Unit& unit = **found;
  if (unit.emergency) {
    return Error(Errc::kConflict,
                 "unit " + c.unit + " already raised an emergency at " + unit.emergency->raised_at.to_iso8601(),
                 "unit");
  }
  nlohmann::json payload = {{"unit_id", c.unit}, {"note", c.note}};
  if (c.position) {
    if (auto valid = make_lat_lon(c.position->lat, c.position->lon); !valid.ok())
      return Error(Errc::kInvalidArgument, valid.error().message, "position");
    payload["lat"] = c.position->lat;
    payload["lon"] = c.position->lon;
  }
  d.emit(event_type::kUnitEmergencyRaised, {unit_entity(c.unit)}, std::move(payload));
  return {};
}

Status handle(Decision& d, const ClearEmergency& c) {
  auto found = d.unit(c.unit);
  if (!found.ok())
    return found.error();
  if (!(*found)->emergency)
    return Error(Errc::kConflict, "unit " + c.unit + " has no raised emergency", "unit");
  if (auto s = require_text(c.reason, "reason", "the reason"); !s.ok())
    return s;
  d.emit(event_type::kUnitEmergencyCleared, {unit_entity(c.unit)}, {{"unit_id", c.unit}, {"reason", c.reason}});
  return {};
}

}  // namespace shouwang::cad
