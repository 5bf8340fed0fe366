#pragma once
// One step of a lifecycle, kept for every incident and order so that the time of every
// status change is on record (not only the milestones).

#include <string>

#include <shouwang/base/clock.h>

namespace shouwang::cad {

template <typename Status>
struct StatusChange {
  Status from{};
  Status to{};
  UtcTime at;
  std::string by;      // the user whose command caused it
  std::string reason;  // free text; for a derived step, what caused it ("order.issued")
  friend bool operator==(const StatusChange&, const StatusChange&) = default;
};

}  // namespace shouwang::cad
