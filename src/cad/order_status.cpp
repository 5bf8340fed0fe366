#include <array>

#include <shouwang/cad/order_status.h>

#include "cad/enum_names.h"

namespace shouwang::cad {
namespace {

using S = OrderStatus;

constexpr std::array<EnumName<S>, 8> kNames{{
    {S::kIssued, "issued"},
    {S::kSignedFor, "signed_for"},
    {S::kEnRoute, "en_route"},
    {S::kArrived, "arrived"},
    {S::kFeedback, "feedback"},
    {S::kDone, "done"},
    {S::kCancelled, "cancelled"},
    {S::kReturned, "returned"},
}};

constexpr std::array<EnumName<S>, 8> kZhNames{{
    {S::kIssued, "已下达"},
    {S::kSignedFor, "已签收"},
    {S::kEnRoute, "在途"},
    {S::kArrived, "已到达"},
    {S::kFeedback, "已反馈"},
    {S::kDone, "已完成"},
    {S::kCancelled, "已撤销"},
    {S::kReturned, "已退单"},
}};

constexpr OrderTransition kTransitions[] = {
    {S::kIssued, S::kSignedFor, "sign_for"},
    {S::kIssued, S::kCancelled, "cancel_order, or the incident / parent order closed"},
    {S::kIssued, S::kReturned, "return_order"},

    {S::kSignedFor, S::kEnRoute, "en_route"},
    {S::kSignedFor, S::kFeedback, "give_feedback (settled without going out)"},
    {S::kSignedFor, S::kCancelled, "cancel_order, or the incident / parent order closed"},
    {S::kSignedFor, S::kReturned, "return_order"},

    {S::kEnRoute, S::kArrived, "arrive"},
    {S::kEnRoute, S::kFeedback, "give_feedback (settled before arrival)"},
    {S::kEnRoute, S::kCancelled, "cancel_order (recalled), or the incident / parent order closed"},

    {S::kArrived, S::kFeedback, "give_feedback"},
    {S::kArrived, S::kDone, "the incident / parent order closed (unit cleared)"},

    {S::kFeedback, S::kFeedback, "give_feedback (further feedback)"},
    {S::kFeedback, S::kDone, "complete_order, or the incident / parent order closed"},
};

}  // namespace

std::string_view to_string(OrderStatus status) {
  return name_in<S>(kNames, status);
}

std::string_view zh_name(OrderStatus status) {
  return name_in<S>(kZhNames, status);
}

std::optional<OrderStatus> parse_order_status(std::string_view name) {
  return value_in<S>(kNames, name);
}

std::span<const OrderTransition> order_transitions() {
  return kTransitions;
}

bool order_transition_allowed(OrderStatus from, OrderStatus to) {
  for (const auto& t : kTransitions) {
    if (t.from == from && t.to == to)
      return true;
  }
  return false;
}

bool is_open(OrderStatus status) {
  return status <= S::kFeedback;
}

OrderStatus cleared_status(OrderStatus status) {
  return status == S::kArrived || status == S::kFeedback ? S::kDone : S::kCancelled;
}

}  // namespace shouwang::cad
