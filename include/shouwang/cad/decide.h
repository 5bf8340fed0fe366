#pragma once
// decide(): the only way the domain changes. A command is checked against the current
// state and either refused with a reason or turned into the events that record it; the
// state itself changes only when the caller applies those events (apply.h), after the
// event log has made them durable. decide() is pure: the same state, command, actor and
// time give the same events, byte for byte, including the ids of new records.
//
// Refusals (the state is never touched; `field` names the offending input):
//   kInvalidArgument    the command itself is wrong (empty reason, unknown type code,
//                       priority outside 1..4, a field name a person cannot have ...)
//   kNotFound           an id it names does not exist (incident, call, order, candidate)
//   kInvalidTransition  the lifecycle forbids the step in the entity's current status
//   kConflict           the step contradicts what already happened (signed for twice, a
//                       second open order to the same target, a repeated no-op ...)
//   kAlreadyExists      the link or verification is already recorded
//   kOutOfRange         the day's 999,999 ids are used up, or a time outside 1970..2149
//
// The invariants that every accepted command preserves are listed in invariants.h.

#include <vector>

#include <shouwang/base/clock.h>
#include <shouwang/base/result.h>
#include <shouwang/cad/centre.h>
#include <shouwang/cad/commands.h>
#include <shouwang/cad/state.h>
#include <shouwang/cad/taxonomy.h>
#include <shouwang/store/event.h>

namespace shouwang::cad {

// Holds the centre and a reference to the taxonomy, which must outlive it. Immutable;
// decide() may run on several threads at once over states they do not share.
class Decider {
 public:
  Decider(Centre centre, const Taxonomy& taxonomy) : centre_(centre), taxonomy_(&taxonomy) {}

  // The events that carry out `command` on `state`, issued by `actor` at `now` (from the
  // caller's injected Clock). Never empty on success.
  [[nodiscard]] Result<std::vector<store::EventDraft>> decide(const State& state,
                                                              const Command& command,
                                                              const store::Actor& actor,
                                                              UtcTime now) const;

  [[nodiscard]] const Centre& centre() const { return centre_; }
  [[nodiscard]] const Taxonomy& taxonomy() const { return *taxonomy_; }

 private:
  Centre centre_;
  const Taxonomy* taxonomy_;
};

}  // namespace shouwang::cad
