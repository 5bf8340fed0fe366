#pragma once
// The wording of refusals, so that every handler names the entity, its status and what
// was asked in the same way.

#include <string>
#include <string_view>

#include <shouwang/base/result.h>
#include <shouwang/cad/incident.h>
#include <shouwang/cad/order.h>
#include <shouwang/cad/unit.h>

namespace shouwang::cad {

// "incident 310100-20261122-000001 (merged (已并案))", "order ... (signed_for (已签收))".
std::string describe(const Incident& incident);
std::string describe(const Order& order);
std::string describe(const Unit& unit);  // "unit A-01 is on_scene (已到场)"

// kInvalidTransition: "cannot <action>: incident X is <status>; <hint>".
Error refuse(const Incident& incident, std::string_view action, std::string_view hint = {},
             std::string_view field = "incident");
Error refuse(const Order& order, std::string_view action, std::string_view hint = {},
             std::string_view field = "order");
Error refuse(const Unit& unit, std::string_view action, std::string_view hint = {},
             std::string_view field = "unit");

// OK unless the incident's lifecycle has no step from its status to `to`; the refusal
// lists the statuses the step is allowed from.
Status require_step(const Incident& incident, IncidentStatus to, std::string_view action);
Status require_step(const Order& order, OrderStatus to, std::string_view action);

// kInvalidArgument unless `text` has something other than white space.
Status require_text(std::string_view text, std::string_view field, std::string_view what);

// Refuses anything but an editable incident (is_editable), pointing a merged incident's
// user at the incident it joined.
Status require_editable(const Incident& incident, std::string_view action);

}  // namespace shouwang::cad
