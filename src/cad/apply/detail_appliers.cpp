#include <shouwang/cad/record_id.h>

#include "cad/apply/appliers.h"

namespace shouwang::cad {
namespace {

// The payload's "index" must be the position the new item takes.
void require_next_index(const FieldReader& p, std::size_t size, const char* what) {
  const auto index = p.integer("index");
  if (index < 0 || static_cast<std::size_t>(index) != size) {
    throw EventMismatch(std::string(what) + " index " + std::to_string(index) +
                        " is not the next (" + std::to_string(size) + ")");
  }
}

std::map<std::string, FieldValue> read_fields(const FieldReader& p, InvolvedKind kind) {
  std::map<std::string, FieldValue> fields;
  const FieldReader object = p.object("fields");
  for (const auto& [name, value] : p.raw("fields").items()) {
    if (!is_field_name(kind, name))
      object.fail(name, "is not a known field");
    fields[name].value = object.string(name);
  }
  return fields;
}

}  // namespace

void apply_location_added(State& s, const EventMeta& e, const FieldReader& p) {
  Incident& incident = incident_for(s, p.incident_id("incident_id"));
  require_next_index(p, incident.location.candidates.size(), "location candidate");
  LocationCandidate candidate;
  candidate.source = p.enumeration<LocationSource>("source", parse_location_source);
  candidate.text = p.string("text");
  candidate.position = p.optional_lat_lon("lat", "lon");
  if (candidate.position)
    candidate.uncertainty = Meters(p.number("uncertainty_m"));
  candidate.observed_at = p.time("observed_at");
  candidate.added_at = e.time;
  candidate.added_by = std::string(e.user);
  add_candidate(incident.location, std::move(candidate));
}

void apply_location_confirmed(State& s, const EventMeta& e, const FieldReader& p) {
  Incident& incident = incident_for(s, p.incident_id("incident_id"));
  const auto index = p.integer("index");
  if (index < 0 || static_cast<std::size_t>(index) >= incident.location.candidates.size()) {
    throw EventMismatch("no location candidate " + std::to_string(index));
  }
  confirm_candidate(incident.location, static_cast<std::size_t>(index), std::string(e.user), e.time);
}

void apply_caution_added(State& s, const EventMeta& e, const FieldReader& p) {
  Incident& incident = incident_for(s, p.incident_id("incident_id"));
  Caution caution;
  caution.kind = p.enumeration<CautionKind>("kind", parse_caution_kind);
  caution.count = static_cast<int>(p.integer("count"));
  caution.detail = p.string("detail");
  caution.at = e.time;
  caution.by = std::string(e.user);
  incident.cautions.push_back(std::move(caution));
}

void apply_note_added(State& s, const EventMeta& e, const FieldReader& p) {
  Incident& incident = incident_for(s, p.incident_id("incident_id"));
  require_next_index(p, incident.notes.size(), "note");
  incident.notes.push_back({p.string("text"), e.time, std::string(e.user)});
}

void apply_person_added(State& s, const EventMeta& e, const FieldReader& p) {
  Incident& incident = incident_for(s, p.incident_id("incident_id"));
  require_next_index(p, incident.persons.size(), "person");
  Person person;
  person.role = p.enumeration<PersonRole>("role", parse_person_role);
  person.fields = read_fields(p, InvolvedKind::kPerson);
  person.added_at = e.time;
  person.added_by = std::string(e.user);
  incident.persons.push_back(std::move(person));
}

void apply_vehicle_added(State& s, const EventMeta& e, const FieldReader& p) {
  Incident& incident = incident_for(s, p.incident_id("incident_id"));
  require_next_index(p, incident.vehicles.size(), "vehicle");
  Vehicle vehicle;
  vehicle.role = p.enumeration<VehicleRole>("role", parse_vehicle_role);
  vehicle.fields = read_fields(p, InvolvedKind::kVehicle);
  vehicle.added_at = e.time;
  vehicle.added_by = std::string(e.user);
  incident.vehicles.push_back(std::move(vehicle));
}

void apply_field_verified(State& s, const EventMeta& e, const FieldReader& p) {
  Incident& incident = incident_for(s, p.incident_id("incident_id"));
  const auto kind = p.enumeration<InvolvedKind>("kind", parse_involved_kind);
  const auto index = p.integer("index");
  const std::string name = p.string("field");
  const bool person = kind == InvolvedKind::kPerson;
  const std::size_t count = person ? incident.persons.size() : incident.vehicles.size();
  if (index < 0 || static_cast<std::size_t>(index) >= count) {
    throw EventMismatch("no " + std::string(to_string(kind)) + " " + std::to_string(index));
  }
  auto& fields = person ? incident.persons[static_cast<std::size_t>(index)].fields
                        : incident.vehicles[static_cast<std::size_t>(index)].fields;
  const auto field = fields.find(name);
  if (field == fields.end() || field->second.verified) {
    throw EventMismatch("field '" + name + "' is missing or already verified");
  }
  field->second.verified = true;
  field->second.verified_by = std::string(e.user);
  field->second.verified_at = e.time;
}

}  // namespace shouwang::cad
