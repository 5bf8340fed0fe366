#pragma once
// The dispatch-order (派警单) lifecycle as an explicit state machine.
//
//   issued ─▶ signed_for ─▶ en_route ─▶ arrived ─▶ feedback ─▶ done
//   已下达     已签收          在途         已到达      已反馈       已完成
//     │          │  │           │  │         │           ▲ │
//     │          │  └───────────┼──┴─────────┴───────────┘ └─ feedback (more feedback)
//     ├──────────┴──────────────┴─▶ cancelled (with reason)
//     └──────────┴─▶ returned 退单 (with reason; may be reissued to another target)
//
// Feedback may come before arrival (a case settled by telephone, a station reporting for
// its officers). Closing, cancelling, transferring or merging the incident, or cancelling
// a parent order, ends every open order: one that has not arrived is cancelled, one that
// has arrived is done (cleared). order_transitions() is the complete table.

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace shouwang::cad {

enum class OrderStatus : std::uint8_t {
  kIssued,     // 已下达
  kSignedFor,  // 已签收
  kEnRoute,    // 在途 (出警)
  kArrived,    // 已到达
  kFeedback,   // 已反馈
  kDone,       // 已完成
  kCancelled,  // 已撤销
  kReturned,   // 已退单
};

std::string_view to_string(OrderStatus status);  // "signed_for"
std::string_view zh_name(OrderStatus status);    // "已签收"
std::optional<OrderStatus> parse_order_status(std::string_view name);

struct OrderTransition {
  OrderStatus from;
  OrderStatus to;
  std::string_view trigger;
};

std::span<const OrderTransition> order_transitions();
bool order_transition_allowed(OrderStatus from, OrderStatus to);

// Issued .. feedback: the target still owes work.
bool is_open(OrderStatus status);

// The status an open order ends in when its incident closes or its parent is cancelled:
// cancelled before arrival, done (cleared) after it.
OrderStatus cleared_status(OrderStatus status);

}  // namespace shouwang::cad
