#pragma once
// How the people behind a unit's terminal behave, as numbers drawn from a seeded Rng: how
// long they take to sign for an order (mostly within half a minute, sometimes slower, now
// and then past the sign-for deadline of the incident's priority, cad/deadlines.h), to set
// off, how long they stay on scene for each kind of incident, what they write as feedback,
// and how they drive (patrolling slower than the roads allow, responding to urgent calls
// faster). All times are simulated seconds.

#include <string>
#include <string_view>

#include <shouwang/base/random.h>
#include <shouwang/sim/fleet_plan.h>
#include <shouwang/sim/route_planner.h>

namespace shouwang::sim {

// The terminal confirms receipt by itself: a second or few.
double receipt_delay_s(Rng& rng);
// Issue to sign-for for an incident of `priority` (1..4): 80 % within 5–35 s, 14 % slower
// but within the deadline, 6 % between 1.05 and 1.6 times the deadline.
double sign_for_delay_s(int priority, Rng& rng);
// Sign-for to en route: a crew on the move sets off quickly, a parked one takes longer.
double turnout_s(bool parked, Rng& rng);
// Arrival to the end of the work on scene, by the type's top-level category (刑事, 治安,
// 交通 ...): from 5–20 minutes for a consultation to 40–120 for a disaster.
double on_scene_s(std::string_view type_code, Rng& rng);
// Feedback to completing the order: writing it up.
double report_s(Rng& rng);
// The feedback text for an incident of this type.
std::string feedback_text(std::string_view type_code, Rng& rng);

// Patrolling: below the roads' speeds, the odd stop on the way in the variation.
DriveStyle patrol_style(UnitKind kind);
// Responding: priority 1 and 2 with lights and siren, faster than the roads' speeds.
DriveStyle response_style(UnitKind kind, int priority);

}  // namespace shouwang::sim
