#pragma once
// Arrival KPIs of the quick-response circles (1-3-5分钟快反圈): did units actually arrive
// within a key site's promised time, per site and per month, from the incident history.
//
// An incident belongs to a site's circle when it lies within `near` of the site (its
// premises and the street in front). Its response is measured from the first dispatch
// order to the first unit on scene: what the circles promise is the units' reach, not the
// call-taking before it. An incident never dispatched, or with no arrival recorded, counts
// as not arrived; merged and cancelled incidents do not count.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include <shouwang/analytics/incident_history.h>
#include <shouwang/analytics/periods.h>
#include <shouwang/base/geo.h>

namespace shouwang::analytics {

struct CircleArea {
  std::string site;
  LatLon position;
  double promise_s = 180;
};

struct CircleMonth {
  std::string site;
  std::string month;           // YYYY-MM, the centre's local calendar
  std::uint32_t incidents = 0;  // in the circle, counted
  std::uint32_t arrived = 0;    // with a first arrival after a first order
  std::uint32_t within = 0;     // arrived within the promise
  double median_s = 0;          // order to arrival, of those arrived (0 when none)
};

// One row per site and month that had incidents in its circle, by site then month.
// `period` must lie within the history's settled days.
std::vector<CircleMonth> circle_arrivals(const IncidentHistory& history, std::span<const CircleArea> sites,
                                         const Period& period, Meters near = Meters(300));

}  // namespace shouwang::analytics
