#pragma once
// Response-time distributions over a period: the duration between two milestones of each
// incident (call → arrival, call → first order, …), broken down by priority, type,
// station, first unit or any other dimension, as n, mean, median, P90 and the share
// within each limit (distribution.h).
//
// An incident whose start or end milestone is not recorded is counted as `missing`; one
// whose end is recorded before its start (a clock or entry error) as `out_of_order`.
// Neither enters the distribution, and both are reported next to it. Incidents found on
// patrol are excluded unless the filter asks for them: they have no call to respond to,
// and their zero response times would flatter every figure.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <shouwang/analytics/distribution.h>
#include <shouwang/analytics/incident_history.h>
#include <shouwang/analytics/selection.h>
#include <shouwang/base/result.h>

namespace shouwang::analytics {

// A filter for response times: officer-initiated incidents left out.
Filter response_filter();

struct ResponseQuery {
  Period period;
  Filter filter = response_filter();
  Milestone from = Milestone::kCallStart;
  Milestone to = Milestone::kFirstArrived;
  std::vector<Dimension> by;
  std::vector<double> limits_s = {60, 180, 300};
};

struct ResponseRow {
  std::vector<std::string> key;
  std::optional<Distribution> seconds;  // absent when no incident has both milestones
  std::vector<double> within;           // share within each limit; empty when absent
  std::int64_t missing = 0;
  std::int64_t out_of_order = 0;
};

struct ResponseReport {
  Period period;
  Milestone from = Milestone::kCallStart;
  Milestone to = Milestone::kFirstArrived;
  std::vector<Dimension> by;
  std::vector<double> limits_s;
  bool officer_initiated = false;  // whether they were included
  ResponseRow total;
  std::vector<ResponseRow> rows;  // by key ascending
};

Result<ResponseReport> response_times(const IncidentHistory& history, const ResponseQuery& query);

}  // namespace shouwang::analytics
