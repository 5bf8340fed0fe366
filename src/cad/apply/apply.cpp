#include <array>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

#include <shouwang/cad/apply.h>
#include <shouwang/cad/event_types.h>
#include <shouwang/cad/record_id.h>

#include "cad/apply/appliers.h"

namespace shouwang::cad {
namespace {

namespace et = event_type;

constexpr std::array<std::pair<std::string_view, Applier>, 48> kAppliers{{
    {et::kCallReceived, apply_call_received},
    {et::kCallAttached, apply_call_attached},
    {et::kCallDismissed, apply_call_dismissed},
    {et::kIncidentCreated, apply_incident_created},
    {et::kIncidentStatusChanged, apply_incident_status_changed},
    {et::kIncidentTypeSet, apply_incident_type_set},
    {et::kIncidentPrioritySet, apply_incident_priority_set},
    {et::kIncidentStationAssigned, apply_incident_station_assigned},
    {et::kIncidentDispositionSet, apply_incident_disposition_set},
    {et::kIncidentLocationAdded, apply_location_added},
    {et::kIncidentLocationConfirmed, apply_location_confirmed},
    {et::kIncidentCautionAdded, apply_caution_added},
    {et::kIncidentNoteAdded, apply_note_added},
    {et::kIncidentPersonAdded, apply_person_added},
    {et::kIncidentVehicleAdded, apply_vehicle_added},
    {et::kIncidentFieldVerified, apply_field_verified},
    {et::kIncidentMerged, apply_incident_merged},
    {et::kIncidentLinked, apply_incident_linked},
    {et::kIncidentTransferred, apply_incident_transferred},
    {et::kOrderIssued, apply_order_issued},
    {et::kOrderReceived, apply_order_received},
    {et::kOrderSignedFor, apply_order_signed_for},
    {et::kOrderEnRoute, apply_order_en_route},
    {et::kOrderArrived, apply_order_arrived},
    {et::kOrderFeedback, apply_order_feedback},
    {et::kOrderDone, apply_order_done},
    {et::kOrderCancelled, apply_order_cancelled},
    {et::kOrderReturned, apply_order_returned},
    {et::kUnitRegistered, apply_unit_registered},
    {et::kUnitUpdated, apply_unit_updated},
    {et::kUnitRetired, apply_unit_retired},
    {et::kUnitShiftStarted, apply_unit_shift_started},
    {et::kUnitShiftEnded, apply_unit_shift_ended},
    {et::kUnitStatusChanged, apply_unit_status_changed},
    {et::kUnitEmergencyRaised, apply_unit_emergency_raised},
    {et::kUnitEmergencyCleared, apply_unit_emergency_cleared},
    {et::kOrderDeadlineMissed, apply_order_deadline_missed},
    {et::kIncidentDeadlineMissed, apply_incident_deadline_missed},
    {et::kWarningRaised, apply_warning_raised},
    {et::kWarningAcknowledged, apply_warning_acknowledged},
    {et::kSiteRegistered, apply_site_registered},
    {et::kSiteUpdated, apply_site_updated},
    {et::kSiteRetired, apply_site_retired},
    {et::kSiteGapOpened, apply_site_gap_opened},
    {et::kSiteGapClosed, apply_site_gap_closed},
    {et::kPostRegistered, apply_post_registered},
    {et::kPostUpdated, apply_post_updated},
    {et::kPostRetired, apply_post_retired},
}};

Applier applier_for(std::string_view type) {
  for (const auto& [name, applier] : kAppliers) {
    if (name == type)
      return applier;
  }
  return nullptr;
}

Error corrupt(std::string_view type, const std::string& where, const std::string& what) {
  return Error(Errc::kCorrupt,
               "event " + where + "'" + std::string(type) + "' does not fit the state: " + what,
               "event");
}

// `where` locates the event in errors ("#42 " for a logged event, "" for a draft).
Status apply_record(State& state, std::string_view type, std::string_view payload,
                    const EventMeta& meta, const std::string& where) {
  const Applier applier = applier_for(type);
  if (applier == nullptr) return corrupt(type, where, "unknown event type");
  try {
    const nlohmann::json parsed = nlohmann::json::parse(payload);
    applier(state, meta, FieldReader(parsed, "payload"));
  } catch (const EventMismatch& e) {
    return corrupt(type, where, e.what());
  } catch (const JsonFormatError& e) {
    return corrupt(type, where, e.what());
  } catch (const nlohmann::json::exception& e) {
    return corrupt(type, where, std::string("malformed payload: ") + e.what());
  }
  ++state.events_applied;
  return {};
}

std::string sequence_label(std::uint64_t seq) {
  std::string where = "#";
  where += std::to_string(seq);
  where += ' ';
  return where;
}

}  // namespace

Call& call_for(State& state, CallId id) {
  Call* call = state.find(id);
  if (call == nullptr)
    throw EventMismatch("call " + to_string(id) + " does not exist");
  return *call;
}

Incident& incident_for(State& state, IncidentId id) {
  Incident* incident = state.find(id);
  if (incident == nullptr)
    throw EventMismatch("incident " + to_string(id) + " does not exist");
  return *incident;
}

Order& order_for(State& state, OrderId id) {
  Order* order = state.find(id);
  if (order == nullptr)
    throw EventMismatch("order " + to_string(id) + " does not exist");
  return *order;
}

Status apply(State& state, const store::EventDraft& event) {
  return apply_record(state, event.type, event.payload, {event.time, event.actor.user}, "");
}

Status apply(State& state, const store::Event& event) {
  const auto& body = event.body;
  return apply_record(state, body.type, body.payload, {body.time, body.actor.user},
                      sequence_label(event.seq));
}

Status apply(State& state, const store::EventView& event) {
  return apply_record(state, event.type, event.payload, {event.time, event.actor_user},
                      sequence_label(event.seq));
}

Status apply_all(State& state, std::span<const store::EventDraft> events) {
  for (const auto& event : events) {
    if (auto s = apply(state, event); !s.ok())
      return s;
  }
  return {};
}

Status apply_all(State& state, std::span<const store::Event> events) {
  for (const auto& event : events) {
    if (auto s = apply(state, event); !s.ok())
      return s;
  }
  return {};
}

}  // namespace shouwang::cad
