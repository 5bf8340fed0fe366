#pragma once
// What the simulation takes from the server's state and stream messages: the orders (to
// whom, how far along) and the incidents they are for (where, what type, how urgent).
// Records, not events: a record seen again replaces what was known.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <shouwang/base/geo.h>

namespace shouwang::sim {

struct OrderNews {
  std::string id;                   // "310100-20261122-D000017"
  std::string incident;             // its incident's id
  std::string target_kind;          // "unit", "station", ...
  std::string target;               // callsign for a unit
  std::string status;               // "issued" ... "done", "cancelled", "returned"
  [[nodiscard]] bool open() const;  // issued to feedback
};

struct IncidentNews {
  std::string id;
  std::string status;
  std::string type_code;
  int priority = 3;
  std::optional<LatLon> position;  // the confirmed candidate's, else the latest with one
  std::string station;
};

struct FeedNews {
  std::vector<OrderNews> orders;
  std::vector<IncidentNews> incidents;
  bool snapshot = false;  // from a state load: everything open is listed
};

// One order record (as in a command's answer, {order: {...}}); nullopt when it lacks its id
// or status.
std::optional<OrderNews> read_order(const nlohmann::json& order);

// The records of a state answer ({seq, snapshot: {orders, incidents}}) or of a change
// message ({orders, incidents}). Records that lack a member are skipped, never thrown at.
FeedNews read_feed(const nlohmann::json& message, bool snapshot);

}  // namespace shouwang::sim
