#pragma once
// One generated incident as domain commands: each decided by cad::Decider against the
// working state at its own historical time, its events applied to that state at once (so
// the next command sees them) and kept as drafts for the log. Nothing is written by hand.

#include <string>
#include <vector>

#include <shouwang/base/result.h>
#include <shouwang/cad/decide.h>
#include <shouwang/cad/order.h>
#include <shouwang/cad/state.h>
#include <shouwang/sim/call_model.h>
#include <shouwang/store/event.h>

#include "sim/calls/incident_timeline.h"

namespace shouwang::sim::calls {

// What the incident is beyond its timeline.
struct IncidentFacts {
  const GeneratedCall* call = nullptr;
  std::string summary{};
  std::string caller_number{};
  double uncertainty_m = 0;
  std::string station{};       // code
  cad::OrderTarget target{};   // when dispatched
  std::string instructions{};  // of the order
  std::string feedback{};      // the responder's report
  std::string disposition{};   // code
};

class IncidentRecorder {
 public:
  IncidentRecorder(const cad::Decider& decider, cad::State& state, store::Actor actor,
                   std::vector<store::EventDraft>& drafts)
      : decider_(decider), state_(state), actor_(std::move(actor)), drafts_(drafts) {}

  // Decides and applies the incident's commands in lifecycle order. A refusal is kInternal
  // naming the command (the generator asked for something the domain forbids); an event
  // the state refuses is kCorrupt. Either leaves the state and drafts part-way.
  Status record(const IncidentFacts& facts, const IncidentTimeline& t);

 private:
  // The drafts of one command; the first draft's index is returned.
  Result<std::size_t> run(const cad::Command& command, UtcTime now);

  const cad::Decider& decider_;
  cad::State& state_;
  store::Actor actor_{};
  std::vector<store::EventDraft>& drafts_;
};

}  // namespace shouwang::sim::calls
