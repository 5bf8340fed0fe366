#pragma once
// What becomes of one generated call in the history: its station, whether someone is sent
// and who, the road travel time, every moment of its lifecycle and how it ends. The
// incident's own draws come from a stream named by the call (its time and position), so
// they do not depend on where a run started; only the responders' busy times carry over
// from incident to incident.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <shouwang/cad/taxonomy.h>
#include <shouwang/sim/call_model.h>

#include "sim/calls/incident_recorder.h"
#include "sim/calls/incident_timeline.h"
#include "sim/calls/responders.h"
#include "sim/calls/road_travel.h"

namespace shouwang::sim::calls {

struct PlannedIncident {
  IncidentFacts facts{};
  IncidentTimeline timeline{};
};

// Counts over the incidents planned.
struct PlanCounts {
  std::uint64_t dispatched = 0;
  std::uint64_t unit_orders = 0;
  std::uint64_t estimated_travel = 0;  // no road reached the scene
  double travel_seconds_total = 0;
};

class IncidentPlanner {
 public:
  // `archive_limit`: incidents are archived only when that falls before it (the history's
  // end). The referenced objects must outlive the planner.
  IncidentPlanner(const cad::Taxonomy& taxonomy, std::uint64_t seed, UtcTime archive_limit,
                  Responders& responders, RoadTravel& travel);

  // nullopt for a type the taxonomy does not know. Marks the responder sent busy until its
  // order is done. `call` must outlive the result (the facts point to it).
  std::optional<PlannedIncident> plan(const GeneratedCall& call);

  [[nodiscard]] const PlanCounts& counts() const { return counts_; }

 private:
  const cad::Taxonomy& taxonomy_;
  std::uint64_t seed_;
  UtcTime archive_limit_;
  Responders& responders_;
  RoadTravel& travel_;
  std::map<std::string, std::string_view, std::less<>> class_of_type_;  // type code -> call class
  PlanCounts counts_;
};

}  // namespace shouwang::sim::calls
