// Issuing dispatch orders: to a target of the command centre's choice, as a replacement
// for a returned order, or split by a station among its own units and officers.

#include <algorithm>

#include <shouwang/cad/code_text.h>
#include <shouwang/cad/event_types.h>
#include <shouwang/cad/record_id.h>

#include "cad/decide/cascade.h"
#include "cad/decide/handlers.h"
#include "cad/decide/refusals.h"

namespace shouwang::cad {
namespace {

bool same_target(const OrderTarget& a, const OrderTarget& b) {
  return a.kind == b.kind && a.id == b.id;
}

std::string describe(const OrderTarget& target) {
  return std::string(to_string(target.kind)) + " " + target.id;
}

// kConflict when the incident already has an open order to `target`.
Status require_no_open_order(const Decision& d, const Incident& incident, const OrderTarget& target,
                             const std::string& field) {
  for (const OrderId id : incident.orders) {
    const Order* order = d.state().find(id);
    if (order != nullptr && is_open(order->status) && same_target(order->target, target)) {
      return Error(Errc::kConflict,
                   describe(target) + " already has open order " + to_string(id) +
                       " for incident " + to_string(incident.id),
                   field);
    }
  }
  return {};
}

Status require_target(const OrderTarget& target, const std::string& field) {
  return require_text(target.id, field + ".id", "the target id");
}

// A registered unit takes orders only while on duty, in service and not in danger. A
// callsign the roster does not know (an imported record's) is taken as it is.
Status require_dispatchable(const Decision& d, const OrderTarget& target, const std::string& field) {
  if (target.kind != TargetKind::kUnit)
    return {};
  const Unit* unit = d.state().find_unit(target.id);
  if (unit == nullptr)
    return {};
  if (unit->retired)
    return refuse(*unit, "send it an order", {}, field);
  if (unit->status == UnitStatus::kOffDuty)
    return refuse(*unit, "send it an order", "it is not on duty", field);
  if (unit->status == UnitStatus::kOutOfService)
    return refuse(*unit, "send it an order", "it is out of service: " + unit->status_reason, field);
  if (unit->emergency)
    return refuse(*unit, "send it an order", "it has raised an emergency", field);
  return {};
}

Status check_bypass(const IssueOrder& c) {
  for (std::size_t k = 0; k < c.bypassed.size(); ++k) {
    const std::string field = "bypassed[" + std::to_string(k) + "]";
    if (!is_code(c.bypassed[k]))
      return Error(Errc::kInvalidArgument, "a bypassed unit is named by its callsign", field);
    if (c.target.kind == TargetKind::kUnit && c.bypassed[k] == c.target.id)
      return Error(Errc::kInvalidArgument, "the unit sent is not bypassed", field);
  }
  if (!c.bypassed.empty())
    return require_text(c.bypass_reason, "bypass_reason", "the reason for passing over a better-ranked unit");
  if (!c.bypass_reason.empty())
    return Error(Errc::kInvalidArgument, "a bypass reason needs the bypassed units", "bypassed");
  return {};
}

// Orders may be issued for the incident (and a merged incident points to its successor).
Status require_accepts_orders(const Incident& incident) {
  if (accepts_orders(incident.status))
    return {};
  if (incident.status == IncidentStatus::kMerged) {
    return refuse(incident, "issue an order",
                  "it was merged into " + to_string(incident.merged_into) + "; issue orders there");
  }
  if (incident.status == IncidentStatus::kAccepting) {
    return refuse(incident, "issue an order", "accept the incident first");
  }
  return refuse(incident, "issue an order", "the incident is no longer open");
}

void emit_issued(Decision& d, OrderId id, const Incident& incident, const OrderTarget& target,
                 const std::string& instructions, OrderId parent, OrderId reissue_of,
                 const IssueOrder* bypass = nullptr) {
  nlohmann::json payload = {
      {"order_id", to_string(id)},
      {"incident_id", to_string(incident.id)},
      {"target", {{"kind", to_string(target.kind)}, {"id", target.id}, {"name", target.name}}},
      {"instructions", instructions}};
  if (parent.valid())
    payload["parent_order_id"] = to_string(parent);
  if (reissue_of.valid())
    payload["reissue_of"] = to_string(reissue_of);
  if (bypass != nullptr && !bypass->bypassed.empty()) {
    payload["bypassed"] = bypass->bypassed;
    payload["bypass_reason"] = bypass->bypass_reason;
  }
  d.emit(event_type::kOrderIssued, order_entities(d, incident.id, id, target), std::move(payload));
}

// The checks for replacing a returned order; on success `parent` is the replacement's
// parent (the returned order's).
Status check_reissue(const Decision& d, const IssueOrder& c, OrderId& parent) {
  auto returned = d.order(c.reissue_of, "reissue_of");
  if (!returned.ok())
    return returned.error();
  const Order& old = **returned;
  if (old.incident != c.incident) {
    return Error(Errc::kInvalidArgument,
                 "order " + to_string(old.id) + " belongs to incident " + to_string(old.incident),
                 "reissue_of");
  }
  if (old.status != OrderStatus::kReturned) {
    return refuse(old, "reissue it", "only a returned order (退单) is reissued", "reissue_of");
  }
  if (old.reissued_as.valid()) {
    return Error(
        Errc::kConflict,
        "order " + to_string(old.id) + " was already reissued as " + to_string(old.reissued_as),
        "reissue_of");
  }
  if (same_target(old.target, c.target)) {
    return Error(Errc::kInvalidArgument,
                 describe(c.target) + " returned order " + to_string(old.id) +
                     "; reissue it to another target",
                 "target");
  }
  parent = old.parent;
  if (parent.valid()) {
    const Order* p = d.state().find(parent);
    if (p == nullptr || !is_open(p->status)) {
      return Error(Errc::kInvalidTransition,
                   "the parent order " + to_string(parent) + " of " + to_string(old.id) +
                       " is closed; issue a new order instead",
                   "reissue_of");
    }
    if (c.target.kind == TargetKind::kStation) {
      return Error(Errc::kInvalidArgument,
                   "a child order goes to a unit, officer or vehicle, not a station",
                   "target.kind");
    }
  }
  return {};
}

}  // namespace

Status handle(Decision& d, const IssueOrder& c) {
  auto incident = d.incident(c.incident);
  if (!incident.ok())
    return incident.error();
  const Incident& i = **incident;
  if (auto s = require_accepts_orders(i); !s.ok())
    return s;
  if (auto s = require_target(c.target, "target"); !s.ok())
    return s;
  if (auto s = require_dispatchable(d, c.target, "target"); !s.ok())
    return s;
  if (auto s = check_bypass(c); !s.ok())
    return s;
  OrderId parent;
  if (c.reissue_of.valid()) {
    if (auto s = check_reissue(d, c, parent); !s.ok())
      return s;
  }
  if (auto s = require_no_open_order(d, i, c.target, "target"); !s.ok())
    return s;
  auto id = d.new_order_id();
  if (!id.ok())
    return id.error();
  emit_issued(d, *id, i, c.target, c.instructions, parent, c.reissue_of, &c);
  advance_progress(d, i, IncidentStatus::kDispatched, event_type::kOrderIssued);
  return {};
}

Status handle(Decision& d, const SplitOrder& c) {
  auto order = d.order(c.order);
  if (!order.ok())
    return order.error();
  const Order& parent = **order;
  if (parent.target.kind != TargetKind::kStation) {
    return Error(Errc::kInvalidArgument,
                 "order " + to_string(parent.id) + " goes to a " +
                     std::string(to_string(parent.target.kind)) +
                     "; only a station's order is split",
                 "order");
  }
  if (parent.status != OrderStatus::kSignedFor) {
    return refuse(parent, "split it", "a station splits an order after signing for it");
  }
  auto incident = d.incident(parent.incident);
  if (!incident.ok())
    return incident.error();
  if (auto s = require_accepts_orders(**incident); !s.ok())
    return s;
  if (c.targets.empty()) {
    return Error(Errc::kInvalidArgument, "a split needs at least one target", "targets");
  }
  for (std::size_t k = 0; k < c.targets.size(); ++k) {
    const std::string field = "targets[" + std::to_string(k) + "]";
    const OrderTarget& target = c.targets[k];
    if (auto s = require_target(target, field); !s.ok())
      return s;
    if (auto s = require_dispatchable(d, target, field); !s.ok())
      return s;
    if (target.kind == TargetKind::kStation) {
      return Error(Errc::kInvalidArgument,
                   "a child order goes to a unit, officer or vehicle, not a station",
                   field + ".kind");
    }
    for (std::size_t earlier = 0; earlier < k; ++earlier) {
      if (same_target(c.targets[earlier], target)) {
        return Error(Errc::kInvalidArgument, describe(target) + " is listed twice", field);
      }
    }
    if (auto s = require_no_open_order(d, **incident, target, field); !s.ok())
      return s;
  }
  for (const OrderTarget& target : c.targets) {
    auto id = d.new_order_id();
    if (!id.ok())
      return id.error();
    emit_issued(d, *id, **incident, target, c.instructions, parent.id, OrderId());
  }
  return {};
}

}  // namespace shouwang::cad
