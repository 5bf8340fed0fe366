#pragma once
// The working state of one export: the incident being written, the component arrays being
// filled, and the agents referenced so far. Component ids are derived from the incident's
// id and the position of each part, so exporting an imported copy gives the same document
// up to the incident's ids.

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include <shouwang/cad/incident.h>
#include <shouwang/cad/state.h>
#include <shouwang/cad/taxonomy.h>
#include <shouwang/exchange/eido.h>

namespace shouwang::exchange::eido {

using Json = nlohmann::ordered_json;

struct Exporter {
  Exporter(const cad::State& s, const cad::Incident& i, const cad::Taxonomy& t, const EidoContext& c);

  const cad::State& state;
  const cad::Incident& incident;
  const cad::Taxonomy& taxonomy;
  const EidoContext& context;
  std::string incident_key;  // the incident's id text

  // The component arrays, in document order.
  Json calls = Json::array();
  Json callbacks = Json::array();
  Json locations = Json::array();
  Json persons = Json::array();
  Json vehicles = Json::array();
  Json cautions = Json::array();
  Json notes = Json::array();
  Json dispatches = Json::array();
  Json resources = Json::array();
  Json links = Json::array();
  Json merges = Json::array();
  std::map<std::string, std::set<std::string>> agents;  // user -> agent roles
  UtcTime latest;  // the newest time written, for the document's lastUpdateTimeStamp

  // A NENA time stamp in the context's offset; remembers the newest.
  std::string time(UtcTime t);
  // {"$ref": id}
  static Json ref(std::string_view id);
  // A reference to the agent for `user`, which is listed in agentComponent with `role`.
  Json agent(const std::string& user, std::string_view role = "Dispatching");
  // The common prologue: $id, lastUpdateTimeStamp, updatedByAgencyReference and, when
  // `user` is given, updatedByAgentReference.
  Json prologue(const std::string& id, UtcTime updated, const std::string& user = {});
  // "urn:emergency:uid:<kind>id:<incident>-<suffix>:<agency>"
  [[nodiscard]] std::string part_id(std::string_view kind, std::string_view suffix) const;
  [[nodiscard]] std::string part_id(std::string_view kind, std::size_t n) const;
  // Adds a note component (text as HTML5) and returns its id.
  std::string add_note(const std::string& text, UtcTime at, const std::string& author);
  // Adds a callback component for a telephone number and returns its id.
  std::string add_callback(const std::string& number, UtcTime at, const std::string& user);
};

// export_details.cpp
void export_calls(Exporter& e);
void export_locations(Exporter& e);
void export_involved(Exporter& e);  // persons and vehicles
void export_cautions_and_notes(Exporter& e);
// export_orders.cpp
void export_orders(Exporter& e);
// export_incident.cpp
Json export_incident_component(Exporter& e);
void export_relations(Exporter& e);  // links and merges
Json export_agencies(Exporter& e);

// A status history as our extension writes it: [{from, to, at, by, reason}].
template <typename Status>
Json history_json(Exporter& e, const std::vector<cad::StatusChange<Status>>& history) {
  Json out = Json::array();
  for (const auto& h : history) {
    out.push_back({{"from", to_string(h.from)},
                   {"to", to_string(h.to)},
                   {"at", e.time(h.at)},
                   {"by", h.by},
                   {"reason", h.reason}});
  }
  return out;
}

}  // namespace shouwang::exchange::eido
