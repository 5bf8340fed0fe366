#pragma once
// The domain commands that record one imported row, decided and applied in order:
//
//   receive_call ─▶ create_incident ─▶ add_location_candidate ─▶ confirm_location
//     ─▶ assign_station (the location's, when known) ─▶ add_note ─▶ accept_incident
//                                                         (all at the call time)
//     ─▶ issue_order                                      (at the dispatch time, if any)
//     ─▶ sign_for, en_route ─▶ arrive                     (when the row has an arrival or en-route time)
//     ─▶ close_scene (disposition) ─▶ terminate_incident  (at the clear time, if any)
//
// Signing for and going en route are recorded only when a later step needs them: at the
// dispatch time, or at the row's own en-route time. An order that never arrived is
// cancelled by close_scene, as the domain does for any open order.

#include <string>
#include <string_view>
#include <vector>

#include <shouwang/base/result.h>
#include <shouwang/cad/decide.h>
#include <shouwang/cad/state.h>
#include <shouwang/exchange/row_converter.h>
#include <shouwang/store/event.h>

namespace shouwang::exchange::detail {

// Decides each command against `state` with now = the row's time for that step, applies
// its events to `state` (a later command needs the records an earlier one made) and
// appends them to `drafts`. Nothing is written to a log here.
//
// A refused command leaves `state` and `drafts` as they were before the row: the row's
// events exist only in memory until its batch is appended, so undoing it is removing the
// call, incident and orders it created (records no other row refers to). The refusal is
// returned as the domain gave it, prefixed with the command's name. An event apply()
// refuses is kCorrupt: a domain fault, not a property of the row.
// `station` is the station whose area holds the row's position ("": none known).
Status record_row(const cad::Decider& decider, cad::State& state, const ImportRow& row, const store::Actor& actor,
                  std::string_view note, const std::string& station, std::vector<store::EventDraft>& drafts);

}  // namespace shouwang::exchange::detail
