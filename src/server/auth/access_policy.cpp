#include <shouwang/server/access_policy.h>

#include <algorithm>
#include <array>
#include <set>
#include <type_traits>

#include <shouwang/cad/record_id.h>

namespace shouwang::server {

using cad::to_string;

namespace {

using Names = std::set<std::string_view>;

// Commands a unit terminal may issue, and only for its own orders (and notes on their
// incidents).
const Names kUnitSteps = {"acknowledge_order", "sign_for", "en_route",      "arrive",
                          "give_feedback",     "complete_order", "return_order"};

// What a unit's own terminal reports about the unit.
const Names kUnitSelf = {"start_shift", "end_shift", "set_unit_status", "raise_emergency"};

// The roster: what a unit is, and the registry of key sites and posts. Administrators,
// dispatchers and commanders keep it.
const Names kRoster = {"register_unit", "update_unit",   "retire_unit", "register_site", "update_site",
                       "retire_site",   "register_post", "update_post", "retire_post"};

// Duty and status of a station's units, which its officers report too; clearing an
// emergency is a dispatcher's, commander's or the station's call, never the terminal's.
const Names kUnitDuty = {"start_shift", "end_shift", "set_unit_status", "raise_emergency", "clear_emergency"};

const Names kCallTaking = {"receive_call",   "dismiss_call",      "create_incident",        "merge_call",
                           "accept_incident", "set_type",          "set_priority",           "add_location_candidate",
                           "confirm_location", "add_caution",      "add_note",               "add_person",
                           "add_vehicle",     "verify_field",      "cancel_incident",        "link_incidents",
                           "merge_incident",  "transfer_incident", "assign_station"};

// A station officer handles the station's orders and its units' (split from them), and the
// station's incidents up to a closed scene.
const Names kStationWork = {"split_order",     "acknowledge_order", "sign_for",     "en_route",
                            "arrive",          "give_feedback",     "complete_order", "return_order",
                            "cancel_order",    "add_note",          "add_caution",  "add_person",
                            "add_vehicle",     "verify_field",      "add_location_candidate",
                            "set_disposition", "close_scene",       "acknowledge_warning"};

// The incidents a command acts on (none for commands that create one).
std::vector<const cad::Incident*> incidents_of(const cad::Command& command, const cad::State& state) {
  std::vector<const cad::Incident*> out;
  const auto add = [&](IncidentId id) {
    if (const cad::Incident* i = state.find(id)) out.push_back(i);
  };
  const auto add_order = [&](OrderId id) {
    if (const cad::Order* o = state.find(id)) add(o->incident);
  };
  std::visit(
      [&](const auto& c) {
        using C = std::decay_t<decltype(c)>;
        if constexpr (requires { c.incident; }) add(c.incident);
        if constexpr (requires { c.into; }) add(c.into);
        if constexpr (requires { c.other; }) add(c.other);
        if constexpr (requires { c.order; }) add_order(c.order);
        if constexpr (std::is_same_v<C, cad::DismissCall>) {
          if (const cad::Call* call = state.find(c.call)) add(call->incident);
        }
        if constexpr (std::is_same_v<C, cad::CreateIncident> || std::is_same_v<C, cad::MergeCall>) {
          if (const cad::Call* call = state.find(c.call)) add(call->incident);
        }
      },
      command);
  return out;
}

const cad::Order* order_of(const cad::Command& command, const cad::State& state) {
  return std::visit(
      [&](const auto& c) -> const cad::Order* {
        if constexpr (requires { c.order; }) return state.find(c.order);
        return nullptr;
      },
      command);
}

bool targets_unit(const cad::Order& order, std::string_view unit) {
  return order.target.kind == cad::TargetKind::kUnit && order.target.id == unit;
}

// The unit a unit command acts on ("" for other commands).
std::string_view unit_of(const cad::Command& command) {
  return std::visit(
      [](const auto& c) -> std::string_view {
        if constexpr (requires { c.unit; }) return c.unit;
        return {};
      },
      command);
}

// The stations a unit command touches: the unit's, and a new profile's.
std::vector<std::string> stations_of(const cad::Command& command, const cad::State& state) {
  std::vector<std::string> out;
  if (const cad::Unit* unit = state.find_unit(unit_of(command))) out.push_back(unit->profile.station);
  std::visit(
      [&](const auto& c) {
        if constexpr (requires { c.profile; }) out.push_back(c.profile.station);
      },
      command);
  return out;
}

Error denied(const std::string& why) { return Error(Errc::kPermissionDenied, why); }

}  // namespace

store::Actor Principal::actor() const { return {username, std::string(to_string(role)), workstation}; }

std::string Principal::scope_key() const {
  return std::string(to_string(role)) + "|" + scope + "|" + unit;
}

bool role_may_issue(Role role, std::string_view command) {
  switch (role) {
    case Role::kDispatcher:
    case Role::kCommander:
      return true;
    case Role::kCallTaker:
      return kCallTaking.contains(command);
    case Role::kStationOfficer:
      return kStationWork.contains(command) || kUnitDuty.contains(command);
    case Role::kUnitTerminal:
      return kUnitSteps.contains(command) || kUnitSelf.contains(command) || command == "add_note";
    case Role::kAdmin:
      return kRoster.contains(command);
    case Role::kAnalyst:
      return false;
  }
  return false;
}

bool AccessPolicy::station_in_scope(const Principal& p, std::string_view station) const {
  return !station.empty() && org_->is_within(station, p.scope);
}

bool AccessPolicy::may_see(const Principal& p, const cad::Incident& incident, const cad::State& state) const {
  if (p.role == Role::kUnitTerminal) {
    return std::any_of(incident.orders.begin(), incident.orders.end(), [&](OrderId id) {
      const cad::Order* o = state.find(id);
      return o != nullptr && targets_unit(*o, p.unit);
    });
  }
  if (city_wide(p)) return true;
  if (station_in_scope(p, incident.station)) return true;
  return std::any_of(incident.orders.begin(), incident.orders.end(), [&](OrderId id) {
    const cad::Order* o = state.find(id);
    return o != nullptr && o->target.kind == cad::TargetKind::kStation && station_in_scope(p, o->target.id);
  });
}

bool AccessPolicy::may_see(const Principal& p, const cad::Order& order, const cad::State& state) const {
  if (p.role == Role::kUnitTerminal) return targets_unit(order, p.unit);
  const cad::Incident* incident = state.find(order.incident);
  return incident != nullptr && may_see(p, *incident, state);
}

bool AccessPolicy::may_see(const Principal& p, const cad::Call& call, const cad::State& state) const {
  if (p.role == Role::kUnitTerminal) return false;  // callers' numbers are not a terminal's business
  if (city_wide(p)) return true;
  const cad::Incident* incident = state.find(call.incident);
  return incident != nullptr && may_see(p, *incident, state);
}

bool AccessPolicy::may_see(const Principal& p, const cad::Warning& warning) const {
  if (p.role == Role::kUnitTerminal) return false;
  return city_wide(p) || station_in_scope(p, warning.subject.area);
}

bool AccessPolicy::may_see(const Principal& p, const cad::Unit& unit) const {
  return may_see_unit(p, unit.id, unit.profile.station);
}

bool AccessPolicy::may_see_unit(const Principal& p, std::string_view unit, std::string_view station) const {
  if (p.role == Role::kUnitTerminal) return unit == p.unit;
  return city_wide(p) || station_in_scope(p, station);
}

Status AccessPolicy::may_issue(const Principal& p, const cad::Command& command, const cad::State& state) const {
  const std::string_view name = cad::command_name(command);
  if (!role_may_issue(p.role, name)) {
    return denied("a " + std::string(to_string(p.role)) + " may not " + std::string(name));
  }
  if (p.role == Role::kUnitTerminal) {
    if (const cad::Order* order = order_of(command, state); order != nullptr && !targets_unit(*order, p.unit)) {
      return denied("order " + to_string(order->id) + " is not addressed to unit " + p.unit);
    }
    if (const auto unit = unit_of(command); !unit.empty() && unit != p.unit) {
      return denied("a unit terminal reports for its own unit " + p.unit + " only");
    }
  }
  if (!unit_of(command).empty() && p.role != Role::kUnitTerminal) {
    for (const std::string& station : stations_of(command, state)) {
      if (!org_->contains(station))
        return Error(Errc::kNotFound, "there is no station " + station + " in the organisation", "profile.station");
      if (!city_wide(p) && !station_in_scope(p, station))
        return denied("station " + station + " is outside " + p.username + "'s scope " + p.scope);
    }
  }
  // A key site or post names its station, which must exist; the registered record's station
  // and a new profile's must both be within the caller's scope.
  std::vector<std::string> registry_stations;
  std::visit(
      [&](const auto& c) {
        if constexpr (requires { c.site; }) {
          if (const cad::KeySite* site = state.find_site(c.site)) registry_stations.push_back(site->profile.station);
        }
        if constexpr (requires { c.post; }) {
          if (const cad::Post* post = state.find_post(c.post)) registry_stations.push_back(post->profile.station);
        }
        if constexpr (requires { c.profile.tier_s; } || requires { c.profile.kind; }) {
          registry_stations.push_back(c.profile.station);
        }
      },
      command);
  for (const std::string& station : registry_stations) {
    if (!org_->contains(station))
      return Error(Errc::kNotFound, "there is no station " + station + " in the organisation", "profile.station");
    if (!city_wide(p) && !station_in_scope(p, station))
      return denied("station " + station + " is outside " + p.username + "'s scope " + p.scope);
  }
  // New calls and incidents start at the centre.
  const bool creates = std::holds_alternative<cad::ReceiveCall>(command) ||
                       (std::holds_alternative<cad::CreateIncident>(command) &&
                        !std::get<cad::CreateIncident>(command).call.valid());
  if (creates && !city_wide(p) && p.role != Role::kUnitTerminal) {
    return denied("only the city centre's seats take calls and open incidents");
  }
  const CallId call = std::visit(
      [](const auto& c) -> CallId {
        if constexpr (requires { c.call; }) return c.call;
        return CallId();
      },
      command);
  if (const cad::Call* found = state.find(call); found != nullptr && !may_see(p, *found, state)) {
    return denied("call " + to_string(found->id) + " is outside " + p.username + "'s scope " + p.scope);
  }
  for (const cad::Incident* incident : incidents_of(command, state)) {
    if (!may_see(p, *incident, state)) {
      return denied("incident " + to_string(incident->id) + " is outside " + p.username + "'s scope " + p.scope);
    }
  }
  if (const auto* ack = std::get_if<cad::AcknowledgeWarning>(&command); ack != nullptr) {
    if (const cad::Warning* w = state.find(ack->warning); w != nullptr && !may_see(p, *w)) {
      return denied("warning " + to_string(w->id) + " is about " + w->subject.area + ", outside " + p.username +
                    "'s scope " + p.scope);
    }
  }
  if (const auto* assign = std::get_if<cad::AssignStation>(&command); assign != nullptr) {
    if (!org_->contains(assign->station)) {
      return Error(Errc::kNotFound, "there is no station " + assign->station + " in the organisation", "station");
    }
    if (!city_wide(p) && !station_in_scope(p, assign->station)) {
      return denied("station " + assign->station + " is outside " + p.username + "'s scope " + p.scope);
    }
  }
  return {};
}

bool AccessPolicy::may_read_involved(const Principal& p) {
  switch (p.role) {
    case Role::kCallTaker:
    case Role::kDispatcher:
    case Role::kCommander:
    case Role::kStationOfficer:
    case Role::kAnalyst:
    case Role::kUnitTerminal:
      return true;
    case Role::kAdmin:
      return false;
  }
  return false;
}

}  // namespace shouwang::server
