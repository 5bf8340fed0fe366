#pragma once
// Every step of the dispatch chain has a deadline (domain.md, "Dispatch order"): an order
// must be signed for, its unit must arrive, feedback must come, and an accepted incident
// must not wait for its first order. Deadlines are not stored: they follow from the
// state's times and a policy, so they survive a restart by construction; only a missed
// deadline, once noticed, is recorded (as an event), so it is escalated once.
//
// Pure: the server's timer asks due() with its injected clock and records what it finds.

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include <shouwang/base/clock.h>
#include <shouwang/base/ids.h>
#include <shouwang/base/result.h>
#include <shouwang/cad/missed_deadline.h>
#include <shouwang/cad/state.h>

namespace shouwang::cad {

// Seconds allowed per incident priority (index 0 is priority 1, the most urgent).
struct DeadlinePolicy {
  std::array<std::int64_t, 4> sign_for_s{60, 120, 180, 300};
  std::array<std::int64_t, 4> arrival_s{600, 900, 1800, 3600};
  std::array<std::int64_t, 4> feedback_s{1800, 3600, 7200, 14400};
  std::array<std::int64_t, 4> pending_s{60, 180, 600, 1800};

  [[nodiscard]] std::int64_t seconds(DeadlineKind kind, int priority) const;
};

// kInvalidArgument naming the first value that is not a positive number of seconds.
Status validate(const DeadlinePolicy& policy);

struct Deadline {
  DeadlineKind kind = DeadlineKind::kSignFor;
  IncidentId incident;
  OrderId order;  // invalid for kPending
  UtcTime due;
  friend bool operator==(const Deadline&, const Deadline&) = default;
};

// The deadlines still running or passed, and not yet recorded as missed, of every open
// order and open incident; sorted by due time.
std::vector<Deadline> deadlines(const State& state, const DeadlinePolicy& policy);

// Those of them due at or before `now`.
std::vector<Deadline> due(const State& state, const DeadlinePolicy& policy, UtcTime now);

}  // namespace shouwang::cad
