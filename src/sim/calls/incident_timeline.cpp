#include "sim/calls/incident_timeline.h"

#include <algorithm>
#include <cmath>

namespace shouwang::sim::calls {
namespace {

UtcTime after(UtcTime t, double seconds) {
  return t.plus_micros(static_cast<std::int64_t>(std::llround(seconds * 1e6)));
}

double log_normal(Rng& rng, double median, double sigma) {
  return median * std::exp(rng.normal(0.0, sigma));
}

}  // namespace

IncidentTimeline draw_reception(Rng& rng, UtcTime at) {
  IncidentTimeline t;
  t.started = at;
  t.answered = after(t.started, rng.uniform(3, 15));
  t.created = after(t.answered, log_normal(rng, 70, 0.35));
  t.located = after(t.created, rng.uniform(5, 30));
  t.accepted = after(t.located, rng.uniform(5, 25));
  return t;
}

UtcTime draw_dispatch_wish(Rng& rng, const IncidentTimeline& t, int priority) {
  constexpr double kMedian[] = {30, 50, 80, 150};
  const int p = std::clamp(priority, 1, 4);
  return after(t.accepted, log_normal(rng, kMedian[p - 1], 0.5));
}

void draw_response(Rng& rng, IncidentTimeline& t, UtcTime wish, UtcTime free_at,
                   double travel_seconds, int priority, const LifecycleProfile& profile) {
  const double wait_after_free = rng.uniform(30, 120);
  t.dispatched = true;
  t.issued = std::max(wish, after(free_at, wait_after_free));
  t.received = after(t.issued, rng.uniform(2, 10));
  t.signed_for = std::max(after(t.received, 1), after(t.issued, log_normal(rng, 25, 0.8)));
  t.en_route = after(t.signed_for, log_normal(rng, priority == 1 ? 20 : 45, 0.6));
  t.arrived = after(t.en_route, travel_seconds * rng.uniform(1.05, 1.35) + 10);
  t.feedback = after(t.arrived, 60 * log_normal(rng, profile.on_scene_minutes, 0.6));
  t.done = after(t.feedback, rng.uniform(30, 300));
}

void draw_closing(Rng& rng, IncidentTimeline& t, UtcTime archive_limit) {
  if (t.dispatched) {
    t.scene_closed = after(t.done, rng.uniform(60, 600));
    t.terminated = after(t.scene_closed, 60 * log_normal(rng, 30, 0.8));
  } else {
    t.scene_closed = after(t.accepted, 60 * log_normal(rng, 8, 0.5));
    t.terminated = after(t.scene_closed, 60 * log_normal(rng, 20, 0.6));
  }
  const UtcTime archived = after(t.terminated, 86'400 * rng.uniform(1, 3));
  if (archived <= archive_limit)
    t.archived = archived;
}

}  // namespace shouwang::sim::calls
