#pragma once
// Events that other events imply, emitted by the handlers in one place so that the rules
// are the same everywhere: status changes, the incident's progress following its orders,
// and the end of open orders when their incident or parent order ends.

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include <shouwang/cad/incident.h>
#include <shouwang/cad/order.h>

#include "cad/decide/decision.h"

namespace shouwang::cad {

// incident.status_changed from the incident's current status to `to`.
void change_status(Decision& d, const Incident& incident, IncidentStatus to,
                   std::string_view reason);

// Moves an open incident forward to `milestone` (dispatched, units_out, arrived or
// feedback) unless it is already there or further; `cause` is the order event.
void advance_progress(Decision& d, const Incident& incident, IncidentStatus milestone,
                      std::string_view cause);

// The entities of an event about an order: [incident, order], and the unit
// ("unit/A-01") when the order goes to a registered unit, whose status it moves.
std::vector<std::string> order_entities(const Decision& d, IncidentId incident, OrderId order,
                                        const OrderTarget& target);

// An event about one order: entities as above, payload {order_id, ...extra}.
void emit_order_event(Decision& d, const Order& order, std::string_view type,
                      nlohmann::json extra = nlohmann::json::object());

// Ends every open order of the incident (cleared_status(): cancelled before arrival, done
// after it), the latest issued first so that children end before their parents.
void end_open_orders(Decision& d, const Incident& incident, std::string_view reason);

// The same for the open orders below `parent` (not the parent itself).
void end_open_children(Decision& d, const Order& parent, std::string_view reason);

// The open children of `parent`, as text ids ("D.., D..") for a refusal; empty if none.
std::string open_children(const Decision& d, const Order& parent);

}  // namespace shouwang::cad
