#include <algorithm>
#include <set>
#include <utility>

#include <shouwang/cad/record_id.h>

#include "cad/invariants/rule_checks.h"

namespace shouwang::cad {
namespace {

template <typename Status, typename Allowed>
bool valid_history(const std::vector<StatusChange<Status>>& history, Status first, Status current,
                   Allowed allowed) {
  Status at = first;
  for (const auto& change : history) {
    if (change.from != at || !allowed(change.from, change.to))
      return false;
    at = change.to;
  }
  return at == current;
}

template <typename Status>
bool reached(const std::vector<StatusChange<Status>>& history, Status status) {
  return std::any_of(history.begin(), history.end(),
                     [&](const auto& change) { return change.to == status; });
}

// The milestone an order took its incident to: 1 issued, 2 en route, 3 arrived, 4 feedback.
int milestone(const Order& order) {
  if (order.times.feedback)
    return 4;
  if (order.times.arrived)
    return 3;
  if (order.times.en_route)
    return 2;
  return 1;
}

Status check_order(const State& s, const Order& order) {
  const std::string name = "order " + to_string(order.id);
  if (!valid_history(order.history, OrderStatus::kIssued, order.status, order_transition_allowed)) {
    return broken("L1", name + " has a history that does not follow the order lifecycle");
  }
  if (is_open(order.status) && order.parent.valid()) {
    const Order* parent = s.find(order.parent);
    if (parent == nullptr || !is_open(parent->status)) {
      return broken("L4", "open " + name + " has a closed parent");
    }
  }
  const auto signings =
      std::count_if(order.history.begin(), order.history.end(),
                    [](const auto& c) { return c.to == OrderStatus::kSignedFor; });
  if (signings > 1 || (signings == 1) != order.times.signed_for.has_value() ||
      order.signed_by.empty() == order.times.signed_for.has_value()) {
    return broken("L6", name + " is signed for " + std::to_string(signings) +
                            " times or its signature is incomplete");
  }
  const std::pair<OrderStatus, const std::optional<UtcTime>*> steps[] = {
      {OrderStatus::kEnRoute, &order.times.en_route},
      {OrderStatus::kArrived, &order.times.arrived},
      {OrderStatus::kFeedback, &order.times.feedback},
      {OrderStatus::kDone, &order.times.done},
      {OrderStatus::kCancelled, &order.times.cancelled},
      {OrderStatus::kReturned, &order.times.returned}};
  for (const auto& [status, time] : steps) {
    if (reached(order.history, status) != time->has_value()) {
      return broken("T1", name + " time of step " + std::string(to_string(status)) +
                              " does not match its history");
    }
  }
  if (order.times.feedback.has_value() == order.feedback.empty() ||
      (order.times.signed_for && !order.times.received)) {
    return broken("T1", name + " feedback or receipt times do not match");
  }
  return {};
}

Status check_progress(const State& s, const Incident& incident) {
  const std::string name = "incident " + to_string(incident.id);
  const bool before_dispatch =
      incident.status == IncidentStatus::kAccepting || incident.status == IncidentStatus::kAccepted;
  if (before_dispatch && !incident.orders.empty()) {
    return broken("L3", name + " has orders but is " + std::string(to_string(incident.status)));
  }
  int furthest = 0;
  std::set<std::pair<TargetKind, std::string>> open_targets;
  for (const OrderId id : incident.orders) {
    const Order* order = s.find(id);
    if (order == nullptr)
      continue;  // R3 reports it
    furthest = std::max(furthest, milestone(*order));
    if (!is_open(order->status))
      continue;
    if (!is_open(incident.status)) {
      return broken("L2", name + " is " + std::string(to_string(incident.status)) + " but order " +
                              to_string(id) + " is open");
    }
    if (!open_targets.insert({order->target.kind, order->target.id}).second) {
      return broken("L5", name + " has two open orders to " + order->target.id);
    }
  }
  if (is_open(incident.status) && !before_dispatch && progress_rank(incident.status) != furthest) {
    return broken("L3", name + " is " + std::string(to_string(incident.status)) +
                            " but its orders reached milestone " + std::to_string(furthest));
  }
  return {};
}

template <typename Pick>
bool any_order(const State& s, const Incident& incident, Pick pick) {
  return std::any_of(incident.orders.begin(), incident.orders.end(), [&](OrderId id) {
    const Order* order = s.find(id);
    return order != nullptr && pick(*order).has_value();
  });
}

Status check_incident_times(const State& s, const Incident& incident) {
  const std::string name = "incident " + to_string(incident.id);
  const auto& t = incident.times;
  const std::pair<IncidentStatus, const std::optional<UtcTime>*> steps[] = {
      {IncidentStatus::kAccepted, &t.accepted},
      {IncidentStatus::kSceneClosed, &t.scene_closed},
      {IncidentStatus::kTerminated, &t.terminated},
      {IncidentStatus::kArchived, &t.archived}};
  for (const auto& [status, time] : steps) {
    if (reached(incident.history, status) != time->has_value()) {
      return broken("T2", name + " time of " + std::string(to_string(status)) +
                              " does not match its history");
    }
  }
  if (t.first_order_issued.has_value() == incident.orders.empty()) {
    return broken("T2", name + " first_order_issued does not match its orders");
  }
  if (!incident.orders.empty()) {
    const Order* first = s.find(incident.orders.front());
    if (first != nullptr && first->times.issued != *t.first_order_issued) {
      return broken("T2", name + " first_order_issued is not its first order's issue time");
    }
  }
  const bool ok = t.first_order_received.has_value() ==
                      any_order(s, incident, [](const Order& o) { return o.times.received; }) &&
                  t.first_signed_for.has_value() ==
                      any_order(s, incident, [](const Order& o) { return o.times.signed_for; }) &&
                  t.first_en_route.has_value() ==
                      any_order(s, incident, [](const Order& o) { return o.times.en_route; }) &&
                  t.first_arrived.has_value() ==
                      any_order(s, incident, [](const Order& o) { return o.times.arrived; }) &&
                  t.first_feedback.has_value() ==
                      any_order(s, incident, [](const Order& o) { return o.times.feedback; });
  if (!ok)
    return broken("T2", name + " first-order milestones do not match its orders");
  return {};
}

Status check_incident(const State& s, const Incident& incident) {
  const std::string name = "incident " + to_string(incident.id);
  if (!valid_history(incident.history, IncidentStatus::kAccepting, incident.status,
                     incident_transition_allowed)) {
    return broken("L1", name + " has a history that does not follow the incident lifecycle");
  }
  if (auto st = check_progress(s, incident); !st.ok())
    return st;
  const bool closed_with_result = incident.status == IncidentStatus::kSceneClosed ||
                                  incident.status == IncidentStatus::kTerminated ||
                                  incident.times.terminated.has_value();
  if (closed_with_result && incident.disposition.empty()) {
    return broken("L7", name + " is closed without a disposition");
  }
  if (reached(incident.history, IncidentStatus::kTransferredOut) != incident.transfer.has_value()) {
    return broken("L8", name + " transfer record does not match its history");
  }
  return check_incident_times(s, incident);
}

}  // namespace

Status check_lifecycles(const State& state) {
  for (const auto& [id, order] : state.orders) {
    if (auto s = check_order(state, order); !s.ok())
      return s;
  }
  for (const auto& [id, incident] : state.incidents) {
    if (auto s = check_incident(state, incident); !s.ok())
      return s;
  }
  return {};
}

}  // namespace shouwang::cad
