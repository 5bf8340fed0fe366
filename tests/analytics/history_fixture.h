#pragma once
// Builders for hand-computed history fixtures: incidents at local Beijing times.

#include <chrono>
#include <string>

#include <shouwang/analytics/incident_history.h>

namespace shouwang::analytics::testing {

inline Day d(int y, unsigned m, unsigned dd) {
  return std::chrono::sys_days(std::chrono::year(y) / std::chrono::month(m) / std::chrono::day(dd));
}

// Microseconds since the epoch of a local time at UTC+8.
inline std::int64_t local(int y, unsigned m, unsigned dd, int hh = 12, int mm = 0, int ss = 0) {
  const auto seconds = std::chrono::sys_seconds(d(y, m, dd)) + std::chrono::hours(hh) +
                       std::chrono::minutes(mm) + std::chrono::seconds(ss) - std::chrono::hours(8);
  return seconds.time_since_epoch().count() * 1'000'000;
}

inline HistorySchema schema() {
  HistorySchema s;
  s.groups = {"criminal", "public_order", "traffic", "robbery_snatching_theft"};
  return s;
}

inline IncidentRecord incident(std::string id, std::int64_t call, std::string type,
                               std::string station, std::uint32_t groups = 0) {
  IncidentRecord r;
  r.id = std::move(id);
  r.type_code = std::move(type);
  r.station = std::move(station);
  r.district = r.station.empty() ? "" : "D" + r.station.substr(1, 1);
  r.groups = groups;
  r.priority = 2;
  r.times[static_cast<std::size_t>(Milestone::kCallStart)] = call;
  r.times[static_cast<std::size_t>(Milestone::kCreated)] = call + 30'000'000;
  return r;
}

inline void set(IncidentRecord& r, Milestone m, std::int64_t after_call_s) {
  r.times[static_cast<std::size_t>(m)] = *r.times[0] + after_call_s * 1'000'000;
}

}  // namespace shouwang::analytics::testing
