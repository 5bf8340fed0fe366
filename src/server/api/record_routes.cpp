// Reading records: one incident, call or order; searches; the scope's snapshot for
// consoles; and the sensitive read of persons' and vehicles' details, which needs a reason
// and is recorded in the event log before anything is shown.

#include <nlohmann/json.hpp>

#include <shouwang/cad/record_id.h>
#include <shouwang/cad/record_json.h>

#include "server/api/api_support.h"
#include "server/api/incident_search.h"
#include "server/api/record_routes.h"

namespace shouwang::server::api {

using cad::to_string;
using server::to_string;

namespace {

using nlohmann::json;


HttpResponse get_incident(ApiServices& api, const HttpRequest& request, const Principal& p) {
  auto id = path_id<IncidentId>(request, "incident", cad::parse_incident_id);
  if (!id) return error_response(id.error());
  return api.commands.read([&](const cad::State& state, std::uint64_t seq) {
    const cad::Incident* incident = state.find(*id);
    if (incident == nullptr) return error_response(Error(Errc::kNotFound, "there is no incident " + to_string(*id), "incident"));
    if (!api.policy.may_see(p, *incident, state)) return error_response(outside_scope("incident " + to_string(*id), p));
    json out = {{"seq", seq}, {"incident", incident_view(*incident, false)}};
    json calls = json::array();
    for (CallId c : incident->calls) {
      if (const cad::Call* call = state.find(c); call && api.policy.may_see(p, *call, state)) calls.push_back(call_view(*call));
    }
    json orders = json::array();
    for (OrderId o : incident->orders) {
      if (const cad::Order* order = state.find(o); order && api.policy.may_see(p, *order, state)) {
        orders.push_back(order_view(*order));
      }
    }
    out["calls"] = std::move(calls);
    out["orders"] = std::move(orders);
    return json_response(200, out);
  });
}

HttpResponse get_involved(ApiServices& api, const HttpRequest& request, const Principal& p) {
  auto id = path_id<IncidentId>(request, "incident", cad::parse_incident_id);
  if (!id) return error_response(id.error());
  auto reason = sensitive_read_reason(request, p);
  if (!reason) return error_response(reason.error());
  if (Status visible = incident_visible(api, p, *id); !visible) return error_response(visible.error());
  auto recorded = record_sensitive_read(api, p, *id, *reason, "persons,vehicles");
  if (!recorded) return error_response(recorded.error());
  return api.commands.read([&](const cad::State& state, std::uint64_t seq) {
    const cad::Incident* incident = state.find(*id);
    const json full = incident_view(*incident, true);
    return json_response(200, {{"seq", seq}, {"incident_id", to_string(*id)}, {"persons", full["persons"]},
                               {"vehicles", full["vehicles"]}, {"audit_seq", *recorded}});
  });
}

HttpResponse get_call(ApiServices& api, const HttpRequest& request, const Principal& p) {
  auto id = path_id<CallId>(request, "call", cad::parse_call_id);
  if (!id) return error_response(id.error());
  return api.commands.read([&](const cad::State& state, std::uint64_t seq) {
    const cad::Call* call = state.find(*id);
    if (call == nullptr) return error_response(Error(Errc::kNotFound, "there is no call " + to_string(*id), "call"));
    if (!api.policy.may_see(p, *call, state)) return error_response(outside_scope("call " + to_string(*id), p));
    return json_response(200, {{"seq", seq}, {"call", call_view(*call)}});
  });
}

HttpResponse get_order(ApiServices& api, const HttpRequest& request, const Principal& p) {
  auto id = path_id<OrderId>(request, "order", cad::parse_order_id);
  if (!id) return error_response(id.error());
  return api.commands.read([&](const cad::State& state, std::uint64_t seq) {
    const cad::Order* order = state.find(*id);
    if (order == nullptr) return error_response(Error(Errc::kNotFound, "there is no order " + to_string(*id), "order"));
    if (!api.policy.may_see(p, *order, state)) return error_response(outside_scope("order " + to_string(*id), p));
    return json_response(200, {{"seq", seq}, {"order", order_view(*order)}});
  });
}

HttpResponse search(ApiServices& api, const HttpRequest& request, const Principal& p) {
  auto query = parse_incident_query(query_params(request.query), api.commands.decider().centre());
  if (!query) return error_response(query.error());
  return api.commands.read([&](const cad::State& state, std::uint64_t seq) {
    const SearchPage page = search_incidents(state, *query, api.taxonomy, api.policy, p);
    json items = json::array();
    for (const cad::Incident* i : page.items) items.push_back(incident_view(*i, false));
    json out = {{"seq", seq}, {"total", page.total}, {"items", std::move(items)}};
    out["next"] = page.next.empty() ? json(nullptr) : json(page.next);
    return json_response(200, out);
  });
}

// Orders in id order (issue order within a day), filtered by target and open status,
// `limit` (1..1000, default 200) at a time; `cursor` is the `next` of the previous page.
HttpResponse list_orders(ApiServices& api, const HttpRequest& request, const Principal& p) {
  const auto params = query_params(request.query);
  std::string target;
  bool open_only = false;
  std::size_t limit = 200;
  OrderId after;
  for (const auto& [name, value] : params) {
    if (name == "target") {
      target = value;
    } else if (name == "status") {
      if (value != "open") return error_response(Error(Errc::kInvalidArgument, "status=open is the only status filter", name));
      open_only = true;
    } else if (name == "limit") {
      char* end = nullptr;
      const unsigned long n = std::strtoul(value.c_str(), &end, 10);
      if (value.empty() || *end != '\0' || n < 1 || n > 1000) {
        return error_response(Error(Errc::kInvalidArgument, "limit is a whole number from 1 to 1000", name));
      }
      limit = n;
    } else if (name == "cursor") {
      auto id = cad::parse_order_id(value, "cursor");
      if (!id) return error_response(id.error());
      after = *id;
    } else {
      return error_response(Error(Errc::kInvalidArgument, "orders are filtered by target, status, limit and cursor", name));
    }
  }
  return api.commands.read([&](const cad::State& state, std::uint64_t seq) {
    json items = json::array();
    std::string next;
    OrderId last;
    auto it = after.valid() ? state.orders.upper_bound(after) : state.orders.begin();
    for (; it != state.orders.end(); ++it) {
      const cad::Order& order = it->second;
      if (!target.empty() && order.target.id != target) continue;
      if (open_only && !cad::is_open(order.status)) continue;
      if (!api.policy.may_see(p, order, state)) continue;
      if (items.size() == limit) {
        next = to_string(last);
        break;
      }
      items.push_back(order_view(order));
      last = it->first;
    }
    json out = {{"seq", seq}, {"items", std::move(items)}};
    out["next"] = next.empty() ? json(nullptr) : json(next);
    return json_response(200, out);
  });
}

// The console's starting point: every open incident the caller may see, their calls and
// orders, calls still waiting to be attached, and the units in the caller's scope; `seq` is where the stream continues.
HttpResponse get_state(ApiServices& api, const HttpRequest&, const Principal& p) {
  return api.commands.read([&](const cad::State& state, std::uint64_t seq) {
    json incidents = json::array();
    json calls = json::array();
    json orders = json::array();
    for (const auto& [id, incident] : state.incidents) {
      if (!cad::is_open(incident.status) || !api.policy.may_see(p, incident, state)) continue;
      incidents.push_back(incident_view(incident, false));
      for (CallId c : incident.calls) {
        if (const cad::Call* call = state.find(c); call && api.policy.may_see(p, *call, state)) calls.push_back(call_view(*call));
      }
      for (OrderId o : incident.orders) {
        if (const cad::Order* order = state.find(o); order && api.policy.may_see(p, *order, state)) {
          orders.push_back(order_view(*order));
        }
      }
    }
    if (api.policy.city_wide(p) && p.role != Role::kUnitTerminal) {
      for (const auto& [id, call] : state.calls) {
        if (!call.incident.valid() && !call.dismissed_at) calls.push_back(call_view(call));
      }
    }
    json units = json::array();
    for (const auto& [id, unit] : state.units) {
      // A unit in danger shows on every console, as it does on the stream.
      const bool alarm = unit.emergency && p.role != Role::kUnitTerminal;
      if (!unit.retired && (alarm || api.policy.may_see(p, unit))) units.push_back(unit_view(unit));
    }
    // Directives the caller's stations have not acknowledged yet.
    json warnings = json::array();
    if (p.role != Role::kUnitTerminal) {
      for (const auto& [id, warning] : state.warnings) {
        if (!cad::is_acknowledged(warning) && api.policy.may_see(p, warning)) warnings.push_back(cad::warning_json(warning));
      }
    }
    // The quick-response circles' key sites and posts in service.
    json sites = json::array();
    json posts = json::array();
    if (p.role != Role::kUnitTerminal) {
      for (const auto& [id, site] : state.sites) {
        if (!site.retired) sites.push_back(cad::site_json(site));
      }
      for (const auto& [id, post] : state.posts) {
        if (!post.retired) posts.push_back(cad::post_json(post));
      }
    }
    const cad::DeadlinePolicy& d = api.deadlines;
    return json_response(200, {{"seq", seq},
                               {"scope", p.scope},
                               {"deadline_policy",
                                {{"sign_for_s", d.sign_for_s},
                                 {"arrival_s", d.arrival_s},
                                 {"feedback_s", d.feedback_s},
                                 {"pending_s", d.pending_s}}},
                               {"snapshot", {{"incidents", std::move(incidents)}, {"calls", std::move(calls)},
                                             {"orders", std::move(orders)}, {"units", std::move(units)},
                                             {"warnings", std::move(warnings)}, {"sites", std::move(sites)},
                                             {"posts", std::move(posts)}}}});
  });
}

}  // namespace

void add_record_routes(Router& router, ApiServices& api) {
  const auto bind = [&api](HttpResponse (*fn)(ApiServices&, const HttpRequest&, const Principal&)) {
    return authed(api, [&api, fn](const HttpRequest& r, const Principal& p) { return fn(api, r, p); });
  };
  router.add("GET", "/api/v1/state", bind(get_state));
  router.add("GET", "/api/v1/incidents", bind(search));
  router.add("GET", "/api/v1/incidents/{incident}", bind(get_incident));
  router.add("GET", "/api/v1/incidents/{incident}/involved", bind(get_involved));
  router.add("GET", "/api/v1/calls/{call}", bind(get_call));
  router.add("GET", "/api/v1/orders", bind(list_orders));
  router.add("GET", "/api/v1/orders/{order}", bind(get_order));
}

}  // namespace shouwang::server::api
