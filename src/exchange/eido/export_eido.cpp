// export_eido(): the document around the components the other export_*.cpp files write.

#include <shouwang/cad/record_id.h>
#include <shouwang/exchange/eido.h>

#include "exchange/eido/eido_format.h"
#include "exchange/eido/exporter.h"
#include "exchange/eido/markup.h"

namespace shouwang::exchange {
namespace eido {

Exporter::Exporter(const cad::State& s, const cad::Incident& i, const cad::Taxonomy& t,
                   const EidoContext& c)
    : state(s), incident(i), taxonomy(t), context(c), incident_key(cad::to_string(i.id)),
      latest(i.times.created) {}

std::string Exporter::time(UtcTime t) {
  if (t > latest)
    latest = t;
  return format_time(t, context.utc_offset_minutes);
}

Json Exporter::ref(std::string_view id) {
  return Json{{"$ref", std::string(id)}};
}

Json Exporter::agent(const std::string& user, std::string_view role) {
  agents[user].insert(std::string(role));
  return ref(agent_id(user, context.agency_id));
}

Json Exporter::prologue(const std::string& id, UtcTime updated, const std::string& user) {
  Json out = Json::object();
  out["$id"] = id;
  out["lastUpdateTimeStamp"] = time(updated);
  out["updatedByAgencyReference"] = ref(context.agency_id);
  if (!user.empty())
    out["updatedByAgentReference"] = agent(user);
  return out;
}

std::string Exporter::part_id(std::string_view kind, std::string_view suffix) const {
  return urn(kind, incident_key + "-" + std::string(suffix), context.agency_id);
}

std::string Exporter::part_id(std::string_view kind, std::size_t n) const {
  return part_id(kind, std::to_string(n));
}

std::string Exporter::add_note(const std::string& text, UtcTime at, const std::string& author) {
  const std::string id = part_id("note", notes.size());
  Json note = prologue(id, at, author);
  note["notesActionComments"] = escape_markup(text);
  note["agentReference"] = agent(author);
  notes.push_back(std::move(note));
  return id;
}

std::string Exporter::add_callback(const std::string& number, UtcTime at, const std::string& user) {
  const std::string id = part_id("callback", callbacks.size());
  Json callback = prologue(id, at, user);
  callback["callBackInformationUri"] = Json::array({"tel:" + number});
  callbacks.push_back(std::move(callback));
  return id;
}

}  // namespace eido

Result<std::string> export_eido(const cad::State& state, IncidentId incident_id,
                                const cad::Taxonomy& taxonomy, const EidoContext& context) {
  using eido::Json;
  if (context.agency_id.empty())
    return Error(Errc::kInvalidArgument, "the EIDO context needs an agency id", "agency_id");
  if (context.sender.empty())
    return Error(Errc::kInvalidArgument, "the EIDO context needs a sender element id", "sender");
  if (context.utc_offset_minutes < -14 * 60 || context.utc_offset_minutes > 14 * 60) {
    return Error(Errc::kInvalidArgument, "the UTC offset must be within ±14 h",
                 "utc_offset_minutes");
  }
  const cad::Incident* incident = state.find(incident_id);
  if (incident == nullptr) {
    return Error(Errc::kNotFound, "no incident " + cad::to_string(incident_id), "incident");
  }
  eido::Exporter e(state, *incident, taxonomy, context);
  Json incident_component = eido::export_incident_component(e);
  eido::export_cautions_and_notes(e);  // first: the incident's notes take ids note-0 ...
  eido::export_calls(e);
  eido::export_locations(e);
  eido::export_involved(e);
  eido::export_orders(e);
  eido::export_relations(e);
  Json agencies = eido::export_agencies(e);

  Json doc = Json::object();
  doc["$id"] = eido::urn("incident", e.incident_key, context.agency_id);
  // Every time is written by now, so `latest` is final; prologue() cannot move it on.
  doc["lastUpdateTimeStamp"] = e.time(e.latest);
  doc["updatedByAgencyReference"] = Json{{"$ref", context.agency_id}};
  doc["eidoVersion"] = std::string(kEidoVersion);
  doc["eidoExtensionId"] = Json::array({std::string(kEidoExtensionId)});
  doc["issuingElementIdentification"] = context.sender;
  doc["incidentComponent"] = std::move(incident_component);
  const auto put = [&doc](const char* name, Json& array) {
    if (!array.empty())
      doc[name] = std::move(array);
  };
  put("callComponent", e.calls);
  put("callbackComponent", e.callbacks);
  put("locationComponent", e.locations);
  put("personComponent", e.persons);
  put("vehicleComponent", e.vehicles);
  put("cautionComponent", e.cautions);
  put("notesComponent", e.notes);
  put("dispatchComponent", e.dispatches);
  put("emergencyResourceComponent", e.resources);
  put("linkComponent", e.links);
  put("mergeComponent", e.merges);
  doc["agencyComponent"] = std::move(agencies);
  Json agents = Json::array();
  for (const auto& [user, roles] : e.agents) {
    Json agent = Json::object();
    agent["$id"] = eido::agent_id(user, context.agency_id);
    agent["lastUpdateTimeStamp"] = eido::format_time(e.latest, context.utc_offset_minutes);
    agent["updatedByAgencyReference"] = Json{{"$ref", context.agency_id}};
    agent["agentRoleRegistryText"] = Json(roles);
    agent["agencyReference"] = Json{{"$ref", context.agency_id}};
    agents.push_back(std::move(agent));
  }
  doc["agentComponent"] = std::move(agents);
  doc["@context"] = Json{{"@vocab", std::string(eido::kContextVocab)}};
  return doc.dump(2, ' ', false, Json::error_handler_t::replace);
}

}  // namespace shouwang::exchange
