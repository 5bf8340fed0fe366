// Recording a missed deadline (deadlines.h) found by the server's timer.

#include <algorithm>

#include <shouwang/cad/code_text.h>
#include <shouwang/cad/deadlines.h>
#include <shouwang/cad/event_types.h>
#include <shouwang/cad/record_id.h>

#include "cad/decide/cascade.h"
#include "cad/decide/handlers.h"
#include "cad/decide/refusals.h"

namespace shouwang::cad {
namespace {

bool recorded(const std::vector<MissedDeadline>& missed, DeadlineKind kind) {
  return std::any_of(missed.begin(), missed.end(), [&](const MissedDeadline& m) { return m.kind == kind; });
}

// Whether the order is still waiting for the step the deadline is about.
bool still_waiting(const Order& o, DeadlineKind kind) {
  switch (kind) {
    case DeadlineKind::kSignFor:
      return o.status == OrderStatus::kIssued;
    case DeadlineKind::kArrival:
      return is_open(o.status) && o.target.kind != TargetKind::kStation && !o.times.arrived && !o.times.feedback;
    case DeadlineKind::kFeedback:
      return is_open(o.status) && o.times.arrived && !o.times.feedback;
    case DeadlineKind::kPending:
      return false;
  }
  return false;
}

Status record_for_order(Decision& d, const RecordMissedDeadline& c) {
  auto order = d.order(c.order);
  if (!order.ok())
    return order.error();
  const Order& o = **order;
  if (o.incident != c.incident)
    return Error(Errc::kInvalidArgument, "order " + to_string(o.id) + " belongs to " + to_string(o.incident), "incident");
  if (recorded(o.missed, c.kind))
    return Error(Errc::kConflict, "order " + to_string(o.id) + " already missed its " +
                                      std::string(to_string(c.kind)) + " deadline", "kind");
  if (!still_waiting(o, c.kind))
    return refuse(o, "record a missed " + std::string(to_string(c.kind)) + " deadline", "the step was taken");
  if (!c.offered_unit.empty() && (c.kind != DeadlineKind::kSignFor || !is_code(c.offered_unit)))
    return Error(Errc::kInvalidArgument, "a unit is offered, by callsign, for a missed sign-for only", "offered_unit");
  emit_order_event(d, o, event_type::kOrderDeadlineMissed,
                   {{"deadline", to_string(c.kind)}, {"due", c.due.to_iso8601()}, {"offered_unit", c.offered_unit}});
  return {};
}

Status record_for_incident(Decision& d, const RecordMissedDeadline& c) {
  auto incident = d.incident(c.incident);
  if (!incident.ok())
    return incident.error();
  const Incident& i = **incident;
  if (recorded(i.missed, c.kind))
    return Error(Errc::kConflict, "incident " + to_string(i.id) + " already missed its pending deadline", "kind");
  const bool waiting = i.status == IncidentStatus::kAccepting || i.status == IncidentStatus::kAccepted;
  if (!waiting || !i.orders.empty())
    return refuse(i, "record a missed pending deadline", "it is no longer waiting for an order");
  if (!c.offered_unit.empty())
    return Error(Errc::kInvalidArgument, "a unit is offered for a missed sign-for only", "offered_unit");
  d.emit(event_type::kIncidentDeadlineMissed, {to_string(i.id)},
         {{"incident_id", to_string(i.id)}, {"deadline", to_string(c.kind)}, {"due", c.due.to_iso8601()}});
  return {};
}

}  // namespace

Status handle(Decision& d, const RecordMissedDeadline& c) {
  if (c.due > d.now())
    return Error(Errc::kInvalidArgument, "the deadline is not due until " + c.due.to_iso8601(), "due");
  const bool about_incident = c.kind == DeadlineKind::kPending;
  if (about_incident == c.order.valid())
    return Error(Errc::kInvalidArgument, "a pending deadline names an incident only; the others an order", "order");
  return about_incident ? record_for_incident(d, c) : record_for_order(d, c);
}

}  // namespace shouwang::cad
