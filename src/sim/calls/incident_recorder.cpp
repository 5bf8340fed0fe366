#include "sim/calls/incident_recorder.h"

#include <shouwang/cad/apply.h>
#include <shouwang/cad/record_id.h>

namespace shouwang::sim::calls {

Result<std::size_t> IncidentRecorder::run(const cad::Command& command, UtcTime now) {
  auto events = decider_.decide(state_, command, actor_, now);
  if (!events) {
    return Error(Errc::kInternal, "the domain refused the generated " +
                                      std::string(cad::command_name(command)) + " at " +
                                      now.to_iso8601() + ": " + events.error().message);
  }
  const std::size_t first = drafts_.size();
  for (store::EventDraft& event : *events) {
    if (Status applied = cad::apply(state_, event); !applied) {
      return Error(Errc::kCorrupt,
                   std::string(cad::command_name(command)) +
                       ": the domain refused its own event: " + applied.error().message);
    }
    drafts_.push_back(std::move(event));
  }
  return first;
}

Status IncidentRecorder::record(const IncidentFacts& f, const IncidentTimeline& t) {
  auto received = run(cad::ReceiveCall{cad::CallChannel::kVoice, f.caller_number, "", f.summary,
                                       t.started, t.answered},
                      t.answered);
  if (!received)
    return received.error();
  auto call = cad::parse_call_id(drafts_[*received].entities.front());
  if (!call)
    return call.error();
  auto created = run(cad::CreateIncident{*call, f.summary, f.call->type_code, 0}, t.created);
  if (!created)
    return created.error();
  auto incident = cad::parse_incident_id(drafts_[*created].entities.front());
  if (!incident)
    return incident.error();
  const IncidentId id = *incident;

  std::vector<std::pair<cad::Command, UtcTime>> steps{
      {cad::AddLocationCandidate{id, cad::LocationSource::kMatchedAddress, f.call->place,
                                 f.call->position, Meters(f.uncertainty_m), t.located},
       t.located},
      {cad::ConfirmLocation{id, 0}, t.located},
      {cad::AssignStation{id, f.station, "location",
                          "the incident's location lies in this station's area"},
       t.located},
      {cad::AcceptIncident{id}, t.accepted},
  };
  for (const auto& [command, now] : steps) {
    if (auto done = run(command, now); !done)
      return done.error();
  }

  if (t.dispatched) {
    auto issued = run(cad::IssueOrder{id, f.target, f.instructions, OrderId()}, t.issued);
    if (!issued)
      return issued.error();
    auto order_id = cad::parse_order_id(drafts_[*issued].entities.at(1));
    if (!order_id)
      return order_id.error();
    const OrderId order = *order_id;
    steps = {
        {cad::AcknowledgeOrder{order}, t.received},
        {cad::SignFor{order}, t.signed_for},
        {cad::EnRoute{order}, t.en_route},
        {cad::Arrive{order, "terminal"}, t.arrived},
        {cad::GiveFeedback{order, f.feedback}, t.feedback},
        {cad::CompleteOrder{order}, t.done},
    };
  } else {
    steps = {{cad::AddNote{id, f.feedback}, t.scene_closed}};
  }
  steps.emplace_back(cad::CloseScene{id, f.disposition}, t.scene_closed);
  steps.emplace_back(cad::TerminateIncident{id}, t.terminated);
  if (t.archived)
    steps.emplace_back(cad::ArchiveIncident{id}, *t.archived);
  for (const auto& [command, now] : steps) {
    if (auto done = run(command, now); !done)
      return done.error();
  }
  return {};
}

}  // namespace shouwang::sim::calls
