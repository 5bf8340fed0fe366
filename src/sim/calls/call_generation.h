#pragma once
// The draws behind CallModel::generate, hour by hour.
//
//   hour h ──Rng(seed).fork(h)──▶ per class: Poisson count, times, hotspot or not, type
//            per call i ──fork(h, i)──▶ position
//   a call of a repeating type ──fork(h, i, repeat)──▶ its near-repeats (days later)
//
// Every stream is named by the hour and the call's index in it, never by the window being
// generated, which is why windows compose.

#include <cstdint>
#include <vector>

#include <shouwang/base/geo.h>

#include "sim/calls/model_data.h"

namespace shouwang::sim::calls {

inline constexpr std::int64_t kMicrosPerHour = 3'600'000'000LL;
// Near-repeats may follow their trigger by up to seven days: the hours looked back.
inline constexpr std::int64_t kLookBackHours = 7 * 24;

inline constexpr int kBackground = -1;
inline constexpr int kNearRepeat = -2;

// A call before its place is described.
struct RawCall {
  std::int64_t at_us = 0;
  std::uint32_t class_index = 0;
  std::uint32_t type_index = 0;  // into the class's codes
  int origin = kBackground;      // kBackground, kNearRepeat or a hotspot's index
  bool placed = false;           // `position` is set
  LatLon position{};
  std::int64_t hour = 0;    // of the primary call (for a near-repeat: its trigger's)
  std::uint32_t index = 0;  // in that hour
};

// The primary (background and hotspot) calls of UTC hour `hour`, appended in draw order.
// Positions are drawn for all of them when `place_all`, else only for calls whose type
// repeats (the look-back needs nothing else).
void primary_calls(const CallModel::Data& model, std::int64_t hour, bool place_all,
                   std::vector<RawCall>& out);

// The near-repeats a placed primary call triggers, appended.
void near_repeats(const CallModel::Data& model, const RawCall& trigger, std::vector<RawCall>& out);

}  // namespace shouwang::sim::calls
