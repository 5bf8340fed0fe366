#include <shouwang/cad/deadlines.h>

#include <algorithm>
#include <array>

#include "cad/enum_names.h"

namespace shouwang::cad {
namespace {

using K = DeadlineKind;

constexpr std::array<EnumName<K>, 4> kNames{{
    {K::kSignFor, "sign_for"},
    {K::kArrival, "arrival"},
    {K::kFeedback, "feedback"},
    {K::kPending, "pending"},
}};

bool already_missed(const std::vector<MissedDeadline>& missed, DeadlineKind kind) {
  return std::any_of(missed.begin(), missed.end(), [&](const MissedDeadline& m) { return m.kind == kind; });
}

UtcTime after(UtcTime start, std::int64_t seconds) {
  return start.plus_micros(seconds * 1'000'000);
}

// A station's order is done by its children; only orders to someone who goes out arrive.
bool goes_out(const Order& order) {
  return order.target.kind != TargetKind::kStation;
}

void order_deadlines(const Order& order, int priority, const DeadlinePolicy& policy, std::vector<Deadline>& out) {
  const auto add = [&](DeadlineKind kind, UtcTime start) {
    if (!already_missed(order.missed, kind))
      out.push_back({kind, order.incident, order.id, after(start, policy.seconds(kind, priority))});
  };
  if (order.status == OrderStatus::kIssued)
    add(K::kSignFor, order.times.issued);
  if (goes_out(order) && !order.times.arrived && !order.times.feedback)
    add(K::kArrival, order.times.issued);
  if (order.times.arrived && !order.times.feedback)
    add(K::kFeedback, *order.times.arrived);
}

}  // namespace

std::string_view to_string(DeadlineKind kind) {
  return name_in<K>(kNames, kind);
}

std::optional<DeadlineKind> parse_deadline_kind(std::string_view name) {
  return value_in<K>(kNames, name);
}

std::int64_t DeadlinePolicy::seconds(DeadlineKind kind, int priority) const {
  const auto index = static_cast<std::size_t>(std::clamp(priority, 1, 4) - 1);
  switch (kind) {
    case K::kSignFor:
      return sign_for_s[index];
    case K::kArrival:
      return arrival_s[index];
    case K::kFeedback:
      return feedback_s[index];
    case K::kPending:
      return pending_s[index];
  }
  return pending_s[index];
}

Status validate(const DeadlinePolicy& policy) {
  for (const K kind : {K::kSignFor, K::kArrival, K::kFeedback, K::kPending}) {
    for (int priority = 1; priority <= 4; ++priority) {
      const std::int64_t s = policy.seconds(kind, priority);
      if (s <= 0 || s > 7 * 24 * 3600) {
        return Error(Errc::kInvalidArgument,
                     "a deadline is 1 s to 7 days; " + std::string(to_string(kind)) + " for priority " +
                         std::to_string(priority) + " is " + std::to_string(s),
                     std::string(to_string(kind)));
      }
    }
  }
  return {};
}

std::vector<Deadline> deadlines(const State& state, const DeadlinePolicy& policy) {
  std::vector<Deadline> out;
  for (const auto& [id, incident] : state.incidents) {
    if (!is_open(incident.status))
      continue;
    const bool waiting = incident.status == IncidentStatus::kAccepting || incident.status == IncidentStatus::kAccepted;
    if (waiting && incident.orders.empty() && !already_missed(incident.missed, K::kPending)) {
      out.push_back({K::kPending, id, OrderId(),
                     after(incident.times.created, policy.seconds(K::kPending, incident.priority))});
    }
    for (const OrderId order_id : incident.orders) {
      const Order* order = state.find(order_id);
      if (order != nullptr && is_open(order->status))
        order_deadlines(*order, incident.priority, policy, out);
    }
  }
  std::sort(out.begin(), out.end(), [](const Deadline& a, const Deadline& b) {
    return a.due != b.due ? a.due < b.due : a.order != b.order ? a.order < b.order : a.kind < b.kind;
  });
  return out;
}

std::vector<Deadline> due(const State& state, const DeadlinePolicy& policy, UtcTime now) {
  auto all = deadlines(state, policy);
  all.erase(std::find_if(all.begin(), all.end(), [&](const Deadline& d) { return d.due > now; }), all.end());
  return all;
}

}  // namespace shouwang::cad
