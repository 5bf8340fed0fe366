#include <shouwang/server/core_routes.h>

#include <nlohmann/json.hpp>

#include <shouwang/base/version.h>

namespace shouwang::server {

void add_core_routes(Router& router) {
  router.add("GET", "/healthz", [](const HttpRequest&) {
    return HttpResponse::json(200, R"({"status":"ok"})");
  });
  router.add("GET", "/api/v1/version", [](const HttpRequest&) {
    return HttpResponse::json(200, nlohmann::json{{"name", "shouwang"}, {"version", kVersion}, {"api", kApiVersion}}.dump());
  });
}

}  // namespace shouwang::server
