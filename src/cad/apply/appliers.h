#pragma once
// One applier per event type. An applier first reads and checks everything it needs and
// only then changes the state, so that a mismatch (thrown as EventMismatch or
// JsonFormatError and turned into kCorrupt by apply()) leaves the state as it was.

#include <stdexcept>
#include <string>
#include <string_view>

#include <shouwang/base/clock.h>
#include <shouwang/cad/state.h>

#include "cad/json/field_reader.h"

namespace shouwang::cad {

// The event does not fit the state (an entity missing or already there, a forbidden step).
class EventMismatch : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// What appliers need of an event besides its payload.
struct EventMeta {
  UtcTime time;
  std::string_view user;  // the actor's user
};

using Applier = void (*)(State& state, const EventMeta& event, const FieldReader& payload);

// Lookups that throw EventMismatch naming the id.
Call& call_for(State& state, CallId id);
Incident& incident_for(State& state, IncidentId id);
Order& order_for(State& state, OrderId id);

// call_appliers.cpp
void apply_call_received(State& s, const EventMeta& e, const FieldReader& p);
void apply_call_attached(State& s, const EventMeta& e, const FieldReader& p);
void apply_call_dismissed(State& s, const EventMeta& e, const FieldReader& p);

// incident_appliers.cpp
void apply_incident_created(State& s, const EventMeta& e, const FieldReader& p);
void apply_incident_status_changed(State& s, const EventMeta& e, const FieldReader& p);
void apply_incident_type_set(State& s, const EventMeta& e, const FieldReader& p);
void apply_incident_priority_set(State& s, const EventMeta& e, const FieldReader& p);
void apply_incident_disposition_set(State& s, const EventMeta& e, const FieldReader& p);
void apply_incident_station_assigned(State& s, const EventMeta& e, const FieldReader& p);
void apply_incident_merged(State& s, const EventMeta& e, const FieldReader& p);
void apply_incident_linked(State& s, const EventMeta& e, const FieldReader& p);
void apply_incident_transferred(State& s, const EventMeta& e, const FieldReader& p);

// detail_appliers.cpp
void apply_location_added(State& s, const EventMeta& e, const FieldReader& p);
void apply_location_confirmed(State& s, const EventMeta& e, const FieldReader& p);
void apply_caution_added(State& s, const EventMeta& e, const FieldReader& p);
void apply_note_added(State& s, const EventMeta& e, const FieldReader& p);
void apply_person_added(State& s, const EventMeta& e, const FieldReader& p);
void apply_vehicle_added(State& s, const EventMeta& e, const FieldReader& p);
void apply_field_verified(State& s, const EventMeta& e, const FieldReader& p);

// order_appliers.cpp
void apply_order_issued(State& s, const EventMeta& e, const FieldReader& p);
void apply_order_received(State& s, const EventMeta& e, const FieldReader& p);
void apply_order_signed_for(State& s, const EventMeta& e, const FieldReader& p);
void apply_order_en_route(State& s, const EventMeta& e, const FieldReader& p);
void apply_order_arrived(State& s, const EventMeta& e, const FieldReader& p);
void apply_order_feedback(State& s, const EventMeta& e, const FieldReader& p);
void apply_order_done(State& s, const EventMeta& e, const FieldReader& p);
void apply_order_cancelled(State& s, const EventMeta& e, const FieldReader& p);
void apply_order_returned(State& s, const EventMeta& e, const FieldReader& p);

// unit_appliers.cpp
void apply_unit_registered(State& s, const EventMeta& e, const FieldReader& p);
void apply_unit_updated(State& s, const EventMeta& e, const FieldReader& p);
void apply_unit_retired(State& s, const EventMeta& e, const FieldReader& p);
void apply_unit_shift_started(State& s, const EventMeta& e, const FieldReader& p);
void apply_unit_shift_ended(State& s, const EventMeta& e, const FieldReader& p);
void apply_unit_status_changed(State& s, const EventMeta& e, const FieldReader& p);
void apply_unit_emergency_raised(State& s, const EventMeta& e, const FieldReader& p);
void apply_unit_emergency_cleared(State& s, const EventMeta& e, const FieldReader& p);

// deadline_appliers.cpp
void apply_order_deadline_missed(State& s, const EventMeta& e, const FieldReader& p);
void apply_incident_deadline_missed(State& s, const EventMeta& e, const FieldReader& p);

// warning_appliers.cpp
void apply_warning_raised(State& s, const EventMeta& e, const FieldReader& p);
void apply_warning_acknowledged(State& s, const EventMeta& e, const FieldReader& p);

// site_appliers.cpp
void apply_site_registered(State& s, const EventMeta& e, const FieldReader& p);
void apply_site_updated(State& s, const EventMeta& e, const FieldReader& p);
void apply_site_retired(State& s, const EventMeta& e, const FieldReader& p);
void apply_site_gap_opened(State& s, const EventMeta& e, const FieldReader& p);
void apply_site_gap_closed(State& s, const EventMeta& e, const FieldReader& p);
void apply_post_registered(State& s, const EventMeta& e, const FieldReader& p);
void apply_post_updated(State& s, const EventMeta& e, const FieldReader& p);
void apply_post_retired(State& s, const EventMeta& e, const FieldReader& p);

// After an order event: the order's unit (a registered unit it targets) lists the order
// while it is open and takes the status of its latest open order, or becomes available
// when its last one ends. `cause` (the event type) goes into the unit's history.
void follow_order(State& s, const EventMeta& e, const Order& order, std::string_view cause);

}  // namespace shouwang::cad
