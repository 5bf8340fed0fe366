// What consoles look things up in (the incident taxonomy, the organisation tree) and what
// operators watch (/metrics).

#include <nlohmann/json.hpp>

#include "server/api/api_support.h"
#include "server/api/command_table.h"
#include "server/api/record_routes.h"

namespace shouwang::server::api {
namespace {

using nlohmann::json;

json taxonomy_json(const cad::Taxonomy& taxonomy) {
  json types = json::array();
  for (const auto& t : taxonomy.types.all()) {
    types.push_back({{"code", t.code},
                     {"parent", t.parent_code},
                     {"level", t.level},
                     {"name_zh", t.name_zh},
                     {"name_en", t.name_en},
                     {"common_code", t.common_code},
                     {"default_priority", t.default_priority},
                     {"capabilities", t.capabilities}});
  }
  json dispositions = json::array();
  for (const auto& d : taxonomy.dispositions.all()) {
    dispositions.push_back({{"code", d.code}, {"name_zh", d.name_zh}, {"name_en", d.name_en}, {"common_code", d.common_code}});
  }
  return {{"types", std::move(types)}, {"dispositions", std::move(dispositions)}};
}

}  // namespace

void add_reference_routes(Router& router, ApiServices& api) {
  router.add("GET", "/api/v1/taxonomy",
             authed(api, [body = taxonomy_json(api.taxonomy).dump()](const HttpRequest&, const Principal&) {
               return HttpResponse::json(200, body);
             }));
  router.add("GET", "/api/v1/org", authed(api, [&api](const HttpRequest&, const Principal&) {
               if (!api.org_geojson) return error_response(Error(Errc::kNotFound, "this server has no organisation map"));
               HttpResponse response = HttpResponse::json(200, api.org_geojson());
               response.content_type = "application/geo+json";
               return response;
             }));
  router.add("GET", "/metrics", authed(api, [&api](const HttpRequest&, const Principal& p) {
               if (!AccessPolicy::may_read_operations(p)) {
                 return error_response(Error(Errc::kPermissionDenied, "metrics are for administrators and commanders"));
               }
               HttpResponse response;
               response.content_type = "text/plain; version=0.0.4; charset=utf-8";
               response.body = api.metrics.render();
               return response;
             }));
}

}  // namespace shouwang::server::api

namespace shouwang::server {

void add_api_routes(Router& router, ApiServices& api) {
  api::add_auth_routes(router, api);
  api::add_record_routes(router, api);
  api::add_command_routes(router, api);
  api::add_user_routes(router, api);
  api::add_reference_routes(router, api);
  api::add_eido_routes(router, api);
  api::add_unit_routes(router, api);
  api::add_dispatch_routes(router, api);
  api::add_position_routes(router, api);
  api::add_place_routes(router, api);
  api::add_stats_routes(router, api);
  api::add_warning_routes(router, api);
  api::add_circle_routes(router, api);
}

}  // namespace shouwang::server
