// Calls: recording them, dismissing them, and turning them into incidents.

#include <shouwang/cad/event_types.h>
#include <shouwang/cad/incident_types.h>
#include <shouwang/cad/record_id.h>

#include "cad/decide/handlers.h"
#include "cad/decide/refusals.h"

namespace shouwang::cad {
namespace {

// OK when the call may still go somewhere: neither attached nor dismissed.
Status require_unassigned(const Call& call) {
  if (call.incident.valid()) {
    return Error(
        Errc::kConflict,
        "call " + to_string(call.id) + " already belongs to incident " + to_string(call.incident),
        "call");
  }
  if (call.dismissed_at) {
    return Error(Errc::kConflict,
                 "call " + to_string(call.id) + " was dismissed at " +
                     call.dismissed_at->to_iso8601() + " (" + call.dismiss_reason + ")",
                 "call");
  }
  return {};
}

void emit_attached(Decision& d, CallId call, IncidentId incident, bool duplicate) {
  d.emit(event_type::kCallAttached, {to_string(incident), to_string(call)},
         {{"call_id", to_string(call)},
          {"incident_id", to_string(incident)},
          {"duplicate", duplicate}});
}

}  // namespace

Status handle(Decision& d, const ReceiveCall& c) {
  if (c.answered_at < c.started_at) {
    return Error(Errc::kInvalidArgument,
                 "answered_at " + c.answered_at.to_iso8601() + " is before started_at " +
                     c.started_at.to_iso8601(),
                 "answered_at");
  }
  auto id = d.new_call_id();
  if (!id.ok())
    return id.error();
  d.emit(event_type::kCallReceived, {to_string(*id)},
         {{"call_id", to_string(*id)},
          {"channel", to_string(c.channel)},
          {"caller_number", c.caller_number},
          {"caller_name", c.caller_name},
          {"summary", c.summary},
          {"started_at", c.started_at.to_iso8601()},
          {"answered_at", c.answered_at.to_iso8601()}});
  return {};
}

Status handle(Decision& d, const DismissCall& c) {
  auto call = d.call(c.call);
  if (!call.ok())
    return call.error();
  if (auto s = require_unassigned(**call); !s.ok())
    return s;
  if (auto s = require_text(c.reason, "reason", "the reason for dismissing a call"); !s.ok()) {
    return s;
  }
  d.emit(event_type::kCallDismissed, {to_string(c.call)},
         {{"call_id", to_string(c.call)}, {"reason", c.reason}});
  return {};
}

Status handle(Decision& d, const CreateIncident& c) {
  if (c.call.valid()) {
    auto call = d.call(c.call);
    if (!call.ok())
      return call.error();
    if (auto s = require_unassigned(**call); !s.ok())
      return s;
  }
  const IncidentType* type = nullptr;
  if (!c.type_code.empty()) {
    type = d.taxonomy().types.find(c.type_code);
    if (type == nullptr) {
      return Error(Errc::kNotFound, "incident type '" + c.type_code + "' is not in the taxonomy",
                   "type_code");
    }
  }
  if (c.priority != 0 && (c.priority < kHighestPriority || c.priority > kLowestPriority)) {
    return Error(Errc::kOutOfRange,
                 "priority " + std::to_string(c.priority) + " is outside 1..4 (1 most urgent)",
                 "priority");
  }
  int priority = kDefaultPriority;
  PrioritySource source = PrioritySource::kDefault;
  if (c.priority != 0) {
    priority = c.priority;
    source = PrioritySource::kDispatcher;
  } else if (type != nullptr) {
    priority = type->default_priority;
    source = PrioritySource::kTypeDefault;
  }
  auto id = d.new_incident_id();
  if (!id.ok())
    return id.error();
  d.emit(event_type::kIncidentCreated, {to_string(*id)},
         {{"incident_id", to_string(*id)},
          {"summary", c.summary},
          {"type_code", c.type_code},
          {"common_type", type != nullptr ? type->common_code : std::string()},
          {"priority", priority},
          {"priority_source", to_string(source)}});
  if (c.call.valid())
    emit_attached(d, c.call, *id, false);
  return {};
}

Status handle(Decision& d, const MergeCall& c) {
  auto call = d.call(c.call);
  if (!call.ok())
    return call.error();
  if (auto s = require_unassigned(**call); !s.ok())
    return s;
  auto incident = d.incident(c.incident);
  if (!incident.ok())
    return incident.error();
  const Incident& target = **incident;
  if (target.status == IncidentStatus::kMerged) {
    return refuse(target, "add a call to it",
                  "it was merged into " + to_string(target.merged_into) + "; add the call there");
  }
  if (!is_open(target.status)) {
    return refuse(target, "add a call to it",
                  "create a new incident for the call and link the two");
  }
  emit_attached(d, c.call, c.incident, true);
  return {};
}

}  // namespace shouwang::cad
