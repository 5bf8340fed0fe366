// The steps of a dispatch order after it is issued: receipt, sign-for, en route, arrival,
// feedback, completion, cancellation and return (退单).

#include <shouwang/cad/event_types.h>
#include <shouwang/cad/record_id.h>

#include "cad/decide/cascade.h"
#include "cad/decide/handlers.h"
#include "cad/decide/refusals.h"

namespace shouwang::cad {
namespace {

// kConflict when the order already went through the step at `when` (a repeated command,
// e.g. signing for twice); the lifecycle check comes after, so a repeat is reported as
// such rather than as a forbidden step.
Status require_not_repeated(const Order& order, const std::optional<UtcTime>& when,
                            std::string_view step) {
  if (!when)
    return {};
  return Error(Errc::kConflict,
               "order " + to_string(order.id) + " was already " + std::string(step) + " at " +
                   when->to_iso8601(),
               "order");
}

const Incident* incident_of(const Decision& d, const Order& order) {
  return d.state().find(order.incident);
}

}  // namespace

Status handle(Decision& d, const AcknowledgeOrder& c) {
  auto order = d.order(c.order);
  if (!order.ok())
    return order.error();
  const Order& o = **order;
  if (auto s = require_not_repeated(o, o.times.received, "received"); !s.ok())
    return s;
  if (o.status != OrderStatus::kIssued) {
    return refuse(o, "confirm its receipt", "receipt is confirmed while the order is issued");
  }
  emit_order_event(d, o, event_type::kOrderReceived);
  return {};
}

Status handle(Decision& d, const SignFor& c) {
  auto order = d.order(c.order);
  if (!order.ok())
    return order.error();
  const Order& o = **order;
  if (o.times.signed_for) {
    return Error(Errc::kConflict,
                 "order " + to_string(o.id) + " was already signed for by " + o.signed_by + " at " +
                     o.times.signed_for->to_iso8601(),
                 "order");
  }
  if (auto s = require_step(o, OrderStatus::kSignedFor, "sign for it"); !s.ok())
    return s;
  emit_order_event(d, o, event_type::kOrderSignedFor);
  return {};
}

Status handle(Decision& d, const EnRoute& c) {
  auto order = d.order(c.order);
  if (!order.ok())
    return order.error();
  const Order& o = **order;
  if (auto s = require_not_repeated(o, o.times.en_route, "en route"); !s.ok())
    return s;
  if (auto s = require_step(o, OrderStatus::kEnRoute, "set it en route"); !s.ok())
    return s;
  emit_order_event(d, o, event_type::kOrderEnRoute);
  if (const Incident* i = incident_of(d, o)) {
    advance_progress(d, *i, IncidentStatus::kUnitsOut, event_type::kOrderEnRoute);
  }
  return {};
}

Status handle(Decision& d, const Arrive& c) {
  auto order = d.order(c.order);
  if (!order.ok())
    return order.error();
  const Order& o = **order;
  if (auto s = require_not_repeated(o, o.times.arrived, "arrived"); !s.ok())
    return s;
  if (auto s = require_step(o, OrderStatus::kArrived, "record its arrival"); !s.ok())
    return s;
  if (c.source != "terminal" && c.source != "gps" && c.source != "dispatcher")
    return Error(Errc::kInvalidArgument, "an arrival's source is terminal, gps or dispatcher", "source");
  emit_order_event(d, o, event_type::kOrderArrived, {{"source", c.source}});
  if (const Incident* i = incident_of(d, o)) {
    advance_progress(d, *i, IncidentStatus::kArrived, event_type::kOrderArrived);
  }
  return {};
}

Status handle(Decision& d, const GiveFeedback& c) {
  auto order = d.order(c.order);
  if (!order.ok())
    return order.error();
  const Order& o = **order;
  if (auto s = require_step(o, OrderStatus::kFeedback, "give feedback"); !s.ok())
    return s;
  if (auto s = require_text(c.text, "text", "feedback"); !s.ok())
    return s;
  emit_order_event(d, o, event_type::kOrderFeedback, {{"text", c.text}});
  if (const Incident* i = incident_of(d, o)) {
    advance_progress(d, *i, IncidentStatus::kFeedback, event_type::kOrderFeedback);
  }
  return {};
}

Status handle(Decision& d, const CompleteOrder& c) {
  auto order = d.order(c.order);
  if (!order.ok())
    return order.error();
  const Order& o = **order;
  if (auto s = require_not_repeated(o, o.times.done, "done"); !s.ok())
    return s;
  // Completing closes the loop, so it needs feedback; the table's other way to done
  // (arrived → done) is only for clearing units when the incident closes.
  if (o.status != OrderStatus::kFeedback) {
    return refuse(
        o, "complete it",
        o.status == OrderStatus::kArrived ? "give feedback first" : "allowed only from feedback");
  }
  if (const auto open = open_children(d, o); !open.empty()) {
    return Error(Errc::kConflict,
                 "order " + to_string(o.id) + " still has open child orders " + open, "order");
  }
  emit_order_event(d, o, event_type::kOrderDone, {{"reason", ""}});
  return {};
}

Status handle(Decision& d, const CancelOrder& c) {
  auto order = d.order(c.order);
  if (!order.ok())
    return order.error();
  const Order& o = **order;
  if (auto s = require_step(o, OrderStatus::kCancelled, "cancel it"); !s.ok())
    return s;
  if (auto s = require_text(c.reason, "reason", "the reason for cancelling"); !s.ok())
    return s;
  end_open_children(d, o, "parent order " + to_string(o.id) + " cancelled: " + c.reason);
  emit_order_event(d, o, event_type::kOrderCancelled, {{"reason", c.reason}});
  return {};
}

Status handle(Decision& d, const ReturnOrder& c) {
  auto order = d.order(c.order);
  if (!order.ok())
    return order.error();
  const Order& o = **order;
  if (auto s = require_step(o, OrderStatus::kReturned, "return it"); !s.ok())
    return s;
  if (auto s = require_text(c.reason, "reason", "the reason for returning"); !s.ok())
    return s;
  if (const auto open = open_children(d, o); !open.empty()) {
    return Error(Errc::kConflict,
                 "order " + to_string(o.id) + " has open child orders " + open +
                     "; cancel them before returning it",
                 "order");
  }
  emit_order_event(d, o, event_type::kOrderReturned, {{"reason", c.reason}});
  return {};
}

}  // namespace shouwang::cad
