#pragma once
// Who may see and do what (design.md §6): a user's role decides which commands they may
// issue, and their org scope (city → sub-bureau → station) which incidents, calls and
// orders they may see and act on. Every read, write and stream event goes through here.
//
// Seeing an incident: a user whose scope is the city sees everything; otherwise the
// incident's responsible station must lie within the user's scope, or one of its orders
// must be addressed to a station within it. A unit terminal sees exactly the incidents
// with an order to its own unit, and of their orders only its own. An incident with no
// station yet is the city centre's alone. Calls follow their incident; a call not yet
// attached is the city centre's. Units belong to their station: unit commands need the
// unit's station (and a new profile's) within the scope, and a unit terminal reports
// duty, status and emergencies for its own unit only.

#include <string>
#include <string_view>

#include <shouwang/base/result.h>
#include <shouwang/cad/commands.h>
#include <shouwang/cad/state.h>
#include <shouwang/server/roles.h>
#include <shouwang/store/event.h>

namespace shouwang::server {

// The authenticated caller of a request.
struct Principal {
  std::string username;
  Role role = Role::kAnalyst;
  std::string scope;  // org code
  std::string unit;   // unit terminals: the unit's callsign
  std::string session_id;
  std::string workstation;  // X-Workstation header: which console or terminal
  [[nodiscard]] store::Actor actor() const;
  // Subscribers with equal keys see the same things (the stream renders once per key).
  [[nodiscard]] std::string scope_key() const;
};

// The organisation tree, as the policy needs it.
class OrgTree {
 public:
  virtual ~OrgTree() = default;
  [[nodiscard]] virtual std::string root() const = 0;
  [[nodiscard]] virtual bool contains(std::string_view code) const = 0;
  // A unit is within itself; the root contains every unit.
  [[nodiscard]] virtual bool is_within(std::string_view code, std::string_view ancestor) const = 0;
};

class AccessPolicy {
 public:
  explicit AccessPolicy(const OrgTree& org) : org_(&org) {}

  [[nodiscard]] bool city_wide(const Principal& p) const { return p.scope == org_->root(); }
  [[nodiscard]] bool may_see(const Principal& p, const cad::Incident& incident, const cad::State& state) const;
  [[nodiscard]] bool may_see(const Principal& p, const cad::Order& order, const cad::State& state) const;
  [[nodiscard]] bool may_see(const Principal& p, const cad::Call& call, const cad::State& state) const;
  // An early-warning directive: the city sees all, a scope those about its areas.
  [[nodiscard]] bool may_see(const Principal& p, const cad::Warning& warning) const;
  // A unit: the city sees all, a scope the units of its stations, a terminal its own.
  [[nodiscard]] bool may_see(const Principal& p, const cad::Unit& unit) const;
  // The same rule for a unit known by its code and station (its live position).
  [[nodiscard]] bool may_see_unit(const Principal& p, std::string_view unit, std::string_view station) const;

  // kPermissionDenied naming why, when the role may not issue the command at all or the
  // entities it names are outside the caller's scope. Unknown ids pass, so that decide()
  // reports them as not found (404), while an existing record outside the scope is 403.
  [[nodiscard]] Status may_issue(const Principal& p, const cad::Command& command, const cad::State& state) const;

  // Sensitive details (persons' and vehicles' fields) need a reason and one of these roles.
  [[nodiscard]] static bool may_read_involved(const Principal& p);
  // Reads of the whole centre's figures and accounts.
  [[nodiscard]] static bool may_manage_users(const Principal& p) { return p.role == Role::kAdmin; }
  [[nodiscard]] static bool may_read_operations(const Principal& p) {
    return p.role == Role::kAdmin || p.role == Role::kCommander;
  }
  [[nodiscard]] const OrgTree& org() const { return *org_; }

 private:
  [[nodiscard]] bool station_in_scope(const Principal& p, std::string_view station) const;
  const OrgTree* org_;
};

// Whether a role may ever issue the named command (the scope is checked separately).
bool role_may_issue(Role role, std::string_view command);

}  // namespace shouwang::server
