#pragma once
// The event types the domain emits, with their payload fields (all events also carry the
// event's time and actor). docs/domain-model.md describes every payload; ids are in their
// text form (record_id.h), times in ISO 8601 UTC.

#include <array>
#include <string_view>

namespace shouwang::cad::event_type {

// {call_id, channel, caller_number, caller_name, summary, started_at, answered_at}
inline constexpr std::string_view kCallReceived = "call.received";
// {call_id, incident_id, duplicate}
inline constexpr std::string_view kCallAttached = "call.attached";
// {call_id, reason}
inline constexpr std::string_view kCallDismissed = "call.dismissed";

// {incident_id, summary, type_code, common_type, priority, priority_source}
inline constexpr std::string_view kIncidentCreated = "incident.created";
// {incident_id, from, to, reason}
inline constexpr std::string_view kIncidentStatusChanged = "incident.status_changed";
// {incident_id, type_code, common_type, previous}
inline constexpr std::string_view kIncidentTypeSet = "incident.type_set";
// {incident_id, priority, source, previous, reason}
inline constexpr std::string_view kIncidentPrioritySet = "incident.priority_set";
// {incident_id, station, source, previous, reason}
inline constexpr std::string_view kIncidentStationAssigned = "incident.station_assigned";
// {incident_id, code, previous}
inline constexpr std::string_view kIncidentDispositionSet = "incident.disposition_set";
// {incident_id, index, source, text, lat?, lon?, uncertainty_m, observed_at}
inline constexpr std::string_view kIncidentLocationAdded = "incident.location_added";
// {incident_id, index}
inline constexpr std::string_view kIncidentLocationConfirmed = "incident.location_confirmed";
// {incident_id, kind, count, detail}
inline constexpr std::string_view kIncidentCautionAdded = "incident.caution_added";
// {incident_id, index, text}
inline constexpr std::string_view kIncidentNoteAdded = "incident.note_added";
// {incident_id, index, role, fields}
inline constexpr std::string_view kIncidentPersonAdded = "incident.person_added";
// {incident_id, index, role, fields}
inline constexpr std::string_view kIncidentVehicleAdded = "incident.vehicle_added";
// {incident_id, kind, index, field}
inline constexpr std::string_view kIncidentFieldVerified = "incident.field_verified";
// {incident_id, into, reason}
inline constexpr std::string_view kIncidentMerged = "incident.merged";
// {incident_id, other, reason}
inline constexpr std::string_view kIncidentLinked = "incident.linked";
// {incident_id, to_agency, reason}
inline constexpr std::string_view kIncidentTransferred = "incident.transferred";

// {order_id, incident_id, parent_order_id?, reissue_of?, target {kind, id, name}, instructions,
//  bypassed? [unit ids], bypass_reason?}
inline constexpr std::string_view kOrderIssued = "order.issued";
// {order_id} for each of the following step events
inline constexpr std::string_view kOrderReceived = "order.received";
inline constexpr std::string_view kOrderSignedFor = "order.signed_for";
inline constexpr std::string_view kOrderEnRoute = "order.en_route";
inline constexpr std::string_view kOrderArrived = "order.arrived";  // also source: terminal, gps, dispatcher
// {order_id, text}
inline constexpr std::string_view kOrderFeedback = "order.feedback";
// {order_id, reason}; reason is empty when completed by its target
inline constexpr std::string_view kOrderDone = "order.done";
// {order_id, reason}
inline constexpr std::string_view kOrderCancelled = "order.cancelled";
inline constexpr std::string_view kOrderReturned = "order.returned";

// {unit_id, profile {name, type, station, capabilities, equipment, home_post? {lat, lon},
//  devices}}
inline constexpr std::string_view kUnitRegistered = "unit.registered";
inline constexpr std::string_view kUnitUpdated = "unit.updated";  // the same payload
// {unit_id, reason}
inline constexpr std::string_view kUnitRetired = "unit.retired";
// {unit_id, crew, vehicle, equipment, patrol_area}
inline constexpr std::string_view kUnitShiftStarted = "unit.shift_started";
// {unit_id}
inline constexpr std::string_view kUnitShiftEnded = "unit.shift_ended";
// {unit_id, from, to, reason, expected_return?}: a status a person set, or the move
// between off duty and available with a shift. Order steps move a unit's status too
// (dispatched .. on scene and back): those follow from the order events when applied.
inline constexpr std::string_view kUnitStatusChanged = "unit.status_changed";
// {unit_id, note, lat?, lon?}
inline constexpr std::string_view kUnitEmergencyRaised = "unit.emergency_raised";
// {unit_id, reason}
inline constexpr std::string_view kUnitEmergencyCleared = "unit.emergency_cleared";

// {order_id, deadline (sign_for, arrival, feedback), due, offered_unit}
inline constexpr std::string_view kOrderDeadlineMissed = "order.deadline_missed";
// {incident_id, deadline (pending), due}
inline constexpr std::string_view kIncidentDeadlineMissed = "incident.deadline_missed";

// {warning_id, subject {day, level, area, kind, code}, evidence [{method, count,
//  baseline_mean, baseline_sd, baseline_first, baseline_last, statistic, threshold}]}
inline constexpr std::string_view kWarningRaised = "warning.raised";
// {warning_id, response}
inline constexpr std::string_view kWarningAcknowledged = "warning.acknowledged";

// {site_id, profile {name, type, tier_s, station, lat, lon, hours}}
inline constexpr std::string_view kSiteRegistered = "site.registered";
inline constexpr std::string_view kSiteUpdated = "site.updated";  // the same payload
// {site_id, reason}
inline constexpr std::string_view kSiteRetired = "site.retired";
// {site_id, left_by, move_up? {unit, post, travel_s, restores}}
inline constexpr std::string_view kSiteGapOpened = "site.gap_opened";
// {site_id, unit}
inline constexpr std::string_view kSiteGapClosed = "site.gap_closed";
// {post_id, profile {name, kind, station, lat, lon}}
inline constexpr std::string_view kPostRegistered = "post.registered";
inline constexpr std::string_view kPostUpdated = "post.updated";  // the same payload
// {post_id, reason}
inline constexpr std::string_view kPostRetired = "post.retired";

inline constexpr std::array<std::string_view, 48> kAll{kCallReceived,
                                                       kCallAttached,
                                                       kCallDismissed,
                                                       kIncidentCreated,
                                                       kIncidentStatusChanged,
                                                       kIncidentTypeSet,
                                                       kIncidentPrioritySet,
                                                       kIncidentStationAssigned,
                                                       kIncidentDispositionSet,
                                                       kIncidentLocationAdded,
                                                       kIncidentLocationConfirmed,
                                                       kIncidentCautionAdded,
                                                       kIncidentNoteAdded,
                                                       kIncidentPersonAdded,
                                                       kIncidentVehicleAdded,
                                                       kIncidentFieldVerified,
                                                       kIncidentMerged,
                                                       kIncidentLinked,
                                                       kIncidentTransferred,
                                                       kOrderIssued,
                                                       kOrderReceived,
                                                       kOrderSignedFor,
                                                       kOrderEnRoute,
                                                       kOrderArrived,
                                                       kOrderFeedback,
                                                       kOrderDone,
                                                       kOrderCancelled,
                                                       kOrderReturned,
                                                       kUnitRegistered,
                                                       kUnitUpdated,
                                                       kUnitRetired,
                                                       kUnitShiftStarted,
                                                       kUnitShiftEnded,
                                                       kUnitStatusChanged,
                                                       kUnitEmergencyRaised,
                                                       kUnitEmergencyCleared,
                                                       kOrderDeadlineMissed,
                                                       kIncidentDeadlineMissed,
                                                       kWarningRaised,
                                                       kWarningAcknowledged,
                                                       kSiteRegistered,
                                                       kSiteUpdated,
                                                       kSiteRetired,
                                                       kSiteGapOpened,
                                                       kSiteGapClosed,
                                                       kPostRegistered,
                                                       kPostUpdated,
                                                       kPostRetired};

// The log also carries events of other parts of the platform (accounts, sessions, import
// checkpoints). The domain owns the event types whose names start with one of these; the
// projection skips the rest, and apply() refuses them.
inline constexpr std::array<std::string_view, 7> kDomainPrefixes{"call.", "incident.", "order.", "unit.",
                                                                  "warning.", "site.", "post."};

// The entity name events about a unit carry ("unit/A-01"): a '/' never occurs in a record
// id or a code, so it cannot be mistaken for an incident, call or order id.
inline constexpr std::string_view kUnitEntityPrefix = "unit/";

// Likewise "site/S-01" and "post/P-01".
inline constexpr std::string_view kSiteEntityPrefix = "site/";
inline constexpr std::string_view kPostEntityPrefix = "post/";

constexpr bool is_domain_event(std::string_view type) {
  for (const auto prefix : kDomainPrefixes) {
    if (type.starts_with(prefix)) return true;
  }
  return false;
}

}  // namespace shouwang::cad::event_type
