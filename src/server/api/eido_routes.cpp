// NENA EIDO over the API (docs/eido.md): an incident exported for another centre, and
// documents from another centre imported as new incidents.
//
// An EIDO document carries the persons and vehicles of the incident in full, so an export
// is a sensitive read: it needs a reason and is recorded before it is answered. An import
// recreates incidents that may belong to any station, so it is for city-wide roles that
// may open incidents; its documents run as one transaction through the domain's rules
// (all of them are recorded, or none).

#include <nlohmann/json.hpp>

#include <shouwang/cad/record_id.h>
#include <shouwang/exchange/eido.h>

#include "server/api/api_support.h"
#include "server/api/record_routes.h"

namespace shouwang::server::api {

namespace {

using nlohmann::json;

constexpr std::size_t kMaxDocuments = 100;

HttpResponse export_incident(ApiServices& api, const HttpRequest& request, const Principal& p) {
  auto id = path_id<IncidentId>(request, "incident", cad::parse_incident_id);
  if (!id) return error_response(id.error());
  auto reason = sensitive_read_reason(request, p);
  if (!reason) return error_response(reason.error());
  if (Status visible = incident_visible(api, p, *id); !visible) return error_response(visible.error());
  auto recorded = record_sensitive_read(api, p, *id, *reason, "eido");
  if (!recorded) return error_response(recorded.error());
  auto document = api.commands.read([&](const cad::State& state, std::uint64_t) {
    return exchange::export_eido(state, *id, api.taxonomy, api.eido);
  });
  if (!document) return error_response(document.error());
  HttpResponse response = HttpResponse::json(200, std::move(*document));
  response.headers.emplace_back("X-Audit-Seq", std::to_string(*recorded));
  return response;
}

// The documents of an import body: one EIDO object, or an array of them.
Result<std::vector<std::string>> documents_of(const HttpRequest& request) {
  const json body = json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded()) return Error(Errc::kInvalidArgument, "the request body is not valid JSON");
  std::vector<std::string> documents;
  if (body.is_object()) {
    documents.push_back(request.body);
  } else if (body.is_array()) {
    if (body.empty()) return Error(Errc::kInvalidArgument, "the array holds no EIDO document", "/");
    if (body.size() > kMaxDocuments) {
      return Error(Errc::kInvalidArgument, "at most " + std::to_string(kMaxDocuments) + " documents per import", "/");
    }
    for (std::size_t k = 0; k < body.size(); ++k) {
      if (!body[k].is_object()) return Error(Errc::kInvalidArgument, "an EIDO document is a JSON object", "/" + std::to_string(k));
      documents.push_back(body[k].dump());
    }
  } else {
    return Error(Errc::kInvalidArgument, "the body must be an EIDO document or an array of them");
  }
  return documents;
}

HttpResponse import_documents(ApiServices& api, const HttpRequest& request, const Principal& p) {
  if (!role_may_issue(p.role, "create_incident") || !api.policy.city_wide(p)) {
    return error_response(Error(Errc::kPermissionDenied, "importing incidents is for city-wide roles that open incidents; " +
                                                             p.username + " is a " + std::string(to_string(p.role)) +
                                                             " of " + p.scope));
  }
  auto documents = documents_of(request);
  if (!documents) return error_response(documents.error());
  const store::Actor actor = p.actor();
  exchange::EidoImportReport report;
  auto outcome = api.commands.transact([&](cad::State& speculative, UtcTime) -> Result<std::vector<store::EventDraft>> {
    std::vector<store::EventDraft> drafts;
    auto imported = exchange::import_eido_batch(speculative, api.commands.decider(), *documents, actor, &drafts);
    if (!imported) return imported.error();
    report = std::move(*imported);
    return drafts;
  });
  if (!outcome) return error_response(outcome.error());
  json incidents = json::array();
  for (IncidentId id : report.incidents) incidents.push_back(cad::to_string(id));
  return json_response(201, {{"seq", outcome->last_seq},
                             {"events", outcome->events.size()},
                             {"incidents", std::move(incidents)},
                             {"ids", report.ids},
                             {"skipped", report.skipped}});
}

}  // namespace

void add_eido_routes(Router& router, ApiServices& api) {
  const auto bind = [&api](HttpResponse (*fn)(ApiServices&, const HttpRequest&, const Principal&)) {
    return authed(api, [&api, fn](const HttpRequest& r, const Principal& p) { return fn(api, r, p); });
  };
  router.add("GET", "/api/v1/incidents/{incident}/eido", bind(export_incident));
  router.add("POST", "/api/v1/eido", bind(import_documents));
}

}  // namespace shouwang::server::api
