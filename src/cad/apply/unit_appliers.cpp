// The roster, duty and emergency events, and how order events move a unit's status.

#include <algorithm>

#include <shouwang/cad/record_id.h>

#include "cad/apply/appliers.h"
#include "cad/codec/record_codec.h"

namespace shouwang::cad {
namespace {

Unit& unit_for(State& s, const FieldReader& p) {
  const std::string id = p.string("unit_id");
  Unit* unit = s.find_unit(id);
  if (unit == nullptr)
    throw EventMismatch("unit " + id + " is not registered");
  return *unit;
}

Unit& active_unit_for(State& s, const FieldReader& p) {
  Unit& unit = unit_for(s, p);
  if (unit.retired)
    throw EventMismatch("unit " + unit.id + " is retired");
  return unit;
}

void move(Unit& unit, UnitStatus to, const EventMeta& e, std::string reason) {
  unit.history.push_back({unit.status, to, e.time, std::string(e.user), reason});
  unit.status = to;
}

// The status an order puts its unit in.
UnitStatus status_for(const Order& order) {
  switch (order.status) {
    case OrderStatus::kIssued:
      return order.times.received ? UnitStatus::kAcknowledged : UnitStatus::kDispatched;
    case OrderStatus::kSignedFor:
      return UnitStatus::kAcknowledged;
    case OrderStatus::kEnRoute:
      return UnitStatus::kEnRoute;
    case OrderStatus::kArrived:
      return UnitStatus::kOnScene;
    default:  // feedback (open) follows where the unit got to; ended orders are not asked
      if (order.times.arrived)
        return UnitStatus::kOnScene;
      return order.times.en_route ? UnitStatus::kEnRoute : UnitStatus::kAcknowledged;
  }
}

}  // namespace

void follow_order(State& s, const EventMeta& e, const Order& order, std::string_view cause) {
  if (order.target.kind != TargetKind::kUnit)
    return;
  Unit* unit = s.find_unit(order.target.id);
  if (unit == nullptr)
    return;
  auto& open = unit->orders;
  const auto listed = std::find(open.begin(), open.end(), order.id);
  if (is_open(order.status)) {
    if (listed == open.end()) {
      if (order.status != OrderStatus::kIssued)
        return;  // issued before the unit was registered: not the unit's to follow
      open.push_back(order.id);
    }
  } else if (listed != open.end()) {
    open.erase(listed);
  } else {
    return;
  }
  UnitStatus to = unit->status;
  if (!open.empty()) {
    const Order* latest = s.find(open.back());
    if (latest == nullptr)
      throw EventMismatch("unit " + unit->id + " lists a missing order " + to_string(open.back()));
    to = status_for(*latest);
  } else if (on_assignment(unit->status)) {
    to = UnitStatus::kAvailable;
  }
  if (to == unit->status)
    return;
  unit->status_reason.clear();
  unit->expected_return.reset();
  move(*unit, to, e, std::string(cause) + " " + to_string(order.id));
}

void apply_unit_registered(State& s, const EventMeta& e, const FieldReader& p) {
  Unit unit;
  unit.id = p.string("unit_id");
  unit.profile = decode_profile(p.object("profile"));
  unit.registered_at = e.time;
  if (s.find_unit(unit.id) != nullptr)
    throw EventMismatch("unit " + unit.id + " is already registered");
  const std::string id = unit.id;
  s.units.emplace(id, std::move(unit));
}

void apply_unit_updated(State& s, const EventMeta&, const FieldReader& p) {
  UnitProfile profile = decode_profile(p.object("profile"));
  active_unit_for(s, p).profile = std::move(profile);
}

void apply_unit_retired(State& s, const EventMeta&, const FieldReader& p) {
  Unit& unit = active_unit_for(s, p);
  if (unit.status != UnitStatus::kOffDuty)
    throw EventMismatch("unit " + unit.id + " is on duty");
  unit.retired = true;
}

void apply_unit_shift_started(State& s, const EventMeta& e, const FieldReader& p) {
  DutyShift shift{p.strings("crew"), p.string("vehicle"), p.strings("equipment"), p.string("patrol_area"),
                  e.time, std::string(e.user)};
  Unit& unit = active_unit_for(s, p);
  if (unit.status != UnitStatus::kOffDuty)
    throw EventMismatch("unit " + unit.id + " is already on duty");
  unit.shift = std::move(shift);
  move(unit, UnitStatus::kAvailable, e, "shift started");
}

void apply_unit_shift_ended(State& s, const EventMeta& e, const FieldReader& p) {
  Unit& unit = active_unit_for(s, p);
  if (unit.status == UnitStatus::kOffDuty || !unit.orders.empty())
    throw EventMismatch("unit " + unit.id + " cannot go off duty now");
  unit.shift.reset();
  unit.status_reason.clear();
  unit.expected_return.reset();
  move(unit, UnitStatus::kOffDuty, e, "shift ended");
}

void apply_unit_status_changed(State& s, const EventMeta& e, const FieldReader& p) {
  const auto from = p.enumeration<UnitStatus>("from", parse_unit_status);
  const auto to = p.enumeration<UnitStatus>("to", parse_unit_status);
  std::string reason = p.string("reason");
  const auto expected_return = p.optional_time("expected_return");
  Unit& unit = active_unit_for(s, p);
  if (unit.status != from)
    throw EventMismatch("unit " + unit.id + " is " + std::string(to_string(unit.status)) + ", not " +
                        std::string(to_string(from)));
  if (!unit.orders.empty() || on_assignment(to) || to == UnitStatus::kOffDuty)
    throw EventMismatch("unit " + unit.id + "'s status follows its orders and shift now");
  // The reason stays with the unit while its status needs one; for available it is history.
  const bool kept = to == UnitStatus::kConditionallyAvailable || to == UnitStatus::kOutOfService;
  unit.status_reason = kept ? reason : std::string();
  unit.expected_return = to == UnitStatus::kOutOfService ? expected_return : std::nullopt;
  move(unit, to, e, std::move(reason));
}

void apply_unit_emergency_raised(State& s, const EventMeta& e, const FieldReader& p) {
  UnitEmergency emergency{e.time, std::string(e.user), p.string("note"), p.optional_lat_lon("lat", "lon")};
  Unit& unit = active_unit_for(s, p);
  if (unit.emergency)
    throw EventMismatch("unit " + unit.id + " already has an emergency raised");
  unit.emergency = std::move(emergency);
}

void apply_unit_emergency_cleared(State& s, const EventMeta&, const FieldReader& p) {
  Unit& unit = unit_for(s, p);
  if (!unit.emergency)
    throw EventMismatch("unit " + unit.id + " has no emergency raised");
  unit.emergency.reset();
}

}  // namespace shouwang::cad
