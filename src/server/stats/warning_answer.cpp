#include "server/stats/warning_answer.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <span>
#include <utility>

#include <nlohmann/json.hpp>

#include <shouwang/analytics/early_warning.h>
#include <shouwang/analytics/period_text.h>
#include <shouwang/analytics/selection.h>

#include "server/stats/stats_json.h"

namespace shouwang::server::stats {
namespace {

using nlohmann::json;
namespace an = analytics;

// Enough days before the day for five years of historical limits.
constexpr int kHistoryDays = 5 * 364 + 2 * 28;

double round_to(double v, int digits) {
  const double scale = std::pow(10.0, digits);
  return std::round(v * scale) / scale;
}

std::string subject_of(const an::IncidentHistory& history, std::uint32_t row,
                       const std::string& subject) {
  const std::uint16_t type = history.type(row);
  if (type == an::kNone16)
    return {};
  const std::string& code = history.types().text(type);
  return code.substr(0, std::min<std::size_t>(code.size(), subject == "type_level1" ? 2 : 4));
}

}  // namespace

Result<std::string> warnings(const StatsEnvironment& env, const an::IncidentHistory& history,
                             const StatsParams& params) {
  if (Status ok = only_known(params, {"as_of", "methods", "subject", "level"}); !ok)
    return ok.error();
  an::Day as_of = env.today - std::chrono::days(1);
  if (const auto it = params.rest.find("as_of"); it != params.rest.end()) {
    auto day = an::parse_day(it->second);
    if (!day)
      return Error(Errc::kInvalidArgument, "as_of: " + day.error().message, "as_of");
    as_of = *day;
  }
  std::vector<an::WarningMethod> methods{an::WarningMethod::kEarsC2, an::WarningMethod::kEarsC3,
                                         an::WarningMethod::kHistoricalLimits};
  if (const auto it = params.rest.find("methods"); it != params.rest.end()) {
    methods.clear();
    for (const std::string& name : split_list(it->second)) {
      const auto m = an::parse_warning_method(name);
      if (!m)
        return Error(
            Errc::kInvalidArgument,
            "methods are ears_c1, ears_c2, ears_c3 and historical_limits, not '" + name + "'",
            "methods");
      methods.push_back(*m);
    }
  }
  const std::string subject = params.rest.contains("subject") ? params.rest.at("subject") : "group";
  if (subject != "group" && subject != "type_level1" && subject != "type_level2")
    return Error(Errc::kInvalidArgument,
                 "subject is group, type_level1 or type_level2, not '" + subject + "'", "subject");
  const std::string level = params.rest.contains("level") ? params.rest.at("level") : "station";
  if (level != "station" && level != "district")
    return Error(Errc::kInvalidArgument, "level is station or district, not '" + level + "'",
                 "level");

  // Daily counts per (area, subject) over the days up to as_of that the records cover: a
  // day before the first record is unknown, not zero, so it is no baseline.
  const auto coverage = history.coverage();
  an::Day first = as_of - std::chrono::days(kHistoryDays);
  if (coverage)
    first = std::max(first, coverage->begin);
  const std::int64_t span_days = (as_of - first).count() + 1;
  const std::size_t days = coverage && span_days > 0 ? static_cast<std::size_t>(span_days) : 0;
  const an::CompiledFilter wanted(history, params.filter);
  const std::vector<std::string> groups = reporting_group_names();
  std::map<std::pair<std::string, std::string>, std::vector<double>> series;
  const an::Period span{an::PeriodKind::kRange, first, as_of + std::chrono::days(1)};
  for (const std::uint32_t row :
       days > 0 ? history.rows_in(span) : std::span<const std::uint32_t>()) {
    if (!wanted(row))
      continue;
    const std::uint16_t area_code =
        level == "station" ? history.station(row) : history.district(row);
    if (area_code == an::kNone16)
      continue;
    const std::string& area = history.stations().text(area_code);
    if (env.in_scope && !env.in_scope(area))
      continue;
    const auto day = static_cast<std::size_t>((history.day(row) - first).count());
    const auto add = [&](const std::string& key) {
      auto& s = series[{area, key}];
      if (s.empty())
        s.assign(days, 0.0);
      s[day] += 1.0;
    };
    if (subject == "group") {
      for (std::size_t g = 0; g < groups.size(); ++g)
        if ((history.groups(row) >> g & 1u) != 0)
          add(groups[g]);
    } else if (const std::string s = subject_of(history, row, subject); !s.empty()) {
      add(s);
    }
  }
  json alarms = json::array();
  for (const auto& [key, counts] : series) {
    for (const an::WarningMethod m : methods) {
      const auto r = an::evaluate_warning(counts, days - 1, m);
      if (!r || !r->alarm)
        continue;
      const auto day_text = [&](std::size_t i) {
        return an::to_string(first + std::chrono::days(i));
      };
      alarms.push_back({{"area", key.first},
                        {"subject", key.second},
                        {"method", an::to_string(m)},
                        {"count", r->count},
                        {"baseline_mean", round_to(r->baseline_mean, 3)},
                        {"baseline_sd", round_to(r->baseline_sd, 3)},
                        {"baseline_first", day_text(r->baseline_first)},
                        {"baseline_last", day_text(r->baseline_last)},
                        {"statistic", round_to(r->statistic, 3)},
                        {"threshold", r->threshold}});
    }
  }
  std::stable_sort(alarms.begin(), alarms.end(), [](const json& a, const json& b) {
    return a["statistic"].get<double>() / a["threshold"].get<double>() >
           b["statistic"].get<double>() / b["threshold"].get<double>();
  });
  json method_names = json::array();
  for (const an::WarningMethod m : methods)
    method_names.push_back(an::to_string(m));
  return text({{"as_of", an::to_string(as_of)},
               {"methods", method_names},
               {"subject", subject},
               {"level", level},
               {"first_day", days > 0 ? json(an::to_string(first)) : json(nullptr)},
               {"series", series.size()},
               {"alarms", alarms}});
}

}  // namespace shouwang::server::stats
