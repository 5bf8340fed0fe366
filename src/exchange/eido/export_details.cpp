// Calls, location candidates, persons, vehicles, cautions and notes.

#include <shouwang/cad/record_id.h>

#include "exchange/eido/eido_format.h"
#include "exchange/eido/exporter.h"
#include "exchange/eido/niem_fields.h"
#include "exchange/eido/pidf_lo.h"

namespace shouwang::exchange::eido {
namespace {

std::string location_name(std::size_t k) {
  std::string name = "location-";
  name += std::to_string(k);
  return name;
}

// Sets the string at `steps` below `root`, creating the objects and arrays on the way.
void put_path(Json& root, const std::vector<std::string_view>& steps, const std::string& value) {
  Json* node = &root;
  for (std::size_t k = 0; k < steps.size(); ++k) {
    const bool last = k + 1 == steps.size();
    if (steps[k] == "*") {
      if (!node->is_array())
        *node = Json::array();
      if (node->empty())
        node->push_back(last ? Json(value) : Json::object());
      else if (last)
        (*node)[0] = value;
      node = &(*node)[0];
      continue;
    }
    Json& child = (*node)[std::string(steps[k])];
    if (last)
      child = value;
    else if (child.is_null())
      child = steps[k + 1] == "*" ? Json::array() : Json::object();
    node = &child;
  }
}

// Fields, verification marks and the newest act of a person or vehicle.
struct InvolvedParts {
  Json niem = Json::object();
  Json verified = Json::object();
  std::string phone;
  UtcTime updated;
  std::string updated_by;
};

InvolvedParts involved_parts(Exporter& e, const std::map<std::string, cad::FieldValue>& fields,
                             std::span<const NiemPath> paths, UtcTime added_at,
                             const std::string& added_by) {
  InvolvedParts out;
  out.updated = added_at;
  out.updated_by = added_by;
  for (const NiemPath& path : paths) {
    if (const auto it = fields.find(std::string(path.field)); it != fields.end())
      put_path(out.niem, path.steps, it->second.value);
  }
  for (const auto& [name, value] : fields) {
    if (name == "phone")
      out.phone = value.value;
    if (!value.verified || !value.verified_at)
      continue;
    out.verified[name] = Json{{"at", e.time(*value.verified_at)}, {"by", value.verified_by}};
    e.agent(value.verified_by);
    if (*value.verified_at > out.updated) {
      out.updated = *value.verified_at;
      out.updated_by = value.verified_by;
    }
  }
  return out;
}

}  // namespace

void export_calls(Exporter& e) {
  const std::string& agency = e.context.agency_id;
  std::size_t callers = 0;
  for (const CallId id : e.incident.calls) {
    const cad::Call* call = e.state.find(id);
    if (call == nullptr)
      continue;
    const std::string call_id = urn("call", cad::to_string(id), agency);
    Json c = e.prologue(call_id, call->attached_at.value_or(call->recorded_at), call->taken_by);
    c["standardPrimaryCallType"] = "emergency";
    c["localCallType"] = std::string(to_string(call->channel));
    c["direction"] = "incoming";
    c["callStartTimestamp"] = e.time(call->started_at);
    c["answerDate"] = e.time(call->answered_at);
    c["callStateRegistryText"] = "callAnswered";
    c["agentReference"] = Json::array({e.agent(call->taken_by, "Call Taking")});
    std::string callback;
    if (!call->caller_number.empty()) {
      callback = e.add_callback(call->caller_number, call->recorded_at, call->taken_by);
      c["callBackReference"] = Exporter::ref(callback);
    }
    if (!call->caller_name.empty()) {
      // Appended rather than `"c" + std::to_string(...)`, which GCC 12 -O2 misreads as an
      // overlapping copy (-Wrestrict).
      std::string caller_key = "c";
      caller_key += std::to_string(callers++);
      const std::string person_id = e.part_id("person", caller_key);
      Json p = e.prologue(person_id, call->recorded_at, call->taken_by);
      p["personIncidentRoleRegistryText"] = Json::array({"Caller"});
      p["ncPersonComponent"] = Json{{"name", Json::array({Json{{"personFullName", call->caller_name}}})}};
      p["callIdentifier"] = Json::array({call_id});
      if (!callback.empty())
        p["callBackReference"] = Exporter::ref(callback);
      e.persons.push_back(std::move(p));
      c["personReference"] = Json::array({Exporter::ref(person_id)});
    }
    if (!call->summary.empty())
      c["notesReference"] = Json::array({Exporter::ref(e.add_note(call->summary, call->recorded_at, call->taken_by))});
    Json ext = Json::object();
    ext["recordedAt"] = e.time(call->recorded_at);
    ext["duplicate"] = call->duplicate;
    if (call->attached_at)
      ext["attachedAt"] = e.time(*call->attached_at);
    c[kExt] = std::move(ext);
    e.calls.push_back(std::move(c));
  }
}

void export_locations(Exporter& e) {
  const auto& candidates = e.incident.location.candidates;
  for (std::size_t k = 0; k < candidates.size(); ++k) {
    const cad::LocationCandidate& l = candidates[k];
    const bool confirmed = l.confirmed_at && !l.confirmed_by.empty();
    const UtcTime updated = confirmed ? std::max(*l.confirmed_at, l.added_at) : l.added_at;
    Json c = e.prologue(e.part_id("location", k), updated, confirmed ? l.confirmed_by : l.added_by);
    c["locationTypeDescriptionRegistryText"] = std::string(location_type(l.source));
    PidfLocation pidf;
    pidf.position = l.position;
    pidf.radius_m = l.position ? l.uncertainty.value() : 0.0;
    pidf.text = l.text;
    pidf.method = std::string(location_method(l.source));
    pidf.timestamp = l.observed_at;
    e.time(l.observed_at);
    c["locationByValue"] = write_pidf(pidf, "pres:" + e.incident_key, location_name(k),
                                      e.context.utc_offset_minutes);
    Json ext = Json::object();
    ext["source"] = std::string(to_string(l.source));
    ext["addedAt"] = e.time(l.added_at);
    ext["addedBy"] = l.added_by;
    e.agent(l.added_by);
    if (confirmed) {
      ext["confirmedAt"] = e.time(*l.confirmed_at);
      ext["confirmedBy"] = l.confirmed_by;
    }
    c[kExt] = std::move(ext);
    e.locations.push_back(std::move(c));
  }
}

void export_involved(Exporter& e) {
  const auto& persons = e.incident.persons;
  for (std::size_t k = 0; k < persons.size(); ++k) {
    const cad::Person& person = persons[k];
    InvolvedParts parts = involved_parts(e, person.fields, person_paths(), person.added_at, person.added_by);
    Json c = e.prologue(e.part_id("person", k), parts.updated, parts.updated_by);
    c["personIncidentRoleRegistryText"] = Json::array({std::string(person_role_registry(person.role))});
    if (!parts.niem.empty())
      c["ncPersonComponent"] = std::move(parts.niem);
    if (!parts.phone.empty())
      c["callBackReference"] = Exporter::ref(e.add_callback(parts.phone, person.added_at, person.added_by));
    Json ext = Json::object();
    ext["role"] = std::string(to_string(person.role));
    ext["addedAt"] = e.time(person.added_at);
    ext["addedBy"] = person.added_by;
    ext["verified"] = std::move(parts.verified);
    c[kExt] = std::move(ext);
    e.persons.push_back(std::move(c));
  }
  const auto& vehicles = e.incident.vehicles;
  for (std::size_t k = 0; k < vehicles.size(); ++k) {
    const cad::Vehicle& vehicle = vehicles[k];
    InvolvedParts parts = involved_parts(e, vehicle.fields, vehicle_paths(), vehicle.added_at, vehicle.added_by);
    Json c = e.prologue(e.part_id("vehicle", k), parts.updated, parts.updated_by);
    c["ncVehicleComponent"] = std::move(parts.niem);
    c["vehicleRelationshipType"] = Json::array({std::string(vehicle_role_registry(vehicle.role))});
    c["vehicleRelationshipTimeStamp"] = e.time(vehicle.added_at);
    Json ext = Json::object();
    ext["role"] = std::string(to_string(vehicle.role));
    ext["addedBy"] = vehicle.added_by;
    ext["verified"] = std::move(parts.verified);
    c[kExt] = std::move(ext);
    e.vehicles.push_back(std::move(c));
  }
}

void export_cautions_and_notes(Exporter& e) {
  for (const cad::Note& note : e.incident.notes)
    e.add_note(note.text, note.at, note.author);
  const auto& cautions = e.incident.cautions;
  for (std::size_t k = 0; k < cautions.size(); ++k) {
    const cad::Caution& caution = cautions[k];
    Json c = e.prologue(e.part_id("caution", k), caution.at, caution.by);
    c["cautionTypeInternalText"] = std::string(to_string(caution.kind));
    c["cautionTypeCommonRegistryText"] = std::string(caution_common(caution.kind));
    c["cautionSeverity"] = std::string(caution_severity(caution.kind));
    c["cautionSource"] = agent_id(caution.by, e.context.agency_id);
    c["startDate"] = e.time(caution.at);
    c[kExt] = Json{{"count", caution.count}, {"detail", caution.detail}};
    e.cautions.push_back(std::move(c));
  }
}

}  // namespace shouwang::exchange::eido
