#pragma once
// The command API under /api/v1 (docs/api/openapi.json): every domain command as a REST
// call, records and searches within the caller's scope, the state snapshot, login and
// accounts, taxonomy, organisation and metrics. Everything registered here needs a
// session except login; of the core routes, /healthz, /api/v1/version and /api/v1/city
// (the product version and the city's public name and extent, which the login screen
// shows) are open (ADR 0006).

#include <functional>

#include <string>

#include <shouwang/cad/deadlines.h>
#include <shouwang/cad/taxonomy.h>
#include <shouwang/exchange/eido.h>
#include <shouwang/osm/jurisdictions.h>
#include <shouwang/osm/place_index.h>
#include <shouwang/server/access_policy.h>
#include <shouwang/server/accounts.h>
#include <shouwang/server/authenticator.h>
#include <shouwang/server/command_service.h>
#include <shouwang/server/json_lines_log.h>
#include <shouwang/server/metrics.h>
#include <shouwang/server/router.h>
#include <shouwang/server/statistics.h>
#include <shouwang/server/unit_locator.h>
#include <shouwang/server/unit_telemetry.h>

namespace shouwang::server {

class CircleWatch;

struct ApiServices {
  CommandService& commands;
  Authenticator& auth;
  const AccessPolicy& policy;
  const AccountBook& accounts;
  const cad::Taxonomy& taxonomy;
  JsonLinesLog& audit;  // sensitive reads, logins, account changes
  Metrics& metrics;
  // The organisation tree as GeoJSON for the console's map; empty when unknown.
  std::function<std::string()> org_geojson;
  // Who this centre is in the EIDO documents it exports.
  exchange::EidoContext eido;
  // Live unit positions and road travel times; null without a road network (then
  // recommendations and one-action dispatch answer 503).
  UnitLocator* units = nullptr;
  // Position reports, live positions and tracks; null when the server takes none.
  UnitTelemetry* telemetry = nullptr;
  // The city's streets, addresses and places by name (DATA/place_index.swi); null when the
  // server has none (then place search answers 503).
  const osm::PlaceIndex* places = nullptr;
  // The deadlines the server's timer holds the chain to; the state tells consoles, so they
  // can count down the same deadlines the timer escalates.
  cad::DeadlinePolicy deadlines{};
  // The incident history for /api/v1/stats; null when the server keeps none (then 503).
  const Statistics* statistics = nullptr;
  // The organisation tree (areas, populations); null for a centre without one.
  const osm::Jurisdictions* jurisdictions = nullptr;
  // The live quick-response circles; null without a road network (then 503).
  CircleWatch* circles = nullptr;
  // The bureau named in the title of briefings, in zh-CN and en (empty: a default).
  std::string bureau_name = {};
  std::string bureau_name_en = {};
};

// Registers every /api/v1 route and /metrics. `api` must outlive the router.
void add_api_routes(Router& router, ApiServices& api);

}  // namespace shouwang::server
