#include "sim/calls/call_generation.h"

#include <cmath>

#include "sim/calls/draws.h"

namespace shouwang::sim::calls {
namespace {

enum StreamTag : std::uint64_t { kHourStream = 1, kPlaceStream = 2, kRepeatStream = 3 };
constexpr std::uint32_t kNoIndex = 0xFFFFFF;
constexpr double kSnapMetres = 250.0;
constexpr double kRepeatHomeMetres = 100.0;
constexpr int kJitterTries = 8;
constexpr int kDelayTries = 16;

// The name of a random stream: the hour, the call's index in it and what the stream is for.
std::uint64_t stream(std::int64_t hour, std::uint32_t index, StreamTag tag) {
  return (((static_cast<std::uint64_t>(hour) << 24) | (index & kNoIndex)) << 3) | tag;
}

Rng named_rng(const CallModel::Data& model, std::int64_t hour, std::uint32_t index, StreamTag tag) {
  return Rng(model.options.seed).fork(stream(hour, index, tag));
}

// `p` moved by a 2-D Gaussian of `sigma` metres, cut off at `max` (by redrawing).
LatLon jitter(const CallModel::Data& model, Rng& rng, LatLon p, double sigma, double max) {
  const Xy at = model.frame.to_xy(p);
  for (int i = 0; i < kJitterTries; ++i) {
    const double dx = rng.normal(0.0, sigma);
    const double dy = rng.normal(0.0, sigma);
    if (std::hypot(dx, dy) <= max)
      return model.frame.to_lat_lon({at.x + dx, at.y + dy});
  }
  return p;
}

// The nearest point on a road, or `p` when no road is near.
LatLon onto_road(const CallModel::Data& model, LatLon p) {
  auto snapped = model.roads->snap->snap(p, Meters(kSnapMetres));
  return snapped ? snapped->point : p;
}

Setting setting_of(const ClassModel& c, std::uint32_t type, Rng& rng) {
  if (c.setting[type] >= 0)
    return static_cast<Setting>(c.setting[type]);
  return static_cast<Setting>(pick_cumulative(rng, c.settings));
}

LatLon background_position(const CallModel::Data& model, Setting setting, Rng& rng) {
  const CityPlaces& s = model.sites;
  if (setting == Setting::kHome && !s.homes.empty())
    return s.homes.points[s.homes.pick(rng)];
  if (setting != Setting::kRoad && !s.busy.empty())
    return s.busy.points[s.busy.pick(rng)];
  if (setting != Setting::kRoad && !s.homes.empty())
    return s.homes.points[s.homes.pick(rng)];
  return model.road_sampler.pick(rng);
}

void place(const CallModel::Data& model, RawCall& call) {
  Rng rng = named_rng(model, call.hour, call.index, kPlaceStream);
  const ClassModel& c = model.classes[call.class_index];
  if (call.origin >= 0) {
    const CallModel::Hotspot& h = model.hotspots[static_cast<std::size_t>(call.origin)];
    call.position =
        onto_road(model, jitter(model, rng, h.position, kHotspotSigmaMetres, kHotspotMaxMetres));
  } else {
    call.position = background_position(model, setting_of(c, call.type_index, rng), rng);
  }
  call.placed = true;
}

}  // namespace

void primary_calls(const CallModel::Data& model, std::int64_t hour, bool place_all,
                   std::vector<RawCall>& out) {
  Rng rng = named_rng(model, hour, kNoIndex, kHourStream);
  const std::int64_t start = hour * kMicrosPerHour;
  const LocalMoment moment = local_moment(UtcTime::from_micros(start + kMicrosPerHour / 2),
                                          model.options.utc_offset_minutes);
  std::uint32_t index = 0;
  for (std::uint32_t k = 0; k < model.classes.size(); ++k) {
    const ClassModel& c = model.classes[k];
    const int n = poisson(rng, model.primary_per_hour * c.share * c.rates.factor(moment));
    for (int i = 0; i < n; ++i) {
      RawCall call;
      call.at_us =
          start + static_cast<std::int64_t>(rng.uniform01() * static_cast<double>(kMicrosPerHour));
      call.class_index = k;
      call.hour = hour;
      call.index = index++;
      const bool at_hotspot = rng.bernoulli(c.hotspot_share);
      call.type_index = static_cast<std::uint32_t>(
          pick_cumulative(rng, at_hotspot ? c.at_hotspots : c.background));
      if (at_hotspot) {
        call.origin = static_cast<int>(pick_cumulative(rng, model.sites.hotspot_cumulative));
      }
      if (place_all || c.near_repeat[call.type_index] > 0)
        place(model, call);
      out.push_back(call);
    }
  }
}

void near_repeats(const CallModel::Data& model, const RawCall& trigger, std::vector<RawCall>& out) {
  const ClassModel& c = model.classes[trigger.class_index];
  const double mean = c.near_repeat[trigger.type_index];
  if (!(mean > 0) || !trigger.placed)
    return;
  Rng rng = named_rng(model, trigger.hour, trigger.index, kRepeatStream);
  const int n = poisson(rng, mean);
  const bool at_home = c.setting[trigger.type_index] == static_cast<int>(Setting::kHome);
  for (int i = 0; i < n; ++i) {
    double days = -1;
    for (int t = 0; t < kDelayTries && days < 0; ++t) {
      const double d = exponential(rng, kRepeatMeanDelayDays);
      if (d <= kRepeatMaxDelayDays)
        days = d;
    }
    const LatLon moved = jitter(model, rng, trigger.position, kRepeatSigmaMetres, kRepeatMaxMetres);
    if (days < 0)
      continue;
    RawCall call = trigger;
    call.at_us = trigger.at_us + static_cast<std::int64_t>(days * 86'400e6);
    call.origin = kNearRepeat;
    call.position = onto_road(model, moved);
    if (at_home) {
      // A burglary next door happens at a home, not on the street.
      const auto home = model.home_grid.nearest(moved, kRepeatHomeMetres);
      if (home)
        call.position = model.sites.homes.points[home->index];
    }
    out.push_back(call);
  }
}

}  // namespace shouwang::sim::calls
