#pragma once
// apply(): folds events into the state. Only events from decide() (live, or replayed from
// the log) are expected; one that does not fit the state (unknown type, malformed
// payload, an entity that does not exist or already exists, a step its lifecycle does not
// allow) is kCorrupt, names the event, and leaves the state unchanged.
//
// Deterministic: the same events in the same order give equal states (operator==) and
// identical serialisations (state_codec.h), whatever the machine.

#include <span>

#include <shouwang/base/result.h>
#include <shouwang/cad/state.h>
#include <shouwang/store/event.h>

namespace shouwang::cad {

Status apply(State& state, const store::EventDraft& event);
// As above; errors also name the sequence number. The view form replays straight from
// EventLog::scan() without copying the record.
Status apply(State& state, const store::Event& event);
Status apply(State& state, const store::EventView& event);

// Applies the events in order and stops at the first error (the events before it stay
// applied).
Status apply_all(State& state, std::span<const store::EventDraft> events);
Status apply_all(State& state, std::span<const store::Event> events);

}  // namespace shouwang::cad
