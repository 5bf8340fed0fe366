#pragma once
// One call, incident, order, unit, warning, key site or post as a JSON object: the same layout as in snapshots
// (state_codec.h, docs/domain-model.md), which is also what the API returns for a record.

#include <nlohmann/json_fwd.hpp>

#include <shouwang/cad/call.h>
#include <shouwang/cad/incident.h>
#include <shouwang/cad/key_site.h>
#include <shouwang/cad/order.h>
#include <shouwang/cad/unit.h>
#include <shouwang/cad/warning.h>

namespace shouwang::cad {

nlohmann::json call_json(const Call& call);
nlohmann::json incident_json(const Incident& incident);
nlohmann::json order_json(const Order& order);
nlohmann::json unit_json(const Unit& unit);
nlohmann::json warning_json(const Warning& warning);
nlohmann::json site_json(const KeySite& site);
nlohmann::json post_json(const Post& post);

}  // namespace shouwang::cad
