#include <shouwang/server/telemetry/fix_filter.h>

#include <algorithm>
#include <cmath>

namespace shouwang::server::telemetry {
namespace {

constexpr double kNullIslandDegrees = 1e-4;

// later - earlier in seconds, in floating point so that no pair of times overflows.
double seconds_between(UtcTime later, UtcTime earlier) {
  return (static_cast<double>(later.micros()) - static_cast<double>(earlier.micros())) / 1e6;
}

bool optional_within(const std::optional<double>& v, double low, double high) {
  return !v || (std::isfinite(*v) && *v >= low && *v <= high);
}

bool well_formed(const PositionFix& fix) {
  const LatLon p = fix.position;
  return std::isfinite(p.lat) && std::isfinite(p.lon) && p.lat >= -90 && p.lat <= 90 &&
         p.lon >= -180 && p.lon <= 180 && optional_within(fix.speed_mps, 0, HUGE_VAL) &&
         optional_within(fix.heading_deg, 0, 360) && optional_within(fix.accuracy_m, 0, HUGE_VAL);
}

}  // namespace

FixFilter::FixFilter(FixFilterOptions options) : options_(std::move(options)) {}

Verdict FixFilter::classify(const PositionFix& fix) {
  const Verdict v = decide(fix);
  counts_.add(v);
  return v;
}

void FixFilter::forget(std::string_view unit) {
  if (const auto it = units_.find(unit); it != units_.end()) units_.erase(it);
}

FixFilter::Anchor FixFilter::anchor_of(const PositionFix& fix) const {
  const double reported = fix.accuracy_m.value_or(options_.assumed_accuracy.value());
  return Anchor{fix.t, fix.position, std::min(reported, options_.max_accuracy_allowance.value())};
}

// Whether a unit could have moved from `from` to `to`: later, and no faster than
// max_speed over the distance beyond both fixes' error allowances.
bool FixFilter::plausible(const Anchor& from, const Anchor& to) const {
  const double dt = seconds_between(to.t, from.t);
  if (!(dt > 0)) return false;
  const double distance = haversine_distance(from.position, to.position).value();
  const double beyond_error = std::max(0.0, distance - from.accuracy_m - to.accuracy_m);
  return beyond_error <= options_.max_speed.value() * dt;
}

Verdict FixFilter::decide(const PositionFix& fix) {
  if (!well_formed(fix)) return Verdict::kMalformed;
  const LatLon p = fix.position;
  if ((std::abs(p.lat) < kNullIslandDegrees && std::abs(p.lon) < kNullIslandDegrees) ||
      (options_.map_box && !options_.map_box->contains(p))) {
    return Verdict::kOffMap;
  }
  const double ahead = seconds_between(fix.t, fix.received_at);  // > 0: t after arrival
  if (ahead > options_.max_clock_skew.value()) return Verdict::kFuture;

  const auto it = units_.find(fix.unit);
  if (it != units_.end()) {
    const Anchor& last = it->second.last;
    if (fix.t == last.t && p == last.position) return Verdict::kDuplicate;
    if (fix.t <= last.t) return Verdict::kOutOfOrder;
  }
  if (-ahead > options_.max_age.value()) return Verdict::kLate;

  const Anchor anchor = anchor_of(fix);
  if (it == units_.end()) {
    units_.emplace(fix.unit, UnitState{anchor, {}});
    return Verdict::kAccepted;
  }
  UnitState& unit = it->second;
  if (plausible(unit.last, anchor)) {
    unit.last = anchor;
    unit.jumped.clear();
    return Verdict::kAccepted;
  }
  if (options_.reanchor_after <= 0) return Verdict::kTooFast;
  if (unit.jumped.empty() || !plausible(unit.jumped.back(), anchor)) unit.jumped.clear();
  unit.jumped.push_back(anchor);
  if (unit.jumped.size() < static_cast<std::size_t>(options_.reanchor_after)) return Verdict::kTooFast;
  unit.last = anchor;
  unit.jumped.clear();
  return Verdict::kReanchored;
}

}  // namespace shouwang::server::telemetry
