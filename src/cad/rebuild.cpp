#include <shouwang/cad/rebuild.h>

#include <shouwang/cad/apply.h>
#include <shouwang/cad/event_types.h>
#include <shouwang/cad/state_codec.h>

namespace shouwang::cad {

Result<Rebuilt> rebuild_state(const store::EventLog& log) {
  Rebuilt out;
  auto snapshot = log.latest_snapshot();
  if (!snapshot) return snapshot.error();
  if (*snapshot) {
    auto state = parse_state((*snapshot)->state);
    if (!state) {
      return Error(Errc::kCorrupt, "the snapshot at event " + std::to_string((*snapshot)->seq) +
                                       " cannot be read: " + state.error().message);
    }
    out.state = std::move(state).value();
    out.seq = out.snapshot_seq = (*snapshot)->seq;
  }
  Status applied;
  auto scanned = log.scan(out.seq + 1, [&](const store::EventView& event) {
    if (event.seq != out.seq + 1) {
      applied = Error(Errc::kCorrupt, "event " + std::to_string(out.seq + 1) + " is missing from the log");
      return false;
    }
    // Other parts of the platform share the log; their events leave the domain unchanged.
    if (event_type::is_domain_event(event.type)) {
      applied = apply(out.state, event);
      if (!applied) return false;
    }
    out.seq = event.seq;
    ++out.events_replayed;
    return true;
  });
  if (!scanned) return scanned.error();
  if (!applied) return applied.error();
  return out;
}

Status save_snapshot(store::EventLog& log, const State& state, std::uint64_t seq) {
  return log.put_snapshot({seq, serialize_state(state)});
}

}  // namespace shouwang::cad
