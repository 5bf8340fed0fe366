#pragma once
// A dispatch order (派警单): an instruction to a station, unit, officer or vehicle to handle
// an incident. A station that signed for an order may split it into child orders for its
// own units and officers (扁平化: dispatch reaches the smallest unit). A returned order
// (退单) may be reissued once, to another target.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <shouwang/base/clock.h>
#include <shouwang/base/ids.h>
#include <shouwang/cad/missed_deadline.h>
#include <shouwang/cad/order_status.h>
#include <shouwang/cad/status_change.h>

namespace shouwang::cad {

enum class TargetKind : std::uint8_t { kStation, kUnit, kOfficer, kVehicle };
std::string_view to_string(TargetKind kind);
std::optional<TargetKind> parse_target_kind(std::string_view name);

struct OrderTarget {
  TargetKind kind = TargetKind::kUnit;
  std::string id;    // station code, unit callsign, officer badge number or plate
  std::string name;  // for display, may be empty
  friend bool operator==(const OrderTarget&, const OrderTarget&) = default;
};

// The order's own clock: every step it went through, first occurrence.
struct OrderTimes {
  UtcTime issued;
  std::optional<UtcTime> received;    // the target's terminal confirmed delivery
  std::optional<UtcTime> signed_for;  // a person accepted it (签收)
  std::optional<UtcTime> en_route;
  std::optional<UtcTime> arrived;
  std::optional<UtcTime> feedback;  // first feedback
  std::optional<UtcTime> done;
  std::optional<UtcTime> cancelled;
  std::optional<UtcTime> returned;
  friend bool operator==(const OrderTimes&, const OrderTimes&) = default;
};

struct FeedbackEntry {
  std::string text;
  UtcTime at;
  std::string by;
  friend bool operator==(const FeedbackEntry&, const FeedbackEntry&) = default;
};

struct Order {
  OrderId id;
  IncidentId incident;
  OrderId parent;                 // valid for a child order split from a station's order
  std::vector<OrderId> children;  // in the order issued
  OrderTarget target;
  std::string instructions;
  OrderStatus status = OrderStatus::kIssued;
  OrderId reissue_of;   // the returned order this one replaces
  OrderId reissued_as;  // for a returned order: its replacement
  std::string issued_by;
  std::string signed_by;
  std::string end_reason;  // why it was cancelled, returned or cleared
  std::vector<std::string> bypassed;  // better-ranked units the dispatcher passed over
  std::string bypass_reason;          // and why
  OrderTimes times;
  std::vector<FeedbackEntry> feedback;
  std::vector<StatusChange<OrderStatus>> history;
  std::string arrival_source;          // how arrival became known: terminal, gps, dispatcher
  std::vector<MissedDeadline> missed;  // sign-for, arrival, feedback deadlines it missed
  friend bool operator==(const Order&, const Order&) = default;
};

}  // namespace shouwang::cad
