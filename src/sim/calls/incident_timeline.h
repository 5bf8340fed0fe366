#pragma once
// The moments of one incident's lifecycle in the history, drawn for one call. Times only
// grow along the lifecycle (started <= answered <= created <= ... <= terminated), and for
// an incident attended, arrival follows en route by at least the road travel time.
//
// Delays (seconds unless said; log-normal draws are given as median and sigma):
//   answer 3-15; talk to incident created 70 (0.35); location and acceptance 10-55;
//   dispatch by priority 30 / 50 / 80 / 150 (0.5), or 30-120 after the responder is free;
//   order received 2-10; sign-for 25 (0.8): mostly within a minute, a tail past three
//   (domain.md's bulletin buckets); turnout 45 (0.6), 20 for priority 1; travel ×1.05-1.35
//   plus 10 to park; on scene: the class's median in minutes (0.6); feedback to done
//   30-300; scene closed 60-600 later; terminated 30 min (0.8) later; archived 1-3 days
//   later when that is within the history. Settled by telephone: scene closed 8 min (0.5)
//   after acceptance, terminated 20 min (0.6) later.

#include <optional>
#include <string>

#include <shouwang/base/clock.h>
#include <shouwang/base/random.h>

#include "sim/calls/lifecycle_profiles.h"

namespace shouwang::sim::calls {

struct IncidentTimeline {
  UtcTime started{}, answered{}, created{}, located{}, accepted{};
  bool dispatched = false;
  UtcTime issued{}, received{}, signed_for{}, en_route{}, arrived{}, feedback{}, done{};
  UtcTime scene_closed{}, terminated{};
  std::optional<UtcTime> archived{};
};

// Call taking: started at `at`, up to acceptance.
IncidentTimeline draw_reception(Rng& rng, UtcTime at);

// When the centre would issue the order (before waiting for a free responder).
UtcTime draw_dispatch_wish(Rng& rng, const IncidentTimeline& t, int priority);

// The order's steps: issued at max(wish, free_at + 30-120 s) when the responder is busy
// then, arrival `travel_seconds` (and more) after setting off.
void draw_response(Rng& rng, IncidentTimeline& t, UtcTime wish, UtcTime free_at,
                   double travel_seconds, int priority, const LifecycleProfile& profile);

// Closing: after the response, or after acceptance when nobody was sent; archived only
// when that falls before `archive_limit`.
void draw_closing(Rng& rng, IncidentTimeline& t, UtcTime archive_limit);

}  // namespace shouwang::sim::calls
