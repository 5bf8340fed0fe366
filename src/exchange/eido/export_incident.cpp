// The incident component, its links and merges, and the agencies.

#include <algorithm>
#include <cstdio>

#include <shouwang/cad/record_id.h>

#include "exchange/eido/eido_format.h"
#include "exchange/eido/exporter.h"

namespace shouwang::exchange::eido {
namespace {

// The incident's own newest act: its creation or its last status change.
UtcTime incident_updated(const cad::Incident& i, std::string& by) {
  by = i.created_by;
  UtcTime at = i.times.created;
  if (!i.history.empty()) {
    at = i.history.back().at;
    by = i.history.back().by;
  }
  return at;
}

Json times_json(Exporter& e, const cad::IncidentTimes& t) {
  Json out = Json::object();
  const auto put = [&](const char* name, const std::optional<UtcTime>& time) {
    if (time)
      out[name] = e.time(*time);
  };
  out["created"] = e.time(t.created);
  put("accepted", t.accepted);
  put("firstOrderIssued", t.first_order_issued);
  put("firstOrderReceived", t.first_order_received);
  put("firstSignedFor", t.first_signed_for);
  put("firstEnRoute", t.first_en_route);
  put("firstArrived", t.first_arrived);
  put("firstFeedback", t.first_feedback);
  put("sceneClosed", t.scene_closed);
  put("terminated", t.terminated);
  put("archived", t.archived);
  return out;
}

// The step into `merged` of `incident`, which the merge's time and user come from.
const cad::StatusChange<cad::IncidentStatus>* merge_step(const cad::Incident& incident) {
  for (const auto& h : incident.history) {
    if (h.to == cad::IncidentStatus::kMerged)
      return &h;
  }
  return nullptr;
}

Json disposition_component(Exporter& e, UtcTime updated, const std::string& by) {
  const cad::Incident& i = e.incident;
  const cad::DispositionCode* code = e.taxonomy.dispositions.find(i.disposition);
  Json d = e.prologue(e.part_id("disposition", 0), updated, by);
  d["dispositionCommonRegistryCode"] = code != nullptr ? code->common_code : i.disposition;
  d["dispositionPrimaryIndicator"] = true;
  if (code != nullptr)
    d["dispositionDescriptionText"] = code->name_en;
  d[kExt] = Json{{"code", i.disposition}};
  return d;
}

}  // namespace

Json export_incident_component(Exporter& e) {
  const cad::Incident& i = e.incident;
  std::string by;
  const UtcTime updated = incident_updated(i, by);
  Json c = e.prologue(e.part_id("incidentinfo", 0), updated, by);
  const cad::IncidentType* type = e.taxonomy.types.find(i.type_code);
  // An unclassified incident is still law enforcement's; the common type is required.
  c["incidentTypeCommonRegistryText"] = i.common_type.empty() ? std::string("LAW") : i.common_type;
  if (!i.type_code.empty())
    c["incidentTypeInternalCode"] = i.type_code;
  if (type != nullptr)
    c["incidentTypeInternalText"] = type->name_zh;
  c["incidentStatusCommonRegistryText"] = Json::array({std::string(incident_status_common(i.status))});
  c["incidentStatusInternalText"] = Json::array({std::string(to_string(i.status))});
  c["internalIncidentId"] = e.incident_key;
  c["incidentPriorityInternalText"] = std::to_string(i.priority);
  c["incidentCommonPriorityNumber"] = i.priority;
  if (!i.station.empty())
    c["beatOrDispatchGroupText"] = i.station;
  c["agentReference"] = Json::array({e.agent(i.created_by)});
  // Parts are numbered by position, as the detail exporters number their components.
  const auto refs = [&e](std::string_view kind, std::size_t n) {
    Json out = Json::array();
    for (std::size_t k = 0; k < n; ++k)
      out.push_back(Exporter::ref(e.part_id(kind, k)));
    return out;
  };
  if (!i.location.candidates.empty())
    c["locationReference"] = refs("location", i.location.candidates.size());
  if (!i.persons.empty())
    c["personReference"] = refs("person", i.persons.size());
  if (!i.vehicles.empty())
    c["vehicleReference"] = refs("vehicle", i.vehicles.size());
  // The incident's notes are the first notes written (export_cautions_and_notes runs first).
  if (!i.notes.empty())
    c["notesReference"] = refs("note", i.notes.size());
  if (!i.disposition.empty())
    c["dispositionComponent"] = Json::array({disposition_component(e, updated, by)});

  Json ext = Json::object();
  ext["summary"] = i.summary;
  ext["createdAt"] = e.time(i.times.created);
  ext["createdBy"] = i.created_by;
  ext["commonType"] = i.common_type;
  ext["prioritySource"] = std::string(to_string(i.priority_source));
  if (!i.station.empty())
    ext["stationByDispatcher"] = i.station_by_dispatcher;
  if (i.location.confirmed)
    ext["confirmedLocation"] = Exporter::ref(e.part_id("location", *i.location.confirmed));
  ext["needsConfirmation"] = i.location.needs_confirmation;
  ext["times"] = times_json(e, i.times);
  ext["history"] = history_json(e, i.history);
  c[kExt] = std::move(ext);
  return c;
}

void export_relations(Exporter& e) {
  const cad::Incident& i = e.incident;
  const std::string& agency = e.context.agency_id;
  for (const cad::IncidentLink& link : i.links) {
    Json l = e.prologue(e.part_id("link", e.links.size()), link.at, link.by);
    l["incidentTrackingIdentifier"] = urn("incident", cad::to_string(link.other), agency);
    l["linkDirectionCode"] = "RELATED";
    l["transactionReasonText"] = link.reason;
    e.links.push_back(std::move(l));
  }
  const auto add_merge = [&](IncidentId other, const char* direction,
                             const cad::StatusChange<cad::IncidentStatus>* step) {
    const UtcTime at = step != nullptr ? step->at : i.times.created;
    Json m = e.prologue(e.part_id("merge", e.merges.size()), at, step != nullptr ? step->by : "");
    m["incidentTrackingIdentifier"] = urn("incident", cad::to_string(other), agency);
    m["incidentMergeDirectionCode"] = direction;
    m[kExt] = Json{{"reason", step != nullptr ? step->reason : std::string()}};
    e.merges.push_back(std::move(m));
  };
  if (i.merged_into.valid())
    add_merge(i.merged_into, "REPLACED", merge_step(i));
  for (const IncidentId from : i.merged_from) {
    const cad::Incident* other = e.state.find(from);
    add_merge(from, "REPLACING", other != nullptr ? merge_step(*other) : nullptr);
  }
}

Json export_agencies(Exporter& e) {
  const cad::Incident& i = e.incident;
  Json agencies = Json::array();
  Json own = Json::object();
  own["$id"] = e.context.agency_id;
  own["lastUpdateTimeStamp"] = e.time(e.latest);
  own["updatedByAgencyReference"] = Exporter::ref(e.context.agency_id);
  // jCard (RFC 7095) with the agency's name.
  const Json card = Json::array(
      {"vcard", Json::array({Json::array({"version", Json::object(), "text", "4.0"}),
                             Json::array({"fn", Json::object(), "text", e.context.agency_name})})});
  own["agencyJcard"] = card.dump(-1, ' ', false, Json::error_handler_t::replace);
  own["agencyRoleDescriptionRegistryText"] = Json::array({"CallReceiving", "Dispatch"});
  own["agencyType"] = Json::array({"police"});
  own["incidentOwningAgencyIndicator"] = !i.transfer.has_value();
  // The centre whose ids the document's record ids are (they embed its division code).
  char division[16];
  std::snprintf(division, sizeof division, "%06u", e.context.centre.division_code % 1'000'000u);
  own[kExt] = Json{{"centre", division}, {"utcOffsetMinutes", e.context.centre.utc_offset_minutes}};
  agencies.push_back(std::move(own));
  if (i.transfer) {
    Json to = Json::object();
    to["$id"] = i.transfer->to_agency;
    to["lastUpdateTimeStamp"] = e.time(i.transfer->at);
    to["updatedByAgencyReference"] = Exporter::ref(e.context.agency_id);
    to["updatedByAgentReference"] = e.agent(i.transfer->by);
    to["agencyRoleDescriptionRegistryText"] = Json::array({"Dispatch"});
    to["agencyType"] = Json::array({std::string(agency_type_of(i.transfer->to_agency))});
    to["incidentOwningAgencyIndicator"] = true;
    to[kExt] = Json{{"transfer", Json{{"reason", i.transfer->reason}}}};
    agencies.push_back(std::move(to));
  }
  return agencies;
}

}  // namespace shouwang::exchange::eido
