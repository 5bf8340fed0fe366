#include <shouwang/cad/record_id.h>

#include "cad/apply/appliers.h"

namespace shouwang::cad {
namespace {

void set_once(std::optional<UtcTime>& slot, UtcTime time) {
  if (!slot)
    slot = time;
}

// Moves the order to `to` after checking the lifecycle table; records the step's time on
// the order (first occurrence) and on its incident's "first ..." milestone.
void step(State& s, const EventMeta& e, const FieldReader& p, OrderStatus to, std::string_view cause,
          std::string reason = {}) {
  Order& order = order_for(s, p.order_id("order_id"));
  Incident& incident = incident_for(s, order.incident);
  if (!order_transition_allowed(order.status, to)) {
    throw EventMismatch("the order lifecycle has no step " + std::string(to_string(order.status)) +
                        " -> " + std::string(to_string(to)) + " (order " + to_string(order.id) +
                        ")");
  }
  order.history.push_back({order.status, to, e.time, std::string(e.user), reason});
  order.status = to;
  auto& times = order.times;
  auto& first = incident.times;
  switch (to) {
    case OrderStatus::kSignedFor:
      set_once(times.received, e.time);
      set_once(times.signed_for, e.time);
      order.signed_by = std::string(e.user);
      set_once(first.first_order_received, e.time);
      set_once(first.first_signed_for, e.time);
      break;
    case OrderStatus::kEnRoute:
      set_once(times.en_route, e.time);
      set_once(first.first_en_route, e.time);
      break;
    case OrderStatus::kArrived:
      set_once(times.arrived, e.time);
      set_once(first.first_arrived, e.time);
      break;
    case OrderStatus::kFeedback:
      set_once(times.feedback, e.time);
      set_once(first.first_feedback, e.time);
      break;
    case OrderStatus::kDone:
      set_once(times.done, e.time);
      order.end_reason = std::move(reason);
      break;
    case OrderStatus::kCancelled:
      set_once(times.cancelled, e.time);
      order.end_reason = std::move(reason);
      break;
    case OrderStatus::kReturned:
      set_once(times.returned, e.time);
      order.end_reason = std::move(reason);
      break;
    case OrderStatus::kIssued:
      break;
  }
  follow_order(s, e, order, cause);
}

OrderTarget read_target(const FieldReader& p) {
  const FieldReader t = p.object("target");
  return {t.enumeration<TargetKind>("kind", parse_target_kind), t.string("id"), t.string("name")};
}

}  // namespace

void apply_order_issued(State& s, const EventMeta& e, const FieldReader& p) {
  Order order;
  order.id = p.order_id("order_id");
  order.incident = p.incident_id("incident_id");
  order.parent = p.optional_order_id("parent_order_id");
  order.reissue_of = p.optional_order_id("reissue_of");
  order.target = read_target(p);
  order.instructions = p.string("instructions");
  if (p.has("bypassed")) {
    order.bypassed = p.strings("bypassed");
    order.bypass_reason = p.string("bypass_reason");
  }
  order.issued_by = std::string(e.user);
  order.times.issued = e.time;
  if (s.find(order.id) != nullptr) {
    throw EventMismatch("order " + to_string(order.id) + " already exists");
  }
  Incident& incident = incident_for(s, order.incident);
  if (!accepts_orders(incident.status)) {
    throw EventMismatch("incident " + to_string(incident.id) + " accepts no orders");
  }
  Order* parent = order.parent.valid() ? &order_for(s, order.parent) : nullptr;
  if (parent != nullptr && parent->incident != incident.id) {
    throw EventMismatch("parent order belongs to another incident");
  }
  Order* replaced = order.reissue_of.valid() ? &order_for(s, order.reissue_of) : nullptr;
  if (replaced != nullptr &&
      (replaced->status != OrderStatus::kReturned || replaced->reissued_as.valid())) {
    throw EventMismatch("order " + to_string(replaced->id) + " is not a returned order to reissue");
  }
  const OrderId id = order.id;
  if (parent != nullptr)
    parent->children.push_back(id);
  if (replaced != nullptr)
    replaced->reissued_as = id;
  incident.orders.push_back(id);
  set_once(incident.times.first_order_issued, e.time);
  const Order& issued = s.orders.emplace(id, std::move(order)).first->second;
  follow_order(s, e, issued, "order.issued");
}

void apply_order_received(State& s, const EventMeta& e, const FieldReader& p) {
  Order& order = order_for(s, p.order_id("order_id"));
  Incident& incident = incident_for(s, order.incident);
  if (order.status != OrderStatus::kIssued || order.times.received) {
    throw EventMismatch("order " + to_string(order.id) + " cannot be received now");
  }
  order.times.received = e.time;
  set_once(incident.times.first_order_received, e.time);
  follow_order(s, e, order, "order.received");
}

void apply_order_signed_for(State& s, const EventMeta& e, const FieldReader& p) {
  step(s, e, p, OrderStatus::kSignedFor, "order.signed_for");
}

void apply_order_en_route(State& s, const EventMeta& e, const FieldReader& p) {
  step(s, e, p, OrderStatus::kEnRoute, "order.en_route");
}

void apply_order_arrived(State& s, const EventMeta& e, const FieldReader& p) {
  // Events written before arrivals had a source came from terminals.
  std::string source = p.has("source") ? p.string("source") : std::string("terminal");
  step(s, e, p, OrderStatus::kArrived, "order.arrived");
  order_for(s, p.order_id("order_id")).arrival_source = std::move(source);
}

void apply_order_feedback(State& s, const EventMeta& e, const FieldReader& p) {
  std::string text = p.string("text");
  step(s, e, p, OrderStatus::kFeedback, "order.feedback");
  order_for(s, p.order_id("order_id")).feedback.push_back({std::move(text), e.time, std::string(e.user)});
}

void apply_order_done(State& s, const EventMeta& e, const FieldReader& p) {
  step(s, e, p, OrderStatus::kDone, "order.done", p.string("reason"));
}

void apply_order_cancelled(State& s, const EventMeta& e, const FieldReader& p) {
  step(s, e, p, OrderStatus::kCancelled, "order.cancelled", p.string("reason"));
}

void apply_order_returned(State& s, const EventMeta& e, const FieldReader& p) {
  step(s, e, p, OrderStatus::kReturned, "order.returned", p.string("reason"));
}

}  // namespace shouwang::cad
