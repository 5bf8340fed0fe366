#pragma once
// The domain state: the projection of the event log onto calls, incidents, orders, units
// early-warning directives, and the key sites and posts of the quick-response circles.
// Changed only by apply() (apply.h); decide() reads it. Plain values: copying a State
// copies everything, and two States compare equal exactly when they hold the same facts.
// Not thread-safe; the owner serialises access.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include <shouwang/base/ids.h>
#include <shouwang/cad/call.h>
#include <shouwang/cad/incident.h>
#include <shouwang/cad/key_site.h>
#include <shouwang/cad/order.h>
#include <shouwang/cad/unit.h>
#include <shouwang/cad/warning.h>

namespace shouwang::cad {

struct State {
  std::map<CallId, Call> calls;
  std::map<IncidentId, Incident> incidents;
  std::map<OrderId, Order> orders;
  std::map<std::string, Unit, std::less<>> units;  // by callsign
  std::map<WarningId, Warning> warnings;
  std::map<std::string, KeySite, std::less<>> sites;  // by code
  std::map<std::string, Post, std::less<>> posts;     // by code
  std::uint64_t events_applied = 0;  // how many events built this state

  // nullptr when absent.
  [[nodiscard]] const Call* find(CallId id) const;
  [[nodiscard]] const Incident* find(IncidentId id) const;
  [[nodiscard]] const Order* find(OrderId id) const;
  [[nodiscard]] const Warning* find(WarningId id) const;
  [[nodiscard]] Call* find(CallId id);
  [[nodiscard]] Incident* find(IncidentId id);
  [[nodiscard]] Order* find(OrderId id);
  [[nodiscard]] Warning* find(WarningId id);
  [[nodiscard]] const Unit* find_unit(std::string_view id) const;
  [[nodiscard]] Unit* find_unit(std::string_view id);
  [[nodiscard]] const KeySite* find_site(std::string_view id) const;
  [[nodiscard]] KeySite* find_site(std::string_view id);
  [[nodiscard]] const Post* find_post(std::string_view id) const;
  [[nodiscard]] Post* find_post(std::string_view id);

  friend bool operator==(const State&, const State&) = default;
};

}  // namespace shouwang::cad
