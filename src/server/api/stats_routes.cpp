// GET /api/v1/stats/{counts,incidents,response,buckets,streaks,safety,standards,hotspots,warnings,briefing}: statistics
// over the incident history (server/stats_answers.h) and the briefing that gathers them
// (server/briefing.h); GET /api/v1/reports/briefing: that briefing as a document (HTML,
// XLSX or PDF, report/briefing_report.h). A user whose scope is not the whole city sees
// the figures of the stations within it only; unit terminals get none.

#include <string>

#include <shouwang/server/briefing.h>
#include <shouwang/server/patrol_plan.h>
#include <shouwang/server/stats_answers.h>

#include "server/api/api_support.h"
#include "server/api/briefing_download.h"
#include "server/api/record_routes.h"

namespace shouwang::server::api {
namespace {

// The caller's view of the statistics: kPermissionDenied for a terminal, kUnavailable
// without statistics.
Result<StatsEnvironment> environment(ApiServices& api, const Principal& p) {
  if (p.role == Role::kUnitTerminal)
    return Error(Errc::kPermissionDenied, "unit terminals have no statistics");
  if (api.statistics == nullptr)
    return Error(Errc::kUnavailable, "this server keeps no statistics");
  StatsEnvironment env;
  env.today = local_day(api.commands.clock().now(), api.statistics->context().utc_offset_minutes);
  env.jurisdictions = api.jurisdictions;
  if (!api.policy.city_wide(p)) {
    env.in_scope = [&api, &p](std::string_view code) {
      return api.policy.org().is_within(code, p.scope);
    };
  }
  return env;
}

HttpResponse answer(ApiServices& api, const HttpRequest& request, const Principal& p,
                    std::string_view what) {
  auto env = environment(api, p);
  if (!env)
    return error_response(env.error());
  // Street segments are built on the first request that needs them.
  if (const auto params = query_params(request.query);
      what == "hotspots" && api.units != nullptr && params.contains("on") && params.at("on") == "segments") {
    env->roads = {&api.units->snap_index(), &api.units->street_segments()};
  }
  auto body = what == "briefing"
                  ? answer_briefing(*api.statistics, query_params(request.query), *env)
                  : answer_stats(*api.statistics, what, query_params(request.query), *env);
  if (!body)
    return error_response(body.error());
  return HttpResponse::json(200, *body);
}

HttpResponse download(ApiServices& api, const HttpRequest& request, const Principal& p) {
  auto env = environment(api, p);
  if (!env)
    return error_response(env.error());
  auto params = query_params(request.query);
  auto document = BriefingDownload::read(params);
  if (!document)
    return error_response(document.error());
  auto body = answer_briefing(*api.statistics, params, *env);
  if (!body)
    return error_response(body.error());
  auto file = document->render(*body, api);
  if (!file)
    return error_response(file.error());
  return std::move(*file);
}

HttpResponse patrol_plan(ApiServices& api, const HttpRequest& request, const Principal& p) {
  auto env = environment(api, p);
  if (!env)
    return error_response(env.error());
  auto plan = answer_patrol_plan(*api.statistics, query_params(request.query), *env, api.commands.clock().now());
  if (!plan)
    return error_response(plan.error());
  HttpResponse response = HttpResponse::json(200, plan->body);
  response.content_type = plan->content_type;
  return response;
}

}  // namespace

void add_stats_routes(Router& router, ApiServices& api) {
  for (const char* what : {"counts", "incidents", "response", "buckets", "streaks", "safety",
                           "standards", "hotspots", "warnings", "briefing"}) {
    router.add("GET", std::string("/api/v1/stats/") + what,
               authed(api, [&api, what](const HttpRequest& request, const Principal& p) {
                 return answer(api, request, p, what);
               }));
  }
  router.add("GET", "/api/v1/forecast/patrol-plan",
             authed(api, [&api](const HttpRequest& request, const Principal& p) {
               return patrol_plan(api, request, p);
             }));
  router.add("GET", "/api/v1/reports/briefing",
             authed(api, [&api](const HttpRequest& request, const Principal& p) {
               return download(api, request, p);
             }));
}

}  // namespace shouwang::server::api
