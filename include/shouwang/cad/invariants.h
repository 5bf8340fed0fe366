#pragma once
// The rules that hold in every state built from decide()'s events. decide() refuses any
// command that would break one; check_invariants() verifies them all, for tests and for a
// state rebuilt from a log or a snapshot.
//
// Records and references
//   R1  Every id is valid and is the key it is stored under.
//   R2  A call attached to an incident is listed by that incident, and every call an
//       incident lists is attached to it. A dismissed call is attached to nothing.
//   R3  Every order belongs to an existing incident that lists it, and every order an
//       incident lists belongs to it; an incident lists its orders in the order issued.
//   R4  A child order's parent exists, belongs to the same incident, targets a station and
//       lists the child; every child a parent lists names it as its parent.
//   R5  Merges are recorded on both sides: a merged incident names an existing incident
//       that lists it among merged_from, and vice versa. An incident with merged_into is
//       merged (or archived after it), and following merged_into never loops.
//   R6  Links are symmetric, never to the incident itself, and never repeated.
//   R7  A reissued order names a returned order of the same incident, which names it back,
//       and the two have different targets. Only returned orders are reissued, once.
//
// Lifecycles
//   L1  Every incident's history starts at accepting, each step is in the incident
//       transition table, each step starts where the previous ended, and the last ends at
//       the current status. The same holds for orders (starting at issued) with the order
//       table.
//   L2  An incident that is not open (scene_closed, terminated, archived, transferred_out,
//       merged, cancelled) has no open order: closing, cancelling, transferring or
//       merging an incident ends all of its orders.
//   L3  Progress follows the orders: an accepting or accepted incident has no orders; an
//       open incident past accepted is exactly at the furthest milestone any of its orders
//       reached (issued → dispatched, en route → units_out, arrived → arrived,
//       feedback → feedback).
//   L4  An open child order has an open parent.
//   L5  At most one open order per (incident, target).
//   L6  An order is signed for at most once: signed_for appears at most once in its
//       history, and signed_for / signed_by are set exactly when it has been signed for.
//   L7  Scene_closed and terminated incidents, and incidents archived after termination,
//       have a disposition.
//   L8  A transferred-out incident (or one archived after transfer) records its transfer.
//
// Timestamps
//   T1  Each named order time is set exactly when the order passed through that step
//       (received is also set by signing for; feedback when it has feedback entries).
//   T2  Each incident milestone time is set exactly when reached: accepted, scene_closed,
//       terminated and archived from its history; first_order_issued when it has orders
//       (and equals its first order's issue time); first_signed_for / first_en_route /
//       first_arrived / first_feedback / first_order_received when any order has it.
//
// Details
//   D1  Location: the confirmed index is in range and names a confirmed candidate; a
//       positioned candidate has a finite uncertainty >= 0; with no candidate confirmed,
//       needs_confirmation holds exactly when two positioned candidates disagree.
//   D2  A verified person or vehicle field records who verified it and when, and only
//       known field names are used.
//   D3  Priority is 1..4, and a priority taken from the type's default belongs to an
//       incident that has a type.

// Units
//   U1  Every unit is stored under its id, a code, with a station code, and its profile's
//       lists are sorted and unique.
//   U2  A unit lists exactly open orders addressed to it, each once.
//   U3  A unit is on an assignment (dispatched .. on scene) exactly when it lists an open
//       order.
//   U4  A unit is on duty exactly when it has a shift; a retired unit is off duty and has
//       no raised emergency.
//   U5  Only a conditionally available or out-of-service unit keeps a status reason, only
//       an out-of-service one an expected return; its history starts at off duty, each
//       step starts where the previous ended, and the last ends at its status.
//   U6  No unit works an order of an incident that is no longer open (no unit is left on
//       the scene of a closed incident).

// Quick-response circles
//   C1  Every key site and post is stored under its id, a code, and its profile is
//       normalized (a tier of 60, 180 or 300 s, a station code, a name).
//   C2  Only a site in service has an open coverage gap, and it has opened at least one.

#include <shouwang/base/result.h>
#include <shouwang/cad/state.h>

namespace shouwang::cad {

// OK, or kInternal naming the first broken rule (its code above) and the entity.
Status check_invariants(const State& state);

}  // namespace shouwang::cad
