#include "cad/decide/cascade.h"
#include "cad/decide/handlers.h"

#include <string>

#include <shouwang/cad/event_types.h>
#include <shouwang/cad/record_id.h>

namespace shouwang::cad {
namespace {

void end_order(Decision& d, const Order& order, std::string_view reason) {
  const OrderStatus end = cleared_status(order.status);
  emit_order_event(d, order,
                   end == OrderStatus::kDone ? event_type::kOrderDone : event_type::kOrderCancelled,
                   {{"reason", std::string(reason)}});
}

// Children are issued after their parents, so walking the subtree depth first and ending
// each order after its children ends children first.
void end_subtree(Decision& d, const Order& order, std::string_view reason, bool include_self) {
  for (auto it = order.children.rbegin(); it != order.children.rend(); ++it) {
    if (const Order* child = d.state().find(*it))
      end_subtree(d, *child, reason, true);
  }
  if (include_self && is_open(order.status))
    end_order(d, order, reason);
}

}  // namespace

void change_status(Decision& d, const Incident& incident, IncidentStatus to,
                   std::string_view reason) {
  d.emit(event_type::kIncidentStatusChanged, {to_string(incident.id)},
         {{"incident_id", to_string(incident.id)},
          {"from", to_string(incident.status)},
          {"to", to_string(to)},
          {"reason", std::string(reason)}});
}

void advance_progress(Decision& d, const Incident& incident, IncidentStatus milestone,
                      std::string_view cause) {
  if (!is_open(incident.status))
    return;
  if (progress_rank(incident.status) >= progress_rank(milestone))
    return;
  change_status(d, incident, milestone, cause);
}

std::vector<std::string> order_entities(const Decision& d, IncidentId incident, OrderId order,
                                        const OrderTarget& target) {
  std::vector<std::string> entities{to_string(incident), to_string(order)};
  if (target.kind == TargetKind::kUnit && d.state().find_unit(target.id) != nullptr)
    entities.push_back(unit_entity(target.id));
  return entities;
}

void emit_order_event(Decision& d, const Order& order, std::string_view type,
                      nlohmann::json extra) {
  extra["order_id"] = to_string(order.id);
  d.emit(type, order_entities(d, order.incident, order.id, order.target), std::move(extra));
}

void end_open_orders(Decision& d, const Incident& incident, std::string_view reason) {
  for (auto it = incident.orders.rbegin(); it != incident.orders.rend(); ++it) {
    const Order* order = d.state().find(*it);
    if (order != nullptr && !order->parent.valid())
      end_subtree(d, *order, reason, true);
  }
}

void end_open_children(Decision& d, const Order& parent, std::string_view reason) {
  end_subtree(d, parent, reason, false);
}

std::string open_children(const Decision& d, const Order& parent) {
  std::string out;
  for (const OrderId child_id : parent.children) {
    const Order* child = d.state().find(child_id);
    if (child == nullptr || !is_open(child->status))
      continue;
    if (!out.empty())
      out += ", ";
    out += to_string(child_id);
  }
  return out;
}

}  // namespace shouwang::cad
