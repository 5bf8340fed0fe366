// Dispatch orders: each order is an emergency resource (the target and its unit status)
// and a dispatch component (who dispatched it, when, with what instructions).

#include <shouwang/cad/record_id.h>

#include "exchange/eido/eido_format.h"
#include "exchange/eido/exporter.h"

namespace shouwang::exchange::eido {
namespace {

Json order_times(Exporter& e, const cad::OrderTimes& t) {
  Json out = Json::object();
  const auto put = [&](const char* name, const std::optional<UtcTime>& time) {
    if (time)
      out[name] = e.time(*time);
  };
  out["issued"] = e.time(t.issued);
  put("received", t.received);
  put("signedFor", t.signed_for);
  put("enRoute", t.en_route);
  put("arrived", t.arrived);
  put("feedback", t.feedback);
  put("done", t.done);
  put("cancelled", t.cancelled);
  put("returned", t.returned);
  return out;
}

}  // namespace

void export_orders(Exporter& e) {
  const std::string& agency = e.context.agency_id;
  const auto resource_id = [&agency](OrderId id) { return urn("resource", cad::to_string(id), agency); };
  for (const OrderId id : e.incident.orders) {
    const cad::Order* order = e.state.find(id);
    if (order == nullptr)
      continue;
    const cad::Order& o = *order;
    UtcTime updated = o.times.issued;
    std::string by = o.issued_by;
    if (!o.history.empty()) {
      updated = o.history.back().at;
      by = o.history.back().by;
    }
    Json r = e.prologue(resource_id(id), updated, by);
    r["emergencyResourceTypeCommonRegistryText"] = std::string(resource_type(o.target.kind));
    r["emergencyResourceTypeInternalText"] = std::string(to_string(o.target.kind));
    r["resourceAttributeRegistryText"] = Json::array();
    r["emergencyResourceName"] = o.target.id;
    r["primaryUnitStatusRegistryText"] = std::string(primary_unit_status(o));
    r["secondaryUnitStatusRegistryText"] = Json::array({std::string(secondary_unit_status(o))});
    r["unitStatusInternal"] = Json::array({std::string(to_string(o.status))});
    Json agents = Json::array({e.agent(o.issued_by)});
    if (!o.signed_by.empty() && o.signed_by != o.issued_by)
      agents.push_back(e.agent(o.signed_by));
    r["agentReference"] = std::move(agents);
    if (!o.feedback.empty()) {
      Json notes = Json::array();
      for (const cad::FeedbackEntry& f : o.feedback)
        notes.push_back(Exporter::ref(e.add_note(f.text, f.at, f.by)));
      r["notesReference"] = std::move(notes);
    }
    Json ext = Json::object();
    ext["target"] = Json{{"kind", std::string(to_string(o.target.kind))}, {"name", o.target.name}};
    if (o.parent.valid())
      ext["parent"] = Exporter::ref(resource_id(o.parent));
    if (o.reissue_of.valid())
      ext["reissueOf"] = Exporter::ref(resource_id(o.reissue_of));
    if (o.reissued_as.valid())
      ext["reissuedAs"] = Exporter::ref(resource_id(o.reissued_as));
    ext["signedBy"] = o.signed_by;
    ext["endReason"] = o.end_reason;
    ext["times"] = order_times(e, o.times);
    ext["history"] = history_json(e, o.history);
    r[kExt] = std::move(ext);
    e.resources.push_back(std::move(r));

    Json d = e.prologue(e.part_id("dispatch", e.dispatches.size()), o.times.issued, o.issued_by);
    d["agentReference"] = e.agent(o.issued_by);
    d["emergencyResourceReference"] = Json::array({Exporter::ref(resource_id(id))});
    if (!o.instructions.empty())
      d["notesReference"] = Json::array({Exporter::ref(e.add_note(o.instructions, o.times.issued, o.issued_by))});
    e.dispatches.push_back(std::move(d));
  }
}

}  // namespace shouwang::exchange::eido
