#include <cmath>

#include <shouwang/cad/record_id.h>

#include "cad/invariants/rule_checks.h"

namespace shouwang::cad {
namespace {

Status check_location(const Incident& incident) {
  const std::string name = "incident " + to_string(incident.id);
  const auto& location = incident.location;
  if (location.confirmed) {
    if (*location.confirmed >= location.candidates.size() ||
        !location.candidates[*location.confirmed].confirmed_at) {
      return broken("D1", name + " confirms a location candidate that is missing or unconfirmed");
    }
  } else if (location.needs_confirmation != any_disagreement(location)) {
    return broken("D1", name + " needs_confirmation does not match its disagreeing candidates");
  }
  for (const auto& candidate : location.candidates) {
    const double radius = candidate.uncertainty.value();
    if (candidate.position && (!std::isfinite(radius) || radius < 0.0)) {
      return broken("D1", name + " has a candidate with an invalid uncertainty");
    }
  }
  return {};
}

template <typename Involved>
Status check_fields(const Incident& incident, const std::vector<Involved>& items,
                    InvolvedKind kind) {
  for (const auto& item : items) {
    for (const auto& [field, value] : item.fields) {
      if (!is_field_name(kind, field) ||
          (value.verified && (value.verified_by.empty() || !value.verified_at))) {
        return broken("D2", "incident " + to_string(incident.id) + " " +
                                std::string(to_string(kind)) + " field " + field +
                                " is unknown or verified without a verifier");
      }
    }
  }
  return {};
}

}  // namespace

Status check_details(const State& state) {
  for (const auto& [id, incident] : state.incidents) {
    if (auto s = check_location(incident); !s.ok())
      return s;
    if (auto s = check_fields(incident, incident.persons, InvolvedKind::kPerson); !s.ok())
      return s;
    if (auto s = check_fields(incident, incident.vehicles, InvolvedKind::kVehicle); !s.ok())
      return s;
    if (incident.priority < 1 || incident.priority > 4 ||
        (incident.priority_source == PrioritySource::kTypeDefault && incident.type_code.empty())) {
      return broken("D3", "incident " + to_string(id) + " priority " +
                              std::to_string(incident.priority) +
                              " is out of range or unexplained");
    }
  }
  return {};
}

}  // namespace shouwang::cad
