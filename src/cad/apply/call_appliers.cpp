#include <shouwang/cad/record_id.h>

#include "cad/apply/appliers.h"

namespace shouwang::cad {

void apply_call_received(State& s, const EventMeta& e, const FieldReader& p) {
  Call call;
  call.id = p.call_id("call_id");
  call.channel = p.enumeration<CallChannel>("channel", parse_call_channel);
  call.caller_number = p.string("caller_number");
  call.caller_name = p.string("caller_name");
  call.summary = p.string("summary");
  call.started_at = p.time("started_at");
  call.answered_at = p.time("answered_at");
  call.recorded_at = e.time;
  call.taken_by = std::string(e.user);
  if (s.find(call.id) != nullptr) {
    throw EventMismatch("call " + to_string(call.id) + " already exists");
  }
  const CallId id = call.id;
  s.calls.emplace(id, std::move(call));
}

void apply_call_attached(State& s, const EventMeta& e, const FieldReader& p) {
  Call& call = call_for(s, p.call_id("call_id"));
  Incident& incident = incident_for(s, p.incident_id("incident_id"));
  const bool duplicate = p.boolean("duplicate");
  if (call.incident.valid() || call.dismissed_at) {
    throw EventMismatch("call " + to_string(call.id) + " is already attached or dismissed");
  }
  call.incident = incident.id;
  call.duplicate = duplicate;
  call.attached_at = e.time;
  incident.calls.push_back(call.id);
}

void apply_call_dismissed(State& s, const EventMeta& e, const FieldReader& p) {
  Call& call = call_for(s, p.call_id("call_id"));
  std::string reason = p.string("reason");
  if (call.incident.valid() || call.dismissed_at) {
    throw EventMismatch("call " + to_string(call.id) + " is already attached or dismissed");
  }
  call.dismissed_at = e.time;
  call.dismiss_reason = std::move(reason);
}

}  // namespace shouwang::cad
