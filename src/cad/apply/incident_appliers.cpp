#include <algorithm>

#include <shouwang/cad/record_id.h>

#include "cad/apply/appliers.h"

namespace shouwang::cad {

void apply_incident_created(State& s, const EventMeta& e, const FieldReader& p) {
  Incident incident;
  incident.id = p.incident_id("incident_id");
  incident.summary = p.string("summary");
  incident.type_code = p.string("type_code");
  incident.common_type = p.string("common_type");
  incident.priority = static_cast<int>(p.integer("priority"));
  incident.priority_source =
      p.enumeration<PrioritySource>("priority_source", parse_priority_source);
  incident.created_by = std::string(e.user);
  incident.times.created = e.time;
  if (s.find(incident.id) != nullptr) {
    throw EventMismatch("incident " + to_string(incident.id) + " already exists");
  }
  const IncidentId id = incident.id;
  s.incidents.emplace(id, std::move(incident));
}

void apply_incident_status_changed(State& s, const EventMeta& e, const FieldReader& p) {
  Incident& incident = incident_for(s, p.incident_id("incident_id"));
  const auto from = p.enumeration<IncidentStatus>("from", parse_incident_status);
  const auto to = p.enumeration<IncidentStatus>("to", parse_incident_status);
  std::string reason = p.string("reason");
  if (from != incident.status) {
    throw EventMismatch("incident " + to_string(incident.id) + " is " +
                        std::string(to_string(incident.status)) + ", not " +
                        std::string(to_string(from)));
  }
  if (!incident_transition_allowed(from, to)) {
    throw EventMismatch("the incident lifecycle has no step " + std::string(to_string(from)) +
                        " -> " + std::string(to_string(to)));
  }
  incident.status = to;
  incident.history.push_back({from, to, e.time, std::string(e.user), std::move(reason)});
  auto& times = incident.times;
  switch (to) {
    case IncidentStatus::kAccepted:
      times.accepted = e.time;
      break;
    case IncidentStatus::kSceneClosed:
      times.scene_closed = e.time;
      break;
    case IncidentStatus::kTerminated:
      times.terminated = e.time;
      break;
    case IncidentStatus::kArchived:
      times.archived = e.time;
      break;
    default:
      break;
  }
}

void apply_incident_type_set(State& s, const EventMeta&, const FieldReader& p) {
  Incident& incident = incident_for(s, p.incident_id("incident_id"));
  std::string code = p.string("type_code");
  std::string common = p.string("common_type");
  incident.type_code = std::move(code);
  incident.common_type = std::move(common);
}

void apply_incident_priority_set(State& s, const EventMeta&, const FieldReader& p) {
  Incident& incident = incident_for(s, p.incident_id("incident_id"));
  const auto priority = p.integer("priority");
  const auto source = p.enumeration<PrioritySource>("source", parse_priority_source);
  if (priority < 1 || priority > 4)
    throw EventMismatch("priority outside 1..4");
  incident.priority = static_cast<int>(priority);
  incident.priority_source = source;
}

void apply_incident_disposition_set(State& s, const EventMeta&, const FieldReader& p) {
  Incident& incident = incident_for(s, p.incident_id("incident_id"));
  incident.disposition = p.string("code");
}

void apply_incident_station_assigned(State& s, const EventMeta&, const FieldReader& p) {
  Incident& incident = incident_for(s, p.incident_id("incident_id"));
  const std::string source = p.string("source");
  if (source != "dispatcher" && source != "location")
    throw EventMismatch("station source '" + source + "' is neither dispatcher nor location");
  incident.station = p.string("station");
  incident.station_by_dispatcher = incident.station_by_dispatcher || source == "dispatcher";
}

void apply_incident_merged(State& s, const EventMeta&, const FieldReader& p) {
  Incident& from = incident_for(s, p.incident_id("incident_id"));
  Incident& into = incident_for(s, p.incident_id("into"));
  if (&from == &into || from.merged_into.valid()) {
    throw EventMismatch("incident " + to_string(from.id) + " cannot be merged into " +
                        to_string(into.id));
  }
  from.merged_into = into.id;
  into.merged_from.push_back(from.id);
}

void apply_incident_linked(State& s, const EventMeta& e, const FieldReader& p) {
  Incident& first = incident_for(s, p.incident_id("incident_id"));
  Incident& second = incident_for(s, p.incident_id("other"));
  std::string reason = p.string("reason");
  const bool linked = std::any_of(first.links.begin(), first.links.end(),
                                  [&](const IncidentLink& l) { return l.other == second.id; });
  if (&first == &second || linked) {
    throw EventMismatch("incidents " + to_string(first.id) + " and " + to_string(second.id) +
                        " cannot be linked again");
  }
  first.links.push_back({second.id, reason, e.time, std::string(e.user)});
  second.links.push_back({first.id, std::move(reason), e.time, std::string(e.user)});
}

void apply_incident_transferred(State& s, const EventMeta& e, const FieldReader& p) {
  Incident& incident = incident_for(s, p.incident_id("incident_id"));
  Transfer transfer{p.string("to_agency"), p.string("reason"), e.time, std::string(e.user)};
  incident.transfer = std::move(transfer);
}

}  // namespace shouwang::cad
