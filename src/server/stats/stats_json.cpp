#include "server/stats/stats_json.h"

#include <charconv>
#include <cmath>

#include <shouwang/analytics/period_text.h>

#include "server/stats/stats_query.h"

namespace shouwang::server::stats {

using nlohmann::json;
namespace an = analytics;

std::string text(const json& body) {
  return body.dump(-1, ' ', false, json::error_handler_t::replace);
}

// A period and whether the records cover all of it: a comparison with a period the
// records only partly cover (before the first incident on record, or still running)
// understates its base, and the answer says so.
json period_json(const an::Period& p, const an::IncidentHistory& history) {
  const auto coverage = history.coverage();
  return {
      {"name", an::format_period(p)},
      {"kind", an::to_string(p.kind)},
      {"begin", an::to_string(p.begin)},
      {"last", an::to_string(p.end - std::chrono::days(1))},
      {"days", p.days()},
      {"covered", coverage.has_value() && coverage->begin <= p.begin && p.end <= coverage->end}};
}

json percent(const an::Change& change) {
  const auto p = change.percent();
  if (!p)
    return nullptr;
  return std::round(*p * 100.0) / 100.0;
}

json seconds(double s) {
  return std::round(s * 10.0) / 10.0;
}

json share(std::optional<double> v) {
  if (!v)
    return nullptr;
  return std::round(*v * 10'000.0) / 10'000.0;
}

Result<std::vector<double>> read_seconds_list(const std::string& name, const std::string& value) {
  std::vector<double> out;
  for (const std::string& part : split_list(value)) {
    double v = 0;
    const auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), v);
    if (part.empty() || ec != std::errc() || end != part.data() + part.size() || v < 0 || v > 1e7)
      return Error(Errc::kInvalidArgument, name + " is a list of seconds, not '" + value + "'",
                   name);
    out.push_back(v);
  }
  if (out.size() > 12)
    return Error(Errc::kInvalidArgument, name + " takes at most 12 values", name);
  return out;
}

json response_row(const an::ResponseRow& row, const std::vector<double>& limits) {
  json item = {{"key", row.key}, {"missing", row.missing}, {"out_of_order", row.out_of_order}};
  if (row.seconds) {
    item["n"] = row.seconds->n;
    item["mean_s"] = seconds(row.seconds->mean);
    item["median_s"] = seconds(row.seconds->median);
    item["p90_s"] = seconds(row.seconds->p90);
    item["min_s"] = seconds(row.seconds->min);
    item["max_s"] = seconds(row.seconds->max);
  } else {
    item["n"] = 0;
  }
  json within = json::array();
  for (std::size_t i = 0; i < limits.size(); ++i)
    within.push_back({{"limit_s", limits[i]},
                      {"share", i < row.within.size() ? share(row.within[i]) : json(nullptr)}});
  item["within"] = std::move(within);
  return item;
}

}  // namespace shouwang::server::stats
