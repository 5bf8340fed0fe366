#pragma once
// An early-warning alarm as a directive (预警指令): the server's daily scan of the incident
// history found an area's count of one reporting group or type beyond expectation
// (analytics/early_warning.h); the alarm is recorded with its evidence and the area's
// station must acknowledge it, saying what it will do. One warning per (day, area,
// subject): the methods that fired on it are its evidence. The closed-loop tasks that
// follow an acknowledgement are not modelled yet.

#include <optional>
#include <string>
#include <vector>

#include <shouwang/base/clock.h>
#include <shouwang/base/ids.h>

namespace shouwang::cad {

// What one method saw (the fields of GET /api/v1/stats/warnings' alarms).
struct WarningEvidence {
  std::string method;  // ears_c1, ears_c2, ears_c3 or historical_limits
  double count = 0;    // the day's count (historical limits: the 28-day period's)
  double baseline_mean = 0;
  double baseline_sd = 0;
  std::string baseline_first;  // first and last day of the baseline, YYYY-MM-DD
  std::string baseline_last;
  double statistic = 0;
  double threshold = 0;
  friend bool operator==(const WarningEvidence&, const WarningEvidence&) = default;
};

// Which count rose: where (a station, or a sub-bureau) and what (a reporting group or a
// level-1 / level-2 type code), on which local day.
struct WarningSubject {
  std::string day;    // YYYY-MM-DD, the centre's local day counted
  std::string level;  // station or district
  std::string area;   // the station's or sub-bureau's org code
  std::string kind;   // group, type_level1 or type_level2
  std::string code;   // the reporting group's name or the type code
  friend bool operator==(const WarningSubject&, const WarningSubject&) = default;
};

struct Warning {
  WarningId id;
  WarningSubject subject;
  std::vector<WarningEvidence> evidence;  // at least one
  UtcTime raised_at;
  std::string raised_by;
  std::optional<UtcTime> acknowledged_at;
  std::string acknowledged_by;
  std::string response;  // what the station says it will do
  friend bool operator==(const Warning&, const Warning&) = default;
};

inline bool is_acknowledged(const Warning& w) {
  return w.acknowledged_at.has_value();
}

}  // namespace shouwang::cad
