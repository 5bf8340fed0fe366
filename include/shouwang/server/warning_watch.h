#pragma once
// The daily early-warning scan: once a local day (the first pass after midnight, or the
// first after a start) the watch runs the warnings statistic (GET /api/v1/stats/warnings)
// over the day before, for every station, and raises each alarm as a directive the
// station must acknowledge (cad/warning.h): one per station and subject, its evidence the
// methods that fired. The domain refuses a day, area and subject already warned, so a
// restart that scans the same day again raises nothing twice.
//
// tick() is one pass (tests call it with a ManualClock); scan() runs one day at once.

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <shouwang/analytics/periods.h>
#include <shouwang/base/clock.h>
#include <shouwang/base/result.h>
#include <shouwang/osm/jurisdictions.h>
#include <shouwang/server/command_service.h>
#include <shouwang/server/periodic.h>
#include <shouwang/server/statistics.h>

namespace shouwang::server {

struct WarningWatchOptions {
  std::chrono::milliseconds period{60'000};
  std::string methods = "ears_c2,ears_c3,historical_limits";
  std::string subject = "group";  // group, type_level1 or type_level2
};

struct WarningScan {
  std::string day;                // the local day scanned, YYYY-MM-DD
  std::size_t alarms = 0;         // method alarms the statistic gave
  std::vector<WarningId> raised;  // directives raised in this scan
  std::size_t already = 0;        // subjects warned before (an earlier scan)
  std::size_t refused = 0;        // other refusals
};

struct WarningWatchStats {
  std::uint64_t scans = 0;
  std::uint64_t raised = 0;
  std::uint64_t refused = 0;
  std::string last_day;
};

class WarningWatch {
 public:
  // `jurisdictions` may be null (no sub-bureaux); `statistics` must outlive the watch.
  WarningWatch(CommandService& commands, const Statistics& statistics,
               const osm::Jurisdictions* jurisdictions, const Clock& clock,
               WarningWatchOptions options = {});
  ~WarningWatch();
  WarningWatch(const WarningWatch&) = delete;
  WarningWatch& operator=(const WarningWatch&) = delete;

  // Scans yesterday unless this watch already did; nullopt when there was nothing to do.
  std::optional<Result<WarningScan>> tick();
  Result<WarningScan> scan(analytics::Day day);
  void start();
  void stop();

  [[nodiscard]] WarningWatchStats stats() const;
  [[nodiscard]] std::string prometheus() const;

 private:
  CommandService& commands_;
  const Statistics& statistics_;
  const osm::Jurisdictions* jurisdictions_;
  const Clock& clock_;
  const WarningWatchOptions options_;

  mutable std::mutex mutex_;  // guards stats_ and scanned_
  WarningWatchStats stats_;
  std::optional<analytics::Day> scanned_;
  Periodic periodic_;
};

}  // namespace shouwang::server
