#pragma once
// How statistics answers write their parts as JSON: periods with their coverage, changes,
// seconds and shares rounded for reading, response-time rows; and lists of seconds read
// from a parameter.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <shouwang/analytics/incident_history.h>
#include <shouwang/analytics/periods.h>
#include <shouwang/analytics/response_times.h>
#include <shouwang/base/result.h>

namespace shouwang::server::stats {

std::string text(const nlohmann::json& body);
nlohmann::json period_json(const analytics::Period& p, const analytics::IncidentHistory& history);
nlohmann::json percent(const analytics::Change& change);
nlohmann::json seconds(double s);
nlohmann::json share(std::optional<double> v);
nlohmann::json response_row(const analytics::ResponseRow& row, const std::vector<double>& limits);
// "60,180,300": at most 12 numbers of seconds, each 0 to 10^7; kInvalidArgument naming `name`.
Result<std::vector<double>> read_seconds_list(const std::string& name, const std::string& value);

}  // namespace shouwang::server::stats
