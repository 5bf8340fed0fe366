#include "exchange/row_commands.h"

#include <shouwang/cad/apply.h>
#include <shouwang/cad/record_id.h>

namespace shouwang::exchange::detail {
namespace {

// One row's commands against the working state, with what they created so far.
class RowRecorder {
 public:
  RowRecorder(const cad::Decider& decider, cad::State& state, const store::Actor& actor,
              std::vector<store::EventDraft>& drafts)
      : decider_(decider),
        state_(state),
        actor_(actor),
        drafts_(drafts),
        first_draft_(drafts.size()),
        events_applied_(state.events_applied) {}

  // Decides and applies one command; the events' first draft is returned for its ids.
  Result<const store::EventDraft*> run(const cad::Command& command, UtcTime now) {
    auto events = decider_.decide(state_, command, actor_, now);
    if (!events) {
      Error refused = events.error();
      refused.message = std::string(cad::command_name(command)) + ": " + refused.message;
      return refused;
    }
    const std::size_t first = drafts_.size();
    for (store::EventDraft& event : *events) {
      if (Status applied = cad::apply(state_, event); !applied) {
        return Error(Errc::kCorrupt, std::string(cad::command_name(command)) +
                                         ": the domain refused its own event: " + applied.error().message);
      }
      drafts_.push_back(std::move(event));
    }
    return &drafts_[first];
  }

  // Takes the row back out of the state and the drafts.
  void undo() {
    for (const OrderId order : orders_) state_.orders.erase(order);
    if (incident_.valid()) state_.incidents.erase(incident_);
    if (call_.valid()) state_.calls.erase(call_);
    state_.events_applied = events_applied_;
    drafts_.resize(first_draft_);
  }

  CallId call_;
  IncidentId incident_;
  std::vector<OrderId> orders_;

 private:
  const cad::Decider& decider_;
  cad::State& state_;
  const store::Actor& actor_;
  std::vector<store::EventDraft>& drafts_;
  std::size_t first_draft_;
  std::uint64_t events_applied_;
};

Status record(RowRecorder& r, const ImportRow& row, std::string_view note, const std::string& station) {
  const UtcTime t0 = row.received;
  auto received = r.run(cad::ReceiveCall{cad::CallChannel::kVoice, "", "", row.summary, t0, t0}, t0);
  if (!received) return received.error();
  auto call = cad::parse_call_id((*received)->entities.front());
  if (!call) return call.error();
  r.call_ = *call;

  auto created = r.run(cad::CreateIncident{r.call_, row.summary, row.type_code, row.priority}, t0);
  if (!created) return created.error();
  auto incident = cad::parse_incident_id((*created)->entities.front());
  if (!incident) return incident.error();
  r.incident_ = *incident;
  const IncidentId id = r.incident_;

  cad::AddLocationCandidate location{id, cad::LocationSource::kMatchedAddress, row.location_text, row.position,
                                     Meters{row.uncertainty_m}, t0};
  const std::vector<std::pair<cad::Command, UtcTime>> opening{
      {location, t0},
      {cad::ConfirmLocation{id, 0}, t0},
      {cad::AddNote{id, std::string(note)}, t0},
      {cad::AcceptIncident{id}, t0},
  };
  for (const auto& [command, now] : opening) {
    if (auto done = r.run(command, now); !done) return done.error();
    if (std::holds_alternative<cad::ConfirmLocation>(command) && !station.empty()) {
      auto assigned =
          r.run(cad::AssignStation{id, station, "location", "the incident's location lies in this station's area"}, t0);
      if (!assigned) return assigned.error();
    }
  }

  if (row.dispatched) {
    auto issued = r.run(cad::IssueOrder{id, *row.target, row.instructions, OrderId()}, *row.dispatched);
    if (!issued) return issued.error();
    auto order = cad::parse_order_id((*issued)->entities.back());
    if (!order) return order.error();
    r.orders_.push_back(*order);
    if (row.en_route || row.arrived) {
      const UtcTime set_off = row.en_route.value_or(*row.dispatched);
      for (const auto& [command, now] : std::vector<std::pair<cad::Command, UtcTime>>{
               {cad::SignFor{*order}, *row.dispatched}, {cad::EnRoute{*order}, set_off}}) {
        if (auto done = r.run(command, now); !done) return done.error();
      }
    }
    if (row.arrived) {
      if (auto done = r.run(cad::Arrive{*order}, *row.arrived); !done) return done.error();
    }
  }
  if (row.cleared) {
    if (auto done = r.run(cad::CloseScene{id, row.disposition}, *row.cleared); !done) return done.error();
    if (auto done = r.run(cad::TerminateIncident{id}, *row.cleared); !done) return done.error();
  }
  return {};
}

}  // namespace

Status record_row(const cad::Decider& decider, cad::State& state, const ImportRow& row, const store::Actor& actor,
                  std::string_view note, const std::string& station, std::vector<store::EventDraft>& drafts) {
  RowRecorder recorder(decider, state, actor, drafts);
  Status recorded = record(recorder, row, note, station);
  if (!recorded) recorder.undo();
  return recorded;
}

}  // namespace shouwang::exchange::detail
