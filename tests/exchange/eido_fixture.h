#pragma once
// Shared set-up for the EIDO tests: the export context, a rich incident built through the
// domain, and the comparison of an imported incident with its original (every record of
// the incident as the state codec writes it, with the ids mapped to the new ones).

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <shouwang/cad/decide.h>
#include <shouwang/cad/state.h>
#include <shouwang/exchange/eido.h>

namespace shouwang::exchange::testing {

EidoContext context();

// A 110 incident with two calls, a location conflict resolved by a person, cautions, notes
// with markup characters, a person and a vehicle with verified fields, a station order
// split among its officers, a returned and reissued order, feedback, a closed scene with
// a disposition, and a terminated and archived end. Returns its id.
IncidentId build_rich_incident(const cad::Decider& decider, cad::State& state, double start_s = 0);

// Replaces every record id (incident, call, order) in `text` by its image under `ids`;
// ids not in the map stay.
std::string map_ids(const std::string& text, const std::map<std::string, std::string>& ids);

// The incident, its calls and its orders as the state codec writes them, without what EIDO
// does not exchange (missed deadlines, bypassed units).
nlohmann::json incident_records(const cad::State& state, IncidentId id);

// The document as JSON, ids mapped.
nlohmann::json mapped_document(const std::string& eido, const std::map<std::string, std::string>& ids);

}  // namespace shouwang::exchange::testing
