#pragma once
// The `history.checkpoint` event: the last record of every batch a history run appends,
// durable together with it. Not a domain event (cad::event_type::is_domain_event is false
// for it), so the domain projection skips it. Payload:
//   {plan: {start, end, seed, calls_per_day}, through, incidents, events}
// with times in ISO 8601 UTC and the seed as a decimal string (JSON numbers lose 64-bit
// integers in many readers).

#include <string_view>

#include <shouwang/base/clock.h>
#include <shouwang/base/result.h>
#include <shouwang/sim/history.h>
#include <shouwang/store/event.h>

namespace shouwang::sim::calls {

inline constexpr std::string_view kHistoryCheckpointType = "history.checkpoint";
inline constexpr std::string_view kHistoryEntity = "history";

store::EventDraft history_checkpoint_draft(const HistoryCheckpoint& checkpoint,
                                           const store::Actor& actor, UtcTime time);

// kCorrupt when the payload is not one this code writes.
Result<HistoryCheckpoint> parse_history_checkpoint(std::string_view payload);

}  // namespace shouwang::sim::calls
