// The quick-response circles: the registry of key sites and posts (registering and
// editing are commands, command_table.cpp) and the circles as the watch last saw them.

#include <cmath>
#include <map>

#include <nlohmann/json.hpp>

#include <shouwang/analytics/circle_arrivals.h>
#include <shouwang/analytics/period_text.h>
#include <shouwang/cad/record_json.h>
#include <shouwang/server/circle_watch.h>
#include <shouwang/server/stats_answers.h>

#include "server/api/api_support.h"
#include "server/api/record_routes.h"

namespace shouwang::server::api {
namespace {

using nlohmann::json;

Status for_the_centre(const Principal& p) {
  if (p.role == Role::kUnitTerminal)
    return Error(Errc::kPermissionDenied, "key sites and posts are for the centre and stations, not unit terminals");
  return {};
}

// `status`: active (default), retired or all.
Result<std::string> status_filter(const HttpRequest& request) {
  std::string status = "active";
  for (const auto& [name, value] : query_params(request.query)) {
    if (name != "status")
      return Error(Errc::kInvalidArgument, "the list is filtered by status only", name);
    if (value != "active" && value != "retired" && value != "all")
      return Error(Errc::kInvalidArgument, "status is active, retired or all", name);
    status = value;
  }
  return status;
}

// One kind of registry record: where the state keeps it, how it is written, its names.
template <typename Record>
struct RegistryKind {
  std::map<std::string, Record, std::less<>> cad::State::*records;
  nlohmann::json (*render)(const Record&);
  const char* one;   // "site": the path parameter and the answer's member
  const char* many;  // "sites"
  const char* what;  // "key site", for messages
};

constexpr RegistryKind<cad::KeySite> kSites{&cad::State::sites, cad::site_json, "site", "sites", "key site"};
constexpr RegistryKind<cad::Post> kPosts{&cad::State::posts, cad::post_json, "post", "posts", "post"};

template <typename Record>
HttpResponse list_records(ApiServices& api, const HttpRequest& request, const Principal& p,
                          const RegistryKind<Record>& kind) {
  if (Status ok = for_the_centre(p); !ok)
    return error_response(ok.error());
  auto status = status_filter(request);
  if (!status)
    return error_response(status.error());
  return api.commands.read([&](const cad::State& state, std::uint64_t seq) {
    json items = json::array();
    for (const auto& [id, record] : state.*kind.records) {
      if (*status == "all" || record.retired == (*status == "retired"))
        items.push_back(kind.render(record));
    }
    return json_response(200, {{"seq", seq}, {kind.many, std::move(items)}});
  });
}

template <typename Record>
HttpResponse get_record(ApiServices& api, const HttpRequest& request, const Principal& p,
                        const RegistryKind<Record>& kind) {
  if (Status ok = for_the_centre(p); !ok)
    return error_response(ok.error());
  const std::string& id = request.params.at(kind.one);
  return api.commands.read([&](const cad::State& state, std::uint64_t seq) {
    const auto& records = state.*kind.records;
    const auto it = records.find(id);
    if (it == records.end())
      return error_response(Error(Errc::kNotFound, std::string("there is no ") + kind.what + " " + id, kind.one));
    return json_response(200, {{"seq", seq}, {kind.one, kind.render(it->second)}});
  });
}

HttpResponse list_sites(ApiServices& api, const HttpRequest& r, const Principal& p) {
  return list_records(api, r, p, kSites);
}
HttpResponse list_posts(ApiServices& api, const HttpRequest& r, const Principal& p) {
  return list_records(api, r, p, kPosts);
}
HttpResponse get_site(ApiServices& api, const HttpRequest& r, const Principal& p) {
  return get_record(api, r, p, kSites);
}
HttpResponse get_post(ApiServices& api, const HttpRequest& r, const Principal& p) {
  return get_record(api, r, p, kPosts);
}

json number_or_null(double seconds) {
  return std::isfinite(seconds) ? json(std::round(seconds * 10) / 10) : json(nullptr);
}

// The live circles: the watch's last refresh (one now when there is none yet).
HttpResponse live_circles(ApiServices& api, const HttpRequest&, const Principal& p) {
  if (Status ok = for_the_centre(p); !ok)
    return error_response(ok.error());
  if (api.circles == nullptr)
    return error_response(Error(Errc::kUnavailable, "the server has no road network, so no live circles"));
  std::optional<CircleRefresh> refresh = api.circles->latest();
  if (!refresh)
    refresh = api.circles->tick();
  json sites = json::array();
  for (const SiteCircle& c : refresh->sites) {
    sites.push_back({{"site", c.site},
                     {"tier_s", c.tier_s},
                     {"in_hours", c.in_hours},
                     {"time_s", number_or_null(c.time_s)},
                     {"unit", c.unit},
                     {"covered", c.covered}});
  }
  return json_response(200, {{"refreshed_at", refresh->at.to_iso8601()},
                             {"units", refresh->units},
                             {"in_hours", refresh->in_hours},
                             {"covered", refresh->covered},
                             {"refresh_ms", std::round(refresh->millis * 100) / 100},
                             {"sites", std::move(sites)}});
}

// Arrival KPIs per circle and month (analytics/circle_arrivals.h): `from` and `to` (local
// days, inclusive; default the 90 days to today), `near` (metres, 50..2000, default 300).
HttpResponse arrival_kpis(ApiServices& api, const HttpRequest& request, const Principal& p) {
  if (Status ok = for_the_centre(p); !ok)
    return error_response(ok.error());
  if (api.statistics == nullptr)
    return error_response(Error(Errc::kUnavailable, "the server keeps no incident history"));
  const analytics::Day today = local_day(api.commands.clock().now(), api.eido.utc_offset_minutes);
  analytics::Day from = today - std::chrono::days(89);
  analytics::Day to = today;
  double near = 300;
  for (const auto& [name, value] : query_params(request.query)) {
    if (name == "from" || name == "to") {
      auto day = analytics::parse_day(value);
      if (!day)
        return error_response(Error(Errc::kInvalidArgument, name + " is a day, YYYY-MM-DD", name));
      (name == "from" ? from : to) = *day;
    } else if (name == "near") {
      char* end = nullptr;
      near = std::strtod(value.c_str(), &end);
      if (end == value.c_str() || *end != '\0' || !(near >= 50 && near <= 2000))
        return error_response(Error(Errc::kInvalidArgument, "near is metres from 50 to 2000", name));
    } else {
      return error_response(Error(Errc::kInvalidArgument, "the arrivals take from, to and near", name));
    }
  }
  if (to < from)
    return error_response(Error(Errc::kInvalidArgument, "from must not come after to", "from"));
  std::vector<analytics::CircleArea> areas;
  std::map<std::string, std::pair<std::string, int>> about;  // name and tier by site
  api.commands.read([&](const cad::State& state, std::uint64_t) {
    for (const auto& [id, site] : state.sites) {
      if (site.retired)
        continue;
      areas.push_back({id, site.profile.position, static_cast<double>(site.profile.tier_s)});
      about[id] = {site.profile.name, site.profile.tier_s};
    }
    return 0;
  });
  const auto rows = api.statistics->read([&](const analytics::IncidentHistory& history) {
    return analytics::circle_arrivals(history, areas, analytics::range(from, to + std::chrono::days(1)), Meters(near));
  });
  json out = json::array();
  for (const auto& r : rows) {
    out.push_back({{"site", r.site},
                   {"name", about[r.site].first},
                   {"tier_s", about[r.site].second},
                   {"month", r.month},
                   {"incidents", r.incidents},
                   {"arrived", r.arrived},
                   {"within", r.within},
                   {"share_within", r.incidents > 0 ? static_cast<double>(r.within) / r.incidents : 0.0},
                   {"median_s", r.median_s}});
  }
  return json_response(200, {{"from", analytics::to_string(from)},
                             {"to", analytics::to_string(to)},
                             {"near_m", near},
                             {"rows", std::move(out)}});
}

}  // namespace

void add_circle_routes(Router& router, ApiServices& api) {
  const auto bind = [&api](HttpResponse (*fn)(ApiServices&, const HttpRequest&, const Principal&)) {
    return authed(api, [&api, fn](const HttpRequest& r, const Principal& p) { return fn(api, r, p); });
  };
  router.add("GET", "/api/v1/sites", bind(list_sites));
  router.add("GET", "/api/v1/sites/{site}", bind(get_site));
  router.add("GET", "/api/v1/posts", bind(list_posts));
  router.add("GET", "/api/v1/posts/{post}", bind(get_post));
  router.add("GET", "/api/v1/circles", bind(live_circles));
  router.add("GET", "/api/v1/circles/arrivals", bind(arrival_kpis));
}

}  // namespace shouwang::server::api
