#include <shouwang/server/live_changes.h>

#include <set>

#include <nlohmann/json.hpp>

#include <shouwang/cad/event_types.h>
#include <shouwang/cad/record_id.h>
#include <shouwang/cad/record_json.h>

#include "server/api/api_support.h"

namespace shouwang::server {
namespace {

using nlohmann::json;

// The touched records and what a scope needs to judge them: every order of a touched
// incident (visibility follows orders) in a small State of its own.
struct ChangeData {
  std::uint64_t first_seq = 0;
  std::uint64_t last_seq = 0;
  std::vector<store::Event> events;  // domain events only, payloads dropped
  std::vector<IncidentId> incidents;
  std::vector<CallId> calls;
  std::vector<OrderId> orders;
  std::vector<std::string> units;
  std::vector<WarningId> warnings;
  std::vector<std::string> sites;
  std::vector<std::string> posts;
  cad::State records;
};

template <typename Id>
void add_unique(std::vector<Id>& ids, Id id) {
  if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
}

}  // namespace

Change make_change(const Committed& committed, const cad::State& durable) {
  auto data = std::make_shared<ChangeData>();
  data->first_seq = committed.first_seq;
  data->last_seq = committed.last_seq;
  for (const auto& event : committed.events) {
    if (!cad::event_type::is_domain_event(event.body.type)) continue;
    store::Event light = event;
    light.body.payload.clear();
    data->events.push_back(std::move(light));
    for (const auto& entity : event.body.entities) {
      if (auto id = cad::parse_incident_id(entity); id.ok()) add_unique(data->incidents, *id);
      else if (auto cid = cad::parse_call_id(entity); cid.ok()) add_unique(data->calls, *cid);
      else if (auto oid = cad::parse_order_id(entity); oid.ok()) add_unique(data->orders, *oid);
      else if (auto wid = cad::parse_warning_id(entity); wid.ok()) add_unique(data->warnings, *wid);
      else if (entity.starts_with(cad::event_type::kUnitEntityPrefix))
        add_unique(data->units, entity.substr(cad::event_type::kUnitEntityPrefix.size()));
      else if (entity.starts_with(cad::event_type::kSiteEntityPrefix))
        add_unique(data->sites, entity.substr(cad::event_type::kSiteEntityPrefix.size()));
      else if (entity.starts_with(cad::event_type::kPostEntityPrefix))
        add_unique(data->posts, entity.substr(cad::event_type::kPostEntityPrefix.size()));
    }
  }
  // Orders and calls bring their incident along; incidents bring all their orders.
  for (OrderId o : data->orders) {
    if (const cad::Order* order = durable.find(o)) add_unique(data->incidents, order->incident);
  }
  for (CallId c : data->calls) {
    if (const cad::Call* call = durable.find(c)) {
      data->records.calls.emplace(c, *call);
      if (call->incident.valid()) add_unique(data->incidents, call->incident);
    }
  }
  for (IncidentId i : data->incidents) {
    const cad::Incident* incident = durable.find(i);
    if (incident == nullptr) continue;
    data->records.incidents.emplace(i, *incident);
    for (OrderId o : incident->orders) {
      if (const cad::Order* order = durable.find(o)) data->records.orders.emplace(o, *order);
    }
  }
  for (const std::string& u : data->units) {
    if (const cad::Unit* unit = durable.find_unit(u)) data->records.units.emplace(u, *unit);
  }
  for (WarningId w : data->warnings) {
    if (const cad::Warning* warning = durable.find(w)) data->records.warnings.emplace(w, *warning);
  }
  for (const std::string& id : data->sites) {
    if (const cad::KeySite* site = durable.find_site(id)) data->records.sites.emplace(id, *site);
  }
  for (const std::string& id : data->posts) {
    if (const cad::Post* post = durable.find_post(id)) data->records.posts.emplace(id, *post);
  }
  Change change;
  change.seq = committed.last_seq;
  change.data = std::move(data);
  return change;
}

std::optional<Principal> LiveRenderer::principal(const std::string& scope_key) const {
  std::lock_guard lock(mutex_);
  const auto it = principals_.find(scope_key);
  if (it == principals_.end()) return std::nullopt;
  return it->second;
}

void LiveRenderer::remember(const Principal& principal) {
  std::lock_guard lock(mutex_);
  principals_.emplace(principal.scope_key(), principal);
}

std::optional<std::string> LiveRenderer::render(const Change& change, const std::string& scope_key) const {
  Principal principal;
  {
    std::lock_guard lock(mutex_);
    const auto it = principals_.find(scope_key);
    if (it == principals_.end()) return std::nullopt;
    principal = it->second;
  }
  const auto& data = *static_cast<const ChangeData*>(change.data.get());
  const cad::State& records = data.records;
  std::set<std::string> visible;
  json incidents = json::array();
  json calls = json::array();
  json orders = json::array();
  for (IncidentId id : data.incidents) {
    const cad::Incident* incident = records.find(id);
    if (incident == nullptr || !policy_->may_see(principal, *incident, records)) continue;
    incidents.push_back(api::incident_view(*incident, /*involved_details=*/false));
    visible.insert(cad::to_string(id));
  }
  for (CallId id : data.calls) {
    const cad::Call* call = records.find(id);
    if (call == nullptr || !policy_->may_see(principal, *call, records)) continue;
    calls.push_back(cad::call_json(*call));
    visible.insert(cad::to_string(id));
  }
  for (const auto& [id, order] : records.orders) {
    if (!policy_->may_see(principal, order, records)) continue;
    orders.push_back(cad::order_json(order));
    visible.insert(cad::to_string(id));
  }
  // An officer-in-danger alarm (raised or cleared) reaches every console, whatever its
  // scope: the nearest help may well come from another station.
  const auto alarm = [&](const std::string& unit) {
    if (principal.role == Role::kUnitTerminal) return false;
    const std::string entity = std::string(cad::event_type::kUnitEntityPrefix) + unit;
    return std::any_of(data.events.begin(), data.events.end(), [&](const store::Event& e) {
      return (e.body.type == cad::event_type::kUnitEmergencyRaised ||
              e.body.type == cad::event_type::kUnitEmergencyCleared) &&
             std::find(e.body.entities.begin(), e.body.entities.end(), entity) != e.body.entities.end();
    });
  };
  json units = json::array();
  for (const auto& [id, unit] : records.units) {
    if (!policy_->may_see(principal, unit) && !alarm(id)) continue;
    units.push_back(api::unit_view(unit));
    visible.insert(std::string(cad::event_type::kUnitEntityPrefix) + id);
  }
  json warnings = json::array();
  for (const auto& [id, warning] : records.warnings) {
    if (principal.role == Role::kUnitTerminal || !policy_->may_see(principal, warning)) continue;
    warnings.push_back(cad::warning_json(warning));
    visible.insert(cad::to_string(id));
  }
  // Key sites and posts are the whole centre's business (the move-ups cross stations);
  // terminals do not see them.
  json sites = json::array();
  json posts = json::array();
  if (principal.role != Role::kUnitTerminal) {
    for (const auto& [id, site] : records.sites) {
      sites.push_back(cad::site_json(site));
      visible.insert(std::string(cad::event_type::kSiteEntityPrefix) + id);
    }
    for (const auto& [id, post] : records.posts) {
      posts.push_back(cad::post_json(post));
      visible.insert(std::string(cad::event_type::kPostEntityPrefix) + id);
    }
  }
  json events = json::array();
  for (const auto& e : data.events) {
    const bool seen = std::any_of(e.body.entities.begin(), e.body.entities.end(),
                                  [&](const std::string& entity) { return visible.contains(entity); });
    if (!seen) continue;
    events.push_back({{"seq", e.seq},
                      {"type", e.body.type},
                      {"entities", e.body.entities},
                      {"time", e.body.time.to_iso8601()},
                      {"by", e.body.actor.user}});
  }
  if (events.empty()) return std::nullopt;
  // The hub writes "type", "n" and "seq" in front of these members.
  const json out = {{"first_seq", data.first_seq}, {"events", std::move(events)},
                    {"incidents", std::move(incidents)}, {"calls", std::move(calls)}, {"orders", std::move(orders)},
                    {"units", std::move(units)}, {"warnings", std::move(warnings)},
                    {"sites", std::move(sites)}, {"posts", std::move(posts)}};
  return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace shouwang::server
