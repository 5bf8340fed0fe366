#pragma once
// What became of one position report. Every report gets exactly one verdict, and the
// intake counts them for /metrics (shouwang_telemetry_fixes_total{verdict="..."}).

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace shouwang::server::telemetry {

enum class Verdict : std::uint8_t {
  kAccepted,     // the unit's new live position
  kReanchored,   // accepted after a jump: the latest of consistent too_fast fixes (FixFilter)
  kDuplicate,    // same t and position as the last accepted fix (a resent message)
  kOutOfOrder,   // t not after the last accepted fix
  kLate,         // t more than max_age before it was received; never moves the live position
  kFuture,       // t more than max_clock_skew after it was received
  kTooFast,      // implies a speed above max_speed from the last accepted fix
  kOffMap,       // outside the city's bounding box, or at lat/lon 0,0
  kMalformed,    // the payload did not parse, or the fix holds non-finite or invalid numbers
  kUnknownUnit,  // not a unit the server knows (TelemetryIntake)
};

inline constexpr std::size_t kVerdictCount = static_cast<std::size_t>(Verdict::kUnknownUnit) + 1;

// Whether the fix became the unit's live position (accepted or reanchored).
[[nodiscard]] constexpr bool is_accepted(Verdict v) {
  return v == Verdict::kAccepted || v == Verdict::kReanchored;
}

// "accepted", "reanchored", "duplicate", "out_of_order", "late", "future", "too_fast",
// "off_map", "malformed", "unknown_unit": the metric label.
[[nodiscard]] std::string_view verdict_name(Verdict v);

// How many reports got each verdict, indexed by the verdict.
struct VerdictCounts {
  std::array<std::uint64_t, kVerdictCount> by_verdict{};

  [[nodiscard]] std::uint64_t operator[](Verdict v) const {
    return by_verdict[static_cast<std::size_t>(v)];
  }
  void add(Verdict v) { ++by_verdict[static_cast<std::size_t>(v)]; }
  [[nodiscard]] std::uint64_t total() const;
};

}  // namespace shouwang::server::telemetry
