// Type, priority and disposition of an incident.

#include <algorithm>

#include <shouwang/cad/code_text.h>
#include <shouwang/cad/event_types.h>
#include <shouwang/cad/incident_types.h>
#include <shouwang/cad/record_id.h>

#include "cad/decide/cascade.h"
#include "cad/decide/handlers.h"
#include "cad/decide/refusals.h"

namespace shouwang::cad {

Status handle(Decision& d, const SetType& c) {
  auto incident = d.incident(c.incident);
  if (!incident.ok())
    return incident.error();
  const Incident& i = **incident;
  if (!is_classifiable(i.status)) {
    return refuse(i, "change its type", "the type is fixed once the incident is terminated");
  }
  const IncidentType* type = d.taxonomy().types.find(c.type_code);
  if (type == nullptr) {
    return Error(Errc::kNotFound, "incident type '" + c.type_code + "' is not in the taxonomy",
                 "type_code");
  }
  if (c.type_code == i.type_code) {
    return Error(Errc::kConflict,
                 "incident " + to_string(i.id) + " already has type " + c.type_code, "type_code");
  }
  d.emit(event_type::kIncidentTypeSet, {to_string(i.id)},
         {{"incident_id", to_string(i.id)},
          {"type_code", type->code},
          {"common_type", type->common_code},
          {"previous", i.type_code}});
  // A priority a person chose stays; otherwise the new type's default applies.
  const bool follows_type = i.priority_source != PrioritySource::kDispatcher && is_open(i.status);
  if (follows_type &&
      (i.priority != type->default_priority || i.priority_source != PrioritySource::kTypeDefault)) {
    d.emit(event_type::kIncidentPrioritySet, {to_string(i.id)},
           {{"incident_id", to_string(i.id)},
            {"priority", type->default_priority},
            {"source", to_string(PrioritySource::kTypeDefault)},
            {"previous", i.priority},
            {"reason", "default priority of type " + type->code}});
  }
  return {};
}

Status handle(Decision& d, const SetPriority& c) {
  auto incident = d.incident(c.incident);
  if (!incident.ok())
    return incident.error();
  const Incident& i = **incident;
  if (!is_open(i.status))
    return refuse(i, "change its priority", "only an open incident has one");
  if (c.priority < kHighestPriority || c.priority > kLowestPriority) {
    return Error(Errc::kOutOfRange,
                 "priority " + std::to_string(c.priority) + " is outside 1..4 (1 most urgent)",
                 "priority");
  }
  if (c.priority == i.priority && i.priority_source == PrioritySource::kDispatcher) {
    return Error(
        Errc::kConflict,
        "incident " + to_string(i.id) + " already has priority " + std::to_string(c.priority),
        "priority");
  }
  d.emit(event_type::kIncidentPrioritySet, {to_string(i.id)},
         {{"incident_id", to_string(i.id)},
          {"priority", c.priority},
          {"source", to_string(PrioritySource::kDispatcher)},
          {"previous", i.priority},
          {"reason", c.reason}});
  return {};
}

Status handle(Decision& d, const AssignStation& c) {
  auto incident = d.incident(c.incident);
  if (!incident.ok())
    return incident.error();
  const Incident& i = **incident;
  if (!is_classifiable(i.status)) {
    return refuse(i, "change its station", "the station is fixed once the incident is terminated");
  }
  if (!is_code(c.station)) {
    return Error(Errc::kInvalidArgument,
                 "a station code is 1 to 32 letters, digits, '-' or '_'", "station");
  }
  if (c.source != "dispatcher" && c.source != "location") {
    return Error(Errc::kInvalidArgument, "source must be 'dispatcher' or 'location'", "source");
  }
  if (c.source == "location" && i.station_by_dispatcher) {
    return Error(Errc::kConflict,
                 "incident " + to_string(i.id) + "'s station was set by a dispatcher; a location no longer moves it",
                 "station");
  }
  if (c.station == i.station) {
    return Error(Errc::kConflict, "incident " + to_string(i.id) + " already belongs to station " + c.station,
                 "station");
  }
  d.emit(event_type::kIncidentStationAssigned, {to_string(i.id)},
         {{"incident_id", to_string(i.id)},
          {"station", c.station},
          {"source", c.source},
          {"previous", i.station},
          {"reason", c.reason}});
  return {};
}

Status handle(Decision& d, const SetDisposition& c) {
  auto incident = d.incident(c.incident);
  if (!incident.ok())
    return incident.error();
  const Incident& i = **incident;
  if (!is_classifiable(i.status)) {
    return refuse(i, "change its disposition",
                  "the disposition is fixed once the incident is terminated");
  }
  if (d.taxonomy().dispositions.find(c.code) == nullptr) {
    return Error(Errc::kNotFound, "disposition code '" + c.code + "' is not in the taxonomy",
                 "code");
  }
  if (c.code == i.disposition) {
    return Error(Errc::kConflict,
                 "incident " + to_string(i.id) + " already has disposition " + c.code, "code");
  }
  d.emit(event_type::kIncidentDispositionSet, {to_string(i.id)},
         {{"incident_id", to_string(i.id)}, {"code", c.code}, {"previous", i.disposition}});
  return {};
}

}  // namespace shouwang::cad
