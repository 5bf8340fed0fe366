// Every domain command as a REST call. The URL names the record acted on (its id is bound
// into the command's body under the command's own field name) and the verb; the body holds
// the rest of the command (cad/command_json.h). The answer is the record after the
// command, with the sequence numbers of the events that recorded it.

#include <array>

#include <shouwang/cad/command_json.h>
#include <shouwang/cad/event_types.h>
#include <shouwang/cad/record_id.h>
#include <shouwang/cad/record_json.h>

#include "server/api/api_support.h"
#include "server/api/command_table.h"

namespace shouwang::server::api {

using cad::to_string;
using server::to_string;

namespace {

using nlohmann::json;

// The record the answer shows: new ones from the events, others from the command.
json answer_record(const CommandRoute& route, const cad::Command& command, const Outcome& outcome,
                   const cad::State& state) {
  json out;
  if (const auto* ack = std::get_if<cad::AcknowledgeWarning>(&command); route.answers == Answers::kWarning && ack) {
    if (const cad::Warning* w = state.find(ack->warning)) out["warning"] = cad::warning_json(*w);
    return out;
  }
  if (route.answers == Answers::kSite || route.answers == Answers::kPost) {
    std::visit(
        [&](const auto& c) {
          if constexpr (requires { c.site; }) {
            if (const cad::KeySite* site = state.find_site(c.site)) out["site"] = cad::site_json(*site);
          }
          if constexpr (requires { c.post; }) {
            if (const cad::Post* post = state.find_post(c.post)) out["post"] = cad::post_json(*post);
          }
        },
        command);
    return out;
  }
  if (route.answers == Answers::kUnit) {
    std::visit(
        [&](const auto& c) {
          if constexpr (requires { c.unit; }) {
            if (const cad::Unit* unit = state.find_unit(c.unit)) out["unit"] = unit_view(*unit);
          }
        },
        command);
    return out;
  }
  const auto first_entity_of = [&](std::string_view type) -> std::string {
    for (const auto& e : outcome.events) {
      if (e.body.type == type && !e.body.entities.empty()) return e.body.entities.back();
    }
    return {};
  };
  if (route.answers == Answers::kCall) {
    std::string id = first_entity_of(cad::event_type::kCallReceived);
    if (id.empty()) {
      std::visit(
          [&](const auto& c) {
            if constexpr (requires { c.call; }) id = to_string(c.call);
          },
          command);
    }
    if (const auto call_id = cad::parse_call_id(id); call_id.ok()) {
      if (const cad::Call* call = state.find(*call_id)) out["call"] = call_view(*call);
    }
  } else if (route.answers == Answers::kOrder) {
    json orders = json::array();
    for (const auto& e : outcome.events) {
      if (e.body.type != cad::event_type::kOrderIssued) continue;
      // The order's id among the entities (a registered unit's "unit/…" may follow it).
      for (const std::string& entity : e.body.entities) {
        if (const auto id = cad::parse_order_id(entity); id.ok()) {
          if (const cad::Order* order = state.find(*id)) orders.push_back(order_view(*order));
        }
      }
    }
    std::visit(
        [&](const auto& c) {
          if constexpr (requires { c.order; }) {
            if (const cad::Order* order = state.find(c.order)) out["order"] = order_view(*order);
          }
        },
        command);
    if (!orders.empty()) out["orders"] = std::move(orders);
  }
  // Every command concerns an incident; it is in every answer that knows it.
  IncidentId incident;
  if (const std::string created = first_entity_of(cad::event_type::kIncidentCreated); !created.empty()) {
    if (const auto id = cad::parse_incident_id(created); id.ok()) incident = *id;
  }
  if (!incident.valid()) {
    std::visit(
        [&](const auto& c) {
          if constexpr (requires { c.incident; }) incident = c.incident;
          if constexpr (requires { c.order; }) {
            if (const cad::Order* order = state.find(c.order)) incident = order->incident;
          }
        },
        command);
  }
  if (const cad::Incident* i = state.find(incident)) out["incident"] = incident_view(*i, false);
  return out;
}

HttpResponse run_command(ApiServices& api, const CommandRoute& route, const HttpRequest& request,
                         const Principal& principal) {
  auto body = json_body(request);
  if (!body) return error_response(body.error());
  for (const auto& [name, value] : request.params) {
    if (body->contains(name)) {
      return error_response(Error(Errc::kInvalidArgument, name + " is given by the URL and must not be in the body", name));
    }
    if (name == route.numeric_param) {
      char* end = nullptr;
      const long long number = std::strtoll(value.c_str(), &end, 10);
      if (end == value.c_str() || *end != '\0') {
        return error_response(Error(Errc::kInvalidArgument, name + " in the URL must be a whole number", name));
      }
      (*body)[name] = number;
    } else {
      (*body)[name] = value;
    }
  }
  const UtcTime now = api.commands.clock().now();
  auto command = cad::decode_command_json(route.command, *body, now);
  if (!command) return error_response(command.error());
  const store::Actor actor = principal.actor();
  const auto guard = [&](const cad::State& state) { return api.policy.may_issue(principal, *command, state); };
  auto outcome = api.commands.execute(*command, actor, guard);
  if (!outcome) return error_response(outcome.error());

  json answer = api.commands.read([&](const cad::State& state, std::uint64_t) {
    return answer_record(route, *command, *outcome, state);
  });
  answer["seq"] = outcome->last_seq;
  json events = json::array();
  for (const auto& e : outcome->events) {
    events.push_back({{"seq", e.seq}, {"type", e.body.type}, {"entities", e.body.entities}});
  }
  answer["events"] = std::move(events);
  return json_response(route.creates ? 201 : 200, answer);
}

}  // namespace

void add_command_routes(Router& router, ApiServices& api) {
  for (const CommandRoute& route : command_routes()) {
    router.add("POST", std::string(route.pattern),
               authed(api, [&api, &route](const HttpRequest& request, const Principal& principal) {
                 return run_command(api, route, request, principal);
               }));
  }
}

}  // namespace shouwang::server::api
