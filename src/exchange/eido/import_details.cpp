// Importing the incident's details: location candidates, notes, persons, vehicles and
// cautions.

#include <algorithm>

#include "exchange/eido/eido_format.h"
#include "exchange/eido/importer.h"
#include "exchange/eido/pidf_lo.h"

namespace shouwang::exchange::eido {
namespace {

// When and by whom a part was added: our extension's record, else the prologue.
struct Added {
  UtcTime at;
  std::string by;
};

Added added(const Importer& im, const Node& component, const std::optional<Node>& ext,
            std::optional<UtcTime> standard_time = std::nullopt) {
  Added out;
  if (ext && ext->has("addedAt"))
    out.at = ext->at("addedAt").time();
  else
    out.at = standard_time.value_or(component.time("lastUpdateTimeStamp").value_or(im.created_at));
  if (ext && ext->has("addedBy"))
    out.by = ext->at("addedBy").string();
  else
    out.by = im.doc.user_of(component, "updatedByAgentReference");
  return out;
}

void import_locations(Importer& im) {
  struct Confirmation {
    UtcTime at;
    bool final;  // the incident's confirmed candidate: confirmed last among equals
    std::size_t index;
    std::string by;
    Node node;
  };
  std::vector<Confirmation> confirmations;
  std::string final_id;
  if (im.ext) {
    if (const auto confirmed = im.ext->find("confirmedLocation"))
      final_id = im.doc.resolve(*confirmed, "locationComponent").at("$id").string();
  }
  std::size_t index = 0;
  for (const Node& ref : im.incident.items("locationReference")) {
    const Node l = im.doc.resolve(ref, "locationComponent");
    const auto value = l.find("locationByValue");
    if (!value) {
      im.skip(l, "a location given only by reference is not dereferenced");
      continue;
    }
    auto pidf = read_pidf(value->string());
    if (!pidf.ok())
      value->fail(pidf.error().message);
    const auto ext = l.find(kExt);
    cad::AddLocationCandidate add;
    add.incident = im.incident_id();
    add.text = pidf->text;
    add.position = pidf->position;
    add.uncertainty = Meters(pidf->radius_m);
    add.observed_at = pidf->timestamp;
    if (ext) {
      const Node source = ext->at("source");
      const auto parsed = cad::parse_location_source(source.string());
      if (!parsed)
        source.fail("is not a location source");
      add.source = *parsed;
    } else {
      add.source = source_from_method(pidf->method, pidf->position.has_value())
                       .value_or(cad::LocationSource::kCallerText);
    }
    const Added a = added(im, l, ext);
    im.add(std::move(add), a.at, a.by, l, rank::kDetail);
    if (ext && ext->has("confirmedAt")) {
      confirmations.push_back({ext->at("confirmedAt").time(), l.at("$id").string() == final_id, index,
                               ext->at("confirmedBy").string(), l});
    }
    ++index;
  }
  // Only each candidate's latest confirmation is on record; replaying them in time order
  // leaves the same candidate confirmed last.
  std::stable_sort(confirmations.begin(), confirmations.end(), [](const auto& a, const auto& b) {
    return a.at != b.at ? a.at < b.at : a.final < b.final;
  });
  for (const Confirmation& c : confirmations)
    im.add(cad::ConfirmLocation{im.incident_id(), c.index}, c.at, c.by, c.node, rank::kConfirm);
}

void import_notes(Importer& im) {
  for (const Node& ref : im.incident.items("notesReference")) {
    const Node note = im.doc.resolve(ref, "notesComponent");
    std::string text = note_text(note);
    if (text.empty()) {
      im.skip(note, "an empty note is not a note");
      continue;
    }
    im.add(cad::AddNote{im.incident_id(), std::move(text)},
           note.time("lastUpdateTimeStamp").value_or(im.created_at),
           im.doc.user_of(note, "agentReference"), note, rank::kDetail);
  }
}

// Fields from a NIEM object; "phone" from the component's callback.
std::map<std::string, std::string> read_fields(const Importer& im, const Node& component,
                                               std::string_view niem_key,
                                               std::span<const NiemPath> paths) {
  std::map<std::string, std::string> fields;
  if (const auto niem = component.find(niem_key)) {
    for (const NiemPath& path : paths) {
      if (auto value = niem_value(*niem, path))
        fields[std::string(path.field)] = std::move(*value);
    }
  }
  if (const auto ref = component.find("callBackReference")) {
    const Node callback = im.doc.resolve(*ref, "callbackComponent");
    if (auto uri = callback.first_string("callBackInformationUri"))
      fields["phone"] = uri->starts_with("tel:") ? uri->substr(4) : *uri;
  }
  return fields;
}

void verify_fields(Importer& im, const std::optional<Node>& ext, cad::InvolvedKind kind,
                   std::size_t index) {
  if (!ext)
    return;
  const auto verified = ext->find("verified");
  if (!verified)
    return;
  if (!verified->is_object())
    verified->fail("must be an object of verified fields");
  for (const auto& [name, value] : verified->json().items()) {
    const Node mark(value, pointer_append(verified->pointer(), name));
    im.add(cad::VerifyField{im.incident_id(), kind, index, name}, mark.at("at").time(), mark.at("by").string(),
           mark, rank::kConfirm);
  }
}

void import_persons(Importer& im) {
  std::size_t index = 0;
  for (const Node& ref : im.incident.items("personReference")) {
    const Node p = im.doc.resolve(ref, "personComponent");
    const auto ext = p.find(kExt);
    cad::AddPerson add;
    add.incident = im.incident_id();
    if (ext) {
      const Node role = ext->at("role");
      const auto parsed = cad::parse_person_role(role.string());
      if (!parsed)
        role.fail("is not a person role");
      add.role = *parsed;
    } else {
      const auto role = p.first_string("personIncidentRoleRegistryText");
      add.role = person_role_from_registry(role.value_or("")).value_or(cad::PersonRole::kOther);
    }
    add.fields = read_fields(im, p, "ncPersonComponent", person_paths());
    if (add.fields.empty()) {
      im.skip(p, "a person without any field we carry is not imported");
      continue;
    }
    const Added a = added(im, p, ext);
    im.add(std::move(add), a.at, a.by, p, rank::kDetail);
    verify_fields(im, ext, cad::InvolvedKind::kPerson, index++);
  }
}

void import_vehicles(Importer& im) {
  std::size_t index = 0;
  for (const Node& ref : im.incident.items("vehicleReference")) {
    const Node v = im.doc.resolve(ref, "vehicleComponent");
    const auto ext = v.find(kExt);
    cad::AddVehicle add;
    add.incident = im.incident_id();
    if (ext) {
      const Node role = ext->at("role");
      const auto parsed = cad::parse_vehicle_role(role.string());
      if (!parsed)
        role.fail("is not a vehicle role");
      add.role = *parsed;
    } else {
      const auto role = v.first_string("vehicleRelationshipType");
      add.role = vehicle_role_from_registry(role.value_or("")).value_or(cad::VehicleRole::kInvolved);
    }
    add.fields = read_fields(im, v, "ncVehicleComponent", vehicle_paths());
    add.fields.erase("phone");
    if (add.fields.empty()) {
      im.skip(v, "a vehicle without any field we carry is not imported");
      continue;
    }
    const Added a = added(im, v, ext, v.time("vehicleRelationshipTimeStamp"));
    im.add(std::move(add), a.at, a.by, v, rank::kDetail);
    verify_fields(im, ext, cad::InvolvedKind::kVehicle, index++);
  }
}

void import_cautions(Importer& im) {
  for (const Node& c : im.doc.components("cautionComponent")) {
    const auto ext = c.find(kExt);
    cad::AddCaution add;
    add.incident = im.incident_id();
    const std::string internal = c.string("cautionTypeInternalText").value_or("");
    if (const auto kind = cad::parse_caution_kind(internal)) {
      add.kind = *kind;
    } else {
      if (ext)
        c.at("cautionTypeInternalText").fail("is not a caution kind");
      add.kind = caution_from_common(c.string("cautionTypeCommonRegistryText").value_or(""))
                     .value_or(cad::CautionKind::kOther);
    }
    if (ext) {
      const auto count = ext->integer("count").value_or(0);
      if (count < 0 || count > 100000)
        ext->at("count").fail("must be a count from 0 to 100000");
      add.count = static_cast<int>(count);
      add.detail = ext->string("detail").value_or("");
    } else {
      add.detail = internal;
    }
    const UtcTime at = c.time("startDate").value_or(c.time("lastUpdateTimeStamp").value_or(im.created_at));
    std::string by = im.doc.user_of(c, "updatedByAgentReference");
    if (const auto source = c.string("cautionSource"))
      by = im.doc.user_of_id(*source);
    im.add(std::move(add), at, by, c, rank::kDetail);
  }
}

}  // namespace

void import_details(Importer& im) {
  import_locations(im);
  import_notes(im);
  import_persons(im);
  import_vehicles(im);
  import_cautions(im);
}

}  // namespace shouwang::exchange::eido
