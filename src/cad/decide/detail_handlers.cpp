// Details gathered while an incident is handled: location candidates, cautions, notes,
// persons and vehicles. All append-only.

#include <cmath>

#include <shouwang/cad/event_types.h>
#include <shouwang/cad/record_id.h>

#include "cad/decide/handlers.h"
#include "cad/decide/refusals.h"

namespace shouwang::cad {
namespace {

// Sources that are fixes by nature and so must come with a position.
bool needs_position(LocationSource source) {
  return source != LocationSource::kCallerText;
}

Result<nlohmann::json> checked_fields(const std::map<std::string, std::string>& fields,
                                      InvolvedKind kind) {
  if (fields.empty()) {
    return Error(Errc::kInvalidArgument,
                 "a " + std::string(to_string(kind)) + " needs at least one field", "fields");
  }
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [name, value] : fields) {
    if (!is_field_name(kind, name)) {
      return Error(Errc::kInvalidArgument,
                   "'" + name + "' is not a " + std::string(to_string(kind)) + " field",
                   "fields." + name);
    }
    if (auto s = require_text(value, "fields." + name, "field " + name); !s.ok())
      return s.error();
    out[name] = value;
  }
  return out;
}

}  // namespace

Status handle(Decision& d, const AddLocationCandidate& c) {
  auto incident = d.incident(c.incident);
  if (!incident.ok())
    return incident.error();
  const Incident& i = **incident;
  if (auto s = require_editable(i, "add a location"); !s.ok())
    return s;
  if (!c.position && needs_position(c.source)) {
    return Error(Errc::kInvalidArgument,
                 "a " + std::string(to_string(c.source)) + " location needs a position",
                 "position");
  }
  if (!c.position) {
    if (auto s = require_text(c.text, "text", "the caller's description"); !s.ok())
      return s;
  }
  nlohmann::json payload = {{"incident_id", to_string(i.id)},
                            {"index", i.location.candidates.size()},
                            {"source", to_string(c.source)},
                            {"text", c.text},
                            {"observed_at", c.observed_at.value_or(d.now()).to_iso8601()}};
  if (c.position) {
    if (auto valid = make_lat_lon(c.position->lat, c.position->lon); !valid.ok()) {
      return Error(Errc::kInvalidArgument, valid.error().message, "position");
    }
    const double radius = c.uncertainty.value();
    if (!std::isfinite(radius) || radius < 0.0) {
      return Error(Errc::kInvalidArgument, "the uncertainty radius must be a distance >= 0 m",
                   "uncertainty_m");
    }
    payload["lat"] = c.position->lat;
    payload["lon"] = c.position->lon;
    payload["uncertainty_m"] = radius;
  }
  d.emit(event_type::kIncidentLocationAdded, {to_string(i.id)}, std::move(payload));
  return {};
}

Status handle(Decision& d, const ConfirmLocation& c) {
  auto incident = d.incident(c.incident);
  if (!incident.ok())
    return incident.error();
  const Incident& i = **incident;
  if (auto s = require_editable(i, "confirm a location"); !s.ok())
    return s;
  if (c.candidate >= i.location.candidates.size()) {
    return Error(Errc::kNotFound,
                 "incident " + to_string(i.id) + " has no location candidate " +
                     std::to_string(c.candidate) + " (it has " +
                     std::to_string(i.location.candidates.size()) + ")",
                 "candidate");
  }
  if (i.location.confirmed == c.candidate && !i.location.needs_confirmation) {
    return Error(Errc::kConflict,
                 "location candidate " + std::to_string(c.candidate) + " of incident " +
                     to_string(i.id) + " is already the confirmed one",
                 "candidate");
  }
  d.emit(event_type::kIncidentLocationConfirmed, {to_string(i.id)},
         {{"incident_id", to_string(i.id)}, {"index", c.candidate}});
  return {};
}

Status handle(Decision& d, const AddCaution& c) {
  auto incident = d.incident(c.incident);
  if (!incident.ok())
    return incident.error();
  const Incident& i = **incident;
  if (auto s = require_editable(i, "add a caution"); !s.ok())
    return s;
  if (c.count < 0 || c.count > 100000) {
    return Error(Errc::kOutOfRange, "count " + std::to_string(c.count) + " is outside 0..100000",
                 "count");
  }
  d.emit(event_type::kIncidentCautionAdded, {to_string(i.id)},
         {{"incident_id", to_string(i.id)},
          {"kind", to_string(c.kind)},
          {"count", c.count},
          {"detail", c.detail}});
  return {};
}

Status handle(Decision& d, const AddNote& c) {
  auto incident = d.incident(c.incident);
  if (!incident.ok())
    return incident.error();
  const Incident& i = **incident;
  if (auto s = require_editable(i, "add a note"); !s.ok())
    return s;
  if (auto s = require_text(c.text, "text", "a note"); !s.ok())
    return s;
  d.emit(event_type::kIncidentNoteAdded, {to_string(i.id)},
         {{"incident_id", to_string(i.id)}, {"index", i.notes.size()}, {"text", c.text}});
  return {};
}

Status handle(Decision& d, const AddPerson& c) {
  auto incident = d.incident(c.incident);
  if (!incident.ok())
    return incident.error();
  const Incident& i = **incident;
  if (auto s = require_editable(i, "add a person"); !s.ok())
    return s;
  auto fields = checked_fields(c.fields, InvolvedKind::kPerson);
  if (!fields.ok())
    return fields.error();
  d.emit(event_type::kIncidentPersonAdded, {to_string(i.id)},
         {{"incident_id", to_string(i.id)},
          {"index", i.persons.size()},
          {"role", to_string(c.role)},
          {"fields", std::move(*fields)}});
  return {};
}

Status handle(Decision& d, const AddVehicle& c) {
  auto incident = d.incident(c.incident);
  if (!incident.ok())
    return incident.error();
  const Incident& i = **incident;
  if (auto s = require_editable(i, "add a vehicle"); !s.ok())
    return s;
  auto fields = checked_fields(c.fields, InvolvedKind::kVehicle);
  if (!fields.ok())
    return fields.error();
  d.emit(event_type::kIncidentVehicleAdded, {to_string(i.id)},
         {{"incident_id", to_string(i.id)},
          {"index", i.vehicles.size()},
          {"role", to_string(c.role)},
          {"fields", std::move(*fields)}});
  return {};
}

Status handle(Decision& d, const VerifyField& c) {
  auto incident = d.incident(c.incident);
  if (!incident.ok())
    return incident.error();
  const Incident& i = **incident;
  if (auto s = require_editable(i, "verify a field"); !s.ok())
    return s;
  const bool person = c.kind == InvolvedKind::kPerson;
  const std::size_t count = person ? i.persons.size() : i.vehicles.size();
  if (c.index >= count) {
    return Error(Errc::kNotFound,
                 "incident " + to_string(i.id) + " has no " + std::string(to_string(c.kind)) + " " +
                     std::to_string(c.index) + " (it has " + std::to_string(count) + ")",
                 "index");
  }
  const auto& fields = person ? i.persons[c.index].fields : i.vehicles[c.index].fields;
  const auto field = fields.find(c.field);
  if (field == fields.end()) {
    return Error(Errc::kNotFound,
                 std::string(to_string(c.kind)) + " " + std::to_string(c.index) + " of incident " +
                     to_string(i.id) + " has no field '" + c.field + "'",
                 "field");
  }
  if (field->second.verified) {
    return Error(Errc::kAlreadyExists,
                 "field '" + c.field + "' was already verified by " + field->second.verified_by,
                 "field");
  }
  d.emit(event_type::kIncidentFieldVerified, {to_string(i.id)},
         {{"incident_id", to_string(i.id)},
          {"kind", to_string(c.kind)},
          {"index", c.index},
          {"field", c.field}});
  return {};
}

}  // namespace shouwang::cad
