#pragma once
// A deadline of the dispatch chain that passed unmet, as recorded on its order or
// incident (deadlines.h says which deadlines there are and when they fall due).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <shouwang/base/clock.h>

namespace shouwang::cad {

enum class DeadlineKind : std::uint8_t {
  kSignFor,   // issued → signed for (签收)
  kArrival,   // issued → arrived at the scene (到达)
  kFeedback,  // arrived → first feedback (反馈)
  kPending,   // an accepted incident without any order (待派)
};
std::string_view to_string(DeadlineKind kind);
std::optional<DeadlineKind> parse_deadline_kind(std::string_view name);

struct MissedDeadline {
  DeadlineKind kind = DeadlineKind::kSignFor;
  UtcTime due;
  UtcTime noticed;           // when the timer recorded it
  std::string offered_unit;  // sign-for: the next unit offered to the dispatcher, if any
  friend bool operator==(const MissedDeadline&, const MissedDeadline&) = default;
};

}  // namespace shouwang::cad
