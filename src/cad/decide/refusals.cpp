#include "cad/decide/refusals.h"

#include <shouwang/base/text.h>
#include <shouwang/cad/record_id.h>

namespace shouwang::cad {
namespace {

template <typename Status, typename Transitions>
std::string allowed_from(Status to, const Transitions& transitions) {
  std::string out;
  for (const auto& t : transitions) {
    if (t.to != to)
      continue;
    if (!out.empty())
      out += ", ";
    out += to_string(t.from);
  }
  return out;
}

}  // namespace

std::string describe(const Incident& incident) {
  return "incident " + to_string(incident.id) + " is " + std::string(to_string(incident.status)) +
         " (" + std::string(zh_name(incident.status)) + ")";
}

std::string describe(const Order& order) {
  return "order " + to_string(order.id) + " is " + std::string(to_string(order.status)) + " (" +
         std::string(zh_name(order.status)) + ")";
}

std::string describe(const Unit& unit) {
  if (unit.retired)
    return "unit " + unit.id + " is retired";
  return "unit " + unit.id + " is " + std::string(to_string(unit.status)) + " (" +
         std::string(zh_name(unit.status)) + ")";
}

Error refuse(const Unit& unit, std::string_view action, std::string_view hint, std::string_view field) {
  std::string message = "cannot " + std::string(action) + ": " + describe(unit);
  if (!hint.empty())
    message += "; " + std::string(hint);
  return Error(Errc::kInvalidTransition, std::move(message), std::string(field));
}

Error refuse(const Incident& incident, std::string_view action, std::string_view hint,
             std::string_view field) {
  std::string message = "cannot " + std::string(action) + ": " + describe(incident);
  if (!hint.empty())
    message += "; " + std::string(hint);
  return Error(Errc::kInvalidTransition, std::move(message), std::string(field));
}

Error refuse(const Order& order, std::string_view action, std::string_view hint,
             std::string_view field) {
  std::string message = "cannot " + std::string(action) + ": " + describe(order);
  if (!hint.empty())
    message += "; " + std::string(hint);
  return Error(Errc::kInvalidTransition, std::move(message), std::string(field));
}

Status require_step(const Incident& incident, IncidentStatus to, std::string_view action) {
  if (incident_transition_allowed(incident.status, to))
    return {};
  if (incident.status == IncidentStatus::kMerged) {
    return refuse(incident, action, "it was merged into " + to_string(incident.merged_into));
  }
  return refuse(incident, action, "allowed only from " + allowed_from(to, incident_transitions()));
}

Status require_step(const Order& order, OrderStatus to, std::string_view action) {
  if (order_transition_allowed(order.status, to))
    return {};
  return refuse(order, action, "allowed only from " + allowed_from(to, order_transitions()));
}

Status require_text(std::string_view text, std::string_view field, std::string_view what) {
  if (!trim(text).empty())
    return {};
  return Error(Errc::kInvalidArgument, std::string(what) + " must not be empty",
               std::string(field));
}

Status require_editable(const Incident& incident, std::string_view action) {
  if (is_editable(incident.status))
    return {};
  if (incident.status == IncidentStatus::kMerged) {
    return refuse(incident, action,
                  "it was merged into " + to_string(incident.merged_into) + "; record it there");
  }
  return refuse(incident, action, "an archived incident is read-only");
}

}  // namespace shouwang::cad
