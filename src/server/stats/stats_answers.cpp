// The statistics answers behind /api/v1/stats/* and `shouwang stats` (stats_answers.h).

#include <algorithm>
#include <charconv>
#include <cmath>

#include <nlohmann/json.hpp>

#include <shouwang/analytics/counts.h>
#include <shouwang/analytics/order_buckets.h>
#include <shouwang/analytics/period_text.h>
#include <shouwang/analytics/response_times.h>
#include <shouwang/analytics/safety_index.h>
#include <shouwang/osm/jurisdictions.h>
#include <shouwang/server/statistics.h>
#include <shouwang/server/stats_answers.h>

#include "server/stats/hotspot_answer.h"
#include "server/stats/standards_answer.h"
#include "server/stats/warning_answer.h"
#include "server/stats/stats_json.h"
#include "server/stats/stats_query.h"

namespace shouwang::server {
namespace {

using nlohmann::json;
namespace an = analytics;
using stats::only_known;
using stats::percent;
using stats::period_json;
using stats::read_flag;
using stats::read_seconds_list;
using stats::response_row;
using stats::seconds;
using stats::share;
using stats::split_list;
using stats::StatsParams;
using stats::text;

constexpr std::size_t kDefaultIds = 1000;
constexpr std::size_t kMaxIds = 100'000;

// Narrows the filter to the caller's scope: the stations within it.
void scope_filter(const StatsEnvironment& env, const an::IncidentHistory& history,
                  an::Filter& filter) {
  if (!env.in_scope)
    return;
  std::vector<std::string> allowed;
  const an::Dictionary& stations = history.stations();
  for (std::uint16_t code = 0; code < stations.size(); ++code) {
    const std::string& station = stations.text(code);
    const bool wanted =
        filter.stations.empty() ||
        std::find(filter.stations.begin(), filter.stations.end(), station) != filter.stations.end();
    if (wanted && env.in_scope(station))
      allowed.push_back(station);
  }
  if (allowed.empty())
    allowed.emplace_back("\x01");  // matches nothing: the scope has no incidents on record
  filter.stations = std::move(allowed);
}

std::optional<std::int64_t> population_of(const StatsEnvironment& env, const std::string& code) {
  if (env.jurisdictions == nullptr)
    return std::nullopt;
  const osm::OrgUnit* unit = env.jurisdictions->find(code);
  return unit != nullptr ? unit->population : std::nullopt;
}

json count_row(const an::CountRow& row) {
  return {{"key", row.key},
          {"current", row.current},
          {"last_year", row.last_year},
          {"previous", row.previous},
          {"yoy_percent", percent(row.year_on_year())},
          {"pop_percent", percent(row.period_on_period())}};
}

Result<std::string> counts(const StatsEnvironment& env, const an::IncidentHistory& history,
                           const StatsParams& params) {
  if (Status ok = only_known(params, {}); !ok)
    return (ok.error());
  auto report = an::count(history, {params.period, params.filter, params.by});
  if (!report)
    return (report.error());
  json by = json::array();
  for (const an::Dimension d : report->by)
    by.push_back(an::to_string(d));
  // Rates per 10,000 residents for one area dimension, where the area's population is known.
  const bool areas = report->by.size() == 1 && (report->by[0] == an::Dimension::kStation ||
                                                report->by[0] == an::Dimension::kDistrict);
  json rows = json::array();
  for (const an::CountRow& row : report->rows) {
    json item = count_row(row);
    if (areas) {
      if (const auto population = population_of(env, row.key[0]); population && *population > 0) {
        item["population"] = *population;
        item["rate_per_10k"] =
            std::round(static_cast<double>(row.current) * 1e4 / *population * 100.0) / 100.0;
      }
    }
    rows.push_back(std::move(item));
  }
  return text({{"period", period_json(report->period, history)},
               {"last_year", period_json(report->last_year, history)},
               {"previous", period_json(report->previous, history)},
               {"by", std::move(by)},
               {"officer_initiated", params.filter.officer_initiated},
               {"cancelled", params.filter.cancelled},
               {"total", count_row(report->total)},
               {"rows", std::move(rows)}});
}

Result<std::string> incidents(const an::IncidentHistory& history, const StatsParams& params) {
  if (Status ok = only_known(params, {"key", "base", "limit"}); !ok)
    return (ok.error());
  std::vector<std::string> key;
  if (const auto it = params.rest.find("key"); it != params.rest.end())
    key = split_list(it->second);
  an::Base base = an::Base::kCurrent;
  if (const auto it = params.rest.find("base"); it != params.rest.end()) {
    if (it->second == "last_year")
      base = an::Base::kLastYear;
    else if (it->second == "previous")
      base = an::Base::kPrevious;
    else if (it->second != "current")
      return (Error(Errc::kInvalidArgument,
                    "base is current, last_year or previous, not '" + it->second + "'", "base"));
  }
  std::size_t limit = kDefaultIds;
  if (const auto it = params.rest.find("limit"); it != params.rest.end()) {
    const std::string& v = it->second;
    const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), limit);
    if (v.empty() || ec != std::errc() || end != v.data() + v.size() || limit == 0 ||
        limit > kMaxIds)
      return (Error(Errc::kInvalidArgument,
                    "limit must be a whole number from 1 to " + std::to_string(kMaxIds), "limit"));
  }
  auto ids =
      an::drill_down(history, {params.period, params.filter, params.by}, key, base, limit + 1);
  if (!ids)
    return (ids.error());
  const bool truncated = ids->size() > limit;
  if (truncated)
    ids->pop_back();
  return text({{"ids", *ids}, {"count", ids->size()}, {"truncated", truncated}});
}

Result<std::string> response(const an::IncidentHistory& history, const StatsParams& params) {
  if (Status ok = only_known(params, {"from", "to", "limits"}); !ok)
    return (ok.error());
  an::ResponseQuery query;
  query.period = params.period;
  query.filter = params.filter;
  query.by = params.by;
  for (const char* name : {"from", "to"}) {
    const auto it = params.rest.find(name);
    if (it == params.rest.end())
      continue;
    const auto m = an::parse_milestone(it->second);
    if (!m)
      return (Error(Errc::kInvalidArgument,
                    std::string(name) + " names no milestone: '" + it->second +
                        "' (call_start, answered, created, accepted, first_issued, first_received, "
                        "first_signed_for, first_en_route, first_arrived, first_feedback, "
                        "scene_closed, terminated)",
                    name));
    (std::string_view(name) == "from" ? query.from : query.to) = *m;
  }
  if (const auto it = params.rest.find("limits"); it != params.rest.end()) {
    auto limits = read_seconds_list("limits", it->second);
    if (!limits)
      return (limits.error());
    query.limits_s = *limits;
  }
  auto report = an::response_times(history, query);
  if (!report)
    return (report.error());
  json by = json::array();
  for (const an::Dimension d : report->by)
    by.push_back(an::to_string(d));
  json rows = json::array();
  for (const auto& row : report->rows)
    rows.push_back(response_row(row, report->limits_s));
  return text({{"period", period_json(report->period, history)},
               {"from", an::to_string(report->from)},
               {"to", an::to_string(report->to)},
               {"by", std::move(by)},
               {"officer_initiated", report->officer_initiated},
               {"limits_s", report->limits_s},
               {"total", response_row(report->total, report->limits_s)},
               {"rows", std::move(rows)}});
}

json bucket_row(const an::BucketRow& row) {
  return {{"key", row.key},
          {"buckets", row.buckets},
          {"n", row.n},
          {"missing", row.missing},
          {"out_of_order", row.out_of_order},
          {"median_s", row.median_s ? seconds(*row.median_s) : json(nullptr)},
          {"within_standard", share(row.within_standard)},
          {"rank", row.rank == 0 ? json(nullptr) : json(row.rank)}};
}

Result<std::string> buckets(const an::IncidentHistory& history, const StatsParams& params) {
  if (Status ok = only_known(params, {"measure", "unit_level", "bounds", "standard"}); !ok)
    return (ok.error());
  an::BucketQuery query;
  query.period = params.period;
  query.filter = params.filter;
  if (const auto it = params.rest.find("measure"); it != params.rest.end()) {
    const auto m = an::parse_order_measure(it->second);
    if (!m)
      return (Error(Errc::kInvalidArgument,
                    "measure is sign_for, turnout, arrival or feedback, not '" + it->second + "'",
                    "measure"));
    query.measure = *m;
  }
  if (const auto it = params.rest.find("unit_level"); it != params.rest.end()) {
    auto flag = read_flag("unit_level", it->second);
    if (!flag)
      return (flag.error());
    query.by = *flag ? an::OrderGrouping::kTarget : an::OrderGrouping::kStation;
  }
  an::BucketScheme scheme = an::default_buckets(query.measure);
  if (const auto it = params.rest.find("bounds"); it != params.rest.end()) {
    auto bounds = read_seconds_list("bounds", it->second);
    if (!bounds)
      return (bounds.error());
    scheme.upper_s = *bounds;
  }
  if (const auto it = params.rest.find("standard"); it != params.rest.end()) {
    auto standard = read_seconds_list("standard", it->second);
    if (!standard || standard->size() != 1)
      return (Error(Errc::kInvalidArgument, "standard is one number of seconds", "standard"));
    scheme.standard_s = standard->front();
  }
  query.scheme = scheme;
  auto report = an::order_buckets(history, query);
  if (!report)
    return (report.error());
  json rows = json::array();
  for (const auto& row : report->rows)
    rows.push_back(bucket_row(row));
  return text({{"period", period_json(report->period, history)},
               {"measure", an::to_string(report->measure)},
               {"by", report->by == an::OrderGrouping::kStation ? "station" : "unit"},
               {"bounds_s", report->scheme.upper_s},
               {"standard_s", report->scheme.standard_s},
               {"total", bucket_row(report->total)},
               {"rows", std::move(rows)}});
}

// The `level` parameter: station (default) or district (sub-bureau).
Result<std::pair<an::Dimension, osm::OrgLevel>> read_area_level(const StatsParams& params) {
  const auto it = params.rest.find("level");
  if (it == params.rest.end() || it->second == "station")
    return std::pair{an::Dimension::kStation, osm::OrgLevel::kStation};
  if (it->second == "district")
    return std::pair{an::Dimension::kDistrict, osm::OrgLevel::kSubBureau};
  return Error(Errc::kInvalidArgument, "level is station or district, not '" + it->second + "'",
               "level");
}

Result<std::string> streaks(const StatsEnvironment& env, const an::IncidentHistory& history,
                            const StatsParams& params) {
  if (Status ok = only_known(params, {"as_of", "level"}); !ok)
    return (ok.error());
  an::Day as_of = env.today;
  if (const auto it = params.rest.find("as_of"); it != params.rest.end()) {
    auto day = an::parse_day(it->second);
    if (!day)
      return (Error(Errc::kInvalidArgument, "as_of: " + day.error().message, "as_of"));
    as_of = *day;
  }
  auto area_level = read_area_level(params);
  if (!area_level)
    return area_level.error();
  const auto [by, level] = *area_level;
  // The areas: every one of the level the organisation knows (within the caller's scope),
  // else those the records name.
  std::vector<std::string> areas;
  if (env.jurisdictions != nullptr) {
    for (const osm::OrgUnit& unit : env.jurisdictions->units()) {
      if (unit.level == level && (!env.in_scope || env.in_scope(unit.code)))
        areas.push_back(unit.code);
    }
  } else {
    for (std::uint16_t code = 0; code < history.stations().size(); ++code) {
      const std::string& area = history.stations().text(code);
      if (!env.in_scope || env.in_scope(area))
        areas.push_back(area);
    }
  }
  auto rows = an::streaks(history, params.filter, by, areas, as_of);
  if (!rows)
    return (rows.error());
  std::stable_sort(rows->begin(), rows->end(), [](const an::StreakRow& a, const an::StreakRow& b) {
    return a.streak.days > b.streak.days;
  });
  json items = json::array();
  for (const auto& row : *rows)
    items.push_back({{"key", row.key},
                     {"days", row.streak.days},
                     {"since", an::to_string(row.streak.since)},
                     {"at_least", row.streak.open_ended}});
  const auto coverage = history.coverage();
  return text({{"as_of", an::to_string(as_of)},
               {"level", level == osm::OrgLevel::kStation ? "station" : "district"},
               {"records_begin", coverage ? json(an::to_string(coverage->begin)) : json(nullptr)},
               {"rows", std::move(items)}});
}

json safety_score(const an::SafetyScore& s) {
  json parts = json::array();
  for (const an::SafetyPart& p : s.parts) {
    parts.push_back(
        {{"name", p.name},
         {"value", p.value ? json(std::round(*p.value * 10'000.0) / 10'000.0) : json(nullptr)},
         {"score", std::round(p.score * 100.0) / 100.0},
         {"weight", p.weight},
         {"contribution", std::round(p.contribution * 100.0) / 100.0}});
  }
  return {{"index", s.index ? json(std::round(*s.index * 100.0) / 100.0) : json(nullptr)},
          {"parts", std::move(parts)}};
}

Result<std::string> safety(const StatsEnvironment& env, const an::IncidentHistory& history,
                           const StatsParams& params) {
  if (Status ok = only_known(params, {"level", "weights", "standard"}); !ok)
    return ok.error();
  an::SafetyIndexConfig config;
  if (!params.filter.types.empty() || !params.filter.groups.empty()) {
    config.incidents = params.filter;
  } else {
    config.incidents.stations = params.filter.stations;  // the caller's scope
    config.incidents.cancelled = params.filter.cancelled;
  }
  if (const auto it = params.rest.find("weights"); it != params.rest.end()) {
    auto w = read_seconds_list("weights", it->second);
    if (!w || w->size() != 4)
      return Error(Errc::kInvalidArgument,
                   "weights are four numbers: rate,trend,clearance,response", "weights");
    config.rate_weight = (*w)[0];
    config.trend_weight = (*w)[1];
    config.clearance_weight = (*w)[2];
    config.response_weight = (*w)[3];
  }
  if (const auto it = params.rest.find("standard"); it != params.rest.end()) {
    auto standard = read_seconds_list("standard", it->second);
    if (!standard || standard->size() != 1)
      return Error(Errc::kInvalidArgument, "standard is one number of seconds", "standard");
    config.response_standard_s = standard->front();
  }
  auto area_level = read_area_level(params);
  if (!area_level)
    return area_level.error();
  const auto [by, level] = *area_level;
  std::vector<an::SafetyArea> areas;
  if (env.jurisdictions != nullptr) {
    for (const osm::OrgUnit& unit : env.jurisdictions->units()) {
      if (unit.level == level && (!env.in_scope || env.in_scope(unit.code)))
        areas.push_back({unit.code, unit.population});
    }
  }
  auto result = an::safety_index(history, params.period, by, areas, config);
  if (!result)
    return result.error();
  std::stable_sort(result->begin(), result->end(),
                   [](const an::AreaSafety& a, const an::AreaSafety& b) {
                     return a.now.index.value_or(-1) > b.now.index.value_or(-1);
                   });
  json rows = json::array();
  for (const an::AreaSafety& a : *result) {
    rows.push_back({{"key", a.code},
                    {"now", safety_score(a.now)},
                    {"before", safety_score(a.before)},
                    {"moved_by", a.moved_by.empty() ? json(nullptr) : json(a.moved_by)},
                    {"moved_by_points", std::round(a.moved_by_points * 100.0) / 100.0}});
  }
  return text({{"period", period_json(params.period, history)},
               {"previous", period_json(an::previous_period(params.period), history)},
               {"level", level == osm::OrgLevel::kStation ? "station" : "district"},
               {"weights",
                {{"rate", config.rate_weight},
                 {"trend", config.trend_weight},
                 {"clearance", config.clearance_weight},
                 {"response", config.response_weight}}},
               {"response_standard_s", config.response_standard_s},
               {"rows", std::move(rows)}});
}

}  // namespace

an::Day local_day(UtcTime now, std::int32_t utc_offset_minutes) {
  const std::int64_t local = now.micros() / 1'000'000 + std::int64_t{utc_offset_minutes} * 60;
  return an::Day(std::chrono::days(local >= 0 ? local / 86'400 : (local - 86'399) / 86'400));
}

Result<std::string> answer_stats(const Statistics& statistics, std::string_view what,
                                 const std::map<std::string, std::string>& query,
                                 const StatsEnvironment& env) {
  const bool known = what == "counts" || what == "incidents" || what == "response" ||
                     what == "buckets" || what == "streaks" || what == "safety" ||
                     what == "standards" || what == "hotspots" || what == "warnings";
  if (!known)
    return Error(Errc::kNotFound,
                 "no statistic '" + std::string(what) +
                     "' (counts, incidents, response, buckets, streaks, safety, standards, hotspots, warnings)");
  // Response times leave incidents found on patrol out unless asked.
  auto params =
      stats::read_stats_params(query, env.today, what != "response" && what != "standards");
  if (!params)
    return params.error();
  return statistics.read([&](const an::IncidentHistory& history) -> Result<std::string> {
    scope_filter(env, history, params->filter);
    if (what == "counts")
      return counts(env, history, *params);
    if (what == "incidents")
      return incidents(history, *params);
    if (what == "response")
      return response(history, *params);
    if (what == "buckets")
      return buckets(history, *params);
    if (what == "safety")
      return safety(env, history, *params);
    if (what == "standards")
      return stats::standards(env, history, *params);
    if (what == "hotspots")
      return stats::hotspots(history, *params, env.roads);
    if (what == "warnings")
      return stats::warnings(env, history, *params);
    return streaks(env, history, *params);
  });
}

}  // namespace shouwang::server
