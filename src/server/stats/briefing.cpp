// The briefing document (briefing.h): the answers of stats_answers.h for one period and
// scope, gathered into the sections of a bulletin, and the alarms they raise.

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include <shouwang/analytics/period_text.h>
#include <shouwang/analytics/periods.h>
#include <shouwang/server/briefing.h>

namespace shouwang::server {
namespace {

using nlohmann::json;
namespace an = analytics;
using Query = std::map<std::string, std::string>;

constexpr std::size_t kTopTypes = 10;
constexpr std::size_t kTopStreaks = 10;
constexpr std::size_t kMaxCells = 2000;

struct Asker {
  const Statistics& statistics;
  const StatsEnvironment& env;
  Query scope;  // period and station / district

  Result<json> operator()(std::string_view what, Query extra) const {
    Query query = scope;
    query.merge(extra);
    auto answer = answer_stats(statistics, what, query, env);
    if (!answer)
      return answer.error();
    return json::parse(*answer);
  }
};

Result<an::Period> briefing_period(const std::string& kind, an::Day date) {
  if (kind == "daily")
    return an::day_of(date);
  if (kind == "weekly")
    return an::iso_week_of(date);
  if (kind == "monthly")
    return an::month_of(date);
  return Error(Errc::kInvalidArgument, "kind is daily, weekly or monthly, not '" + kind + "'",
               "kind");
}

// The last complete period of the kind before `today`.
an::Day default_date(const std::string& kind, an::Day today) {
  if (kind == "weekly")
    return today - std::chrono::days(7);
  if (kind == "monthly")
    return an::month_of(today).begin - std::chrono::days(1);
  return today - std::chrono::days(1);
}

// Reads station= or district= (one code, known to the organisation when it is known, and
// within the caller's scope) into the scope of every query.
Result<json> read_scope(const Query& params, const StatsEnvironment& env, Query& scope) {
  const auto station = params.find("station");
  const auto district = params.find("district");
  if (station != params.end() && district != params.end())
    return Error(Errc::kInvalidArgument, "name a station or a district, not both", "district");
  if (station == params.end() && district == params.end())
    return json{{"level", "centre"}, {"code", ""}};
  const bool is_station = station != params.end();
  const std::string name = is_station ? "station" : "district";
  const std::string& code = is_station ? station->second : district->second;
  if (code.empty() || code.find(',') != std::string::npos)
    return Error(Errc::kInvalidArgument, name + " is one code", name);
  if (env.jurisdictions != nullptr) {
    const osm::OrgUnit* unit = env.jurisdictions->find(code);
    const osm::OrgLevel level = is_station ? osm::OrgLevel::kStation : osm::OrgLevel::kSubBureau;
    if (unit == nullptr || unit->level != level)
      return Error(Errc::kInvalidArgument, "no " + name + " '" + code + "'", name);
  }
  if (env.in_scope && is_station && !env.in_scope(code))
    return Error(Errc::kPermissionDenied, "station '" + code + "' is outside your scope", name);
  scope.emplace(name, code);
  return json{{"level", name}, {"code", code}};
}

// Every reporting group in its bulletin order, zero where nothing was counted.
json all_groups(const json& answer) {
  json rows = json::array();
  for (const std::string& group : reporting_group_names()) {
    json row = {
        {"key", json::array({group})}, {"current", 0},          {"last_year", 0}, {"previous", 0},
        {"yoy_percent", nullptr},      {"pop_percent", nullptr}};
    for (const json& r : answer["rows"]) {
      if (r["key"][0] == group)
        row = r;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

// The period's counts by hour (a day) or by day (a week or month) beside the same
// positions of its 同比 and 环比 periods.
Result<json> trend(const Asker& ask, const an::Period& period) {
  const bool hourly = period.kind == an::PeriodKind::kDay;
  auto answer = ask("counts", {{"by", hourly ? "hour" : "day"}});
  if (!answer)
    return answer.error();
  const std::size_t n = hourly ? 24 : static_cast<std::size_t>(period.days());
  const an::Period year_before = an::same_period_last_year(period);
  const an::Period before = an::previous_period(period);
  // A position the compared period does not have (the 31st against a 30-day month) is
  // null, not 0.
  const std::vector<json> zeros(n, json(std::int64_t{0}));
  std::vector<json> current = zeros, last_year = zeros, previous = zeros;
  if (!hourly) {
    for (std::size_t i = 0; i < n; ++i) {
      if (static_cast<std::int64_t>(i) >= year_before.days())
        last_year[i] = nullptr;
      if (static_cast<std::int64_t>(i) >= before.days())
        previous[i] = nullptr;
    }
  }
  for (const json& row : (*answer)["rows"]) {
    const std::string key = row["key"][0];
    if (hourly) {
      const std::size_t h = static_cast<std::size_t>(std::stoi(key));
      current[h] = row["current"];
      last_year[h] = row["last_year"];
      previous[h] = row["previous"];
      continue;
    }
    const auto day = an::parse_day(key);
    if (!day)
      continue;
    const auto place = [&](const an::Period& p, std::vector<json>& into, const char* field) {
      const auto at = (*day - p.begin).count();
      if (p.contains(*day) && at < static_cast<std::int64_t>(n))
        into[static_cast<std::size_t>(at)] =
            into[static_cast<std::size_t>(at)].get<std::int64_t>() + row[field].get<std::int64_t>();
    };
    place(period, current, "current");
    place(year_before, last_year, "last_year");
    place(before, previous, "previous");
  }
  json labels = json::array();
  for (std::size_t i = 0; i < n; ++i)
    labels.push_back(hourly ? (i < 10 ? "0" : "") + std::to_string(i)
                            : an::to_string(period.begin + std::chrono::days(i)));
  return json{{"unit", hourly ? "hour" : "day"},
              {"labels", std::move(labels)},
              {"current", current},
              {"last_year", last_year},
              {"previous", previous}};
}

// The busiest cells of the hotspot grid with their south-west corners.
Result<json> hotspots(const Asker& ask, const Statistics& statistics) {
  auto answer = ask("counts", {{"by", "cell"}});
  if (!answer)
    return answer.error();
  return statistics.read([&](const an::IncidentHistory& history) -> Result<json> {
    json cells = json::array();
    for (const json& row : (*answer)["rows"]) {
      const std::string key = row["key"][0];
      const auto colon = key.find(':');
      if (row["current"].get<std::int64_t>() == 0 || colon == std::string::npos)
        continue;
      const auto line = static_cast<std::uint32_t>(std::stoul(key.substr(0, colon)));
      const auto column = static_cast<std::uint32_t>(std::stoul(key.substr(colon + 1)));
      const LatLon corner = history.cell_corner(line, column);
      cells.push_back(
          {{"key", key}, {"count", row["current"]}, {"south", corner.lat}, {"west", corner.lon}});
      if (cells.size() == kMaxCells)
        break;
    }
    const LatLon step = history.cell_corner(1, 1);
    const LatLon origin = history.cell_corner(0, 0);
    return json{{"cell_metres", history.schema().cell_metres},
                {"cell_degrees", {{"lat", step.lat - origin.lat}, {"lon", step.lon - origin.lon}}},
                {"cells", std::move(cells)}};
  });
}

json first(const json& rows, std::size_t n) {
  json out = json::array();
  for (std::size_t i = 0; i < rows.size() && i < n; ++i)
    out.push_back(rows[i]);
  return out;
}

// The streaks still running: areas with an incident on the last day have none.
json running(const json& rows) {
  json out = json::array();
  for (const json& row : rows) {
    if (row["days"].get<std::int64_t>() > 0)
      out.push_back(row);
  }
  return out;
}

// Rows of stations within the briefing's scope: streaks and the safety index list every
// station the caller may see, a station's or a sub-bureau's briefing only its own.
json within(const json& rows, const json& scope, const Statistics& statistics) {
  const std::string level = scope["level"];
  const std::string code = scope["code"];
  json out = json::array();
  for (const json& row : rows) {
    const std::string station = row["key"];
    const bool keep = level == "centre" || (level == "station" && station == code) ||
                      (level == "district" && statistics.context().district_of(station) == code);
    if (keep)
      out.push_back(row);
  }
  return out;
}

// A rise of a count row against either base, by the rules.
// A base the records only partly cover understates it, so it raises no alarm.
void rise_alarms(const json& rows, const std::string& dimension, const json& briefing,
                 const AlarmRules& rules, json& alarms) {
  for (const json& row : rows) {
    const std::int64_t current = row["current"];
    for (const char* base : {"last_year", "previous"}) {
      if (!briefing[base]["covered"].get<bool>())
        continue;
      const std::int64_t before = row[base];
      const double percent = before > 0 ? (current - before) * 100.0 / before : 0.0;
      if (before > 0 && current - before >= rules.rise_at_least && percent >= rules.rise_percent) {
        alarms.push_back({{"kind", "rise"},
                          {"dimension", dimension},
                          {"key", row["key"][0]},
                          {"base", base},
                          {"current", current},
                          {"before", before},
                          {"percent", std::round(percent * 100.0) / 100.0}});
      }
    }
  }
}

json alarms(const json& briefing, const AlarmRules& rules) {
  json out = json::array();
  rise_alarms(briefing["groups"], "group", briefing, rules, out);
  rise_alarms(briefing["types"], "type_level2", briefing, rules, out);
  for (const json& row : briefing["league"]["rows"]) {
    const std::int64_t n = row["n"];
    if (row["within_standard"].is_null() || n < rules.arrival_min_n)
      continue;
    const double share = row["within_standard"];
    if (share < rules.arrival_share_below)
      out.push_back({{"kind", "late_arrivals"},
                     {"station", row["key"]},
                     {"n", n},
                     {"within_standard", share},
                     {"standard_s", briefing["league"]["standard_s"]}});
  }
  const json& cells = briefing["hotspots"]["cells"];
  if (!cells.empty()) {
    double sum = 0;
    for (const json& c : cells)
      sum += c["count"].get<double>();
    const double mean = sum / static_cast<double>(cells.size());
    std::size_t raised = 0;
    for (const json& c : cells) {  // busiest first
      const std::int64_t count = c["count"];
      if (raised == rules.hotspot_most)
        break;
      if (count < rules.hotspot_at_least || count < rules.hotspot_times_mean * mean)
        continue;
      out.push_back({{"kind", "hotspot"},
                     {"cell", c["key"]},
                     {"count", count},
                     {"times_mean", std::round(count / mean * 10.0) / 10.0}});
      ++raised;
    }
  }
  return out;
}

}  // namespace

Result<std::string> answer_briefing(const Statistics& statistics, const Query& params,
                                    const StatsEnvironment& env, const AlarmRules& rules) {
  for (const auto& [name, value] : params) {
    if (name != "kind" && name != "date" && name != "station" && name != "district")
      return Error(Errc::kInvalidArgument,
                   "unknown parameter '" + name + "' (kind, date, station, district)", name);
  }
  const auto kind_it = params.find("kind");
  const std::string kind = kind_it == params.end() ? "daily" : kind_it->second;
  an::Day date = default_date(kind, env.today);
  if (const auto it = params.find("date"); it != params.end()) {
    auto day = an::parse_day(it->second);
    if (!day)
      return Error(Errc::kInvalidArgument, "date: " + day.error().message, "date");
    date = *day;
  }
  auto period = briefing_period(kind, date);
  if (!period)
    return period.error();

  Asker ask{statistics, env, {{"period", an::format_period(*period)}}};
  auto scope = read_scope(params, env, ask.scope);
  if (!scope)
    return scope.error();

  auto totals = ask("counts", {});
  auto groups = ask("counts", {{"by", "group"}});
  auto types = ask("counts", {{"by", "type_level2"}});
  auto by_hour_or_day = trend(ask, *period);
  auto areas = ask("counts", {{"by", "station"}});
  auto response = ask("response", {{"by", "priority"}});
  auto league = ask("buckets", {{"measure", "arrival"}});
  auto sign_for = ask("buckets", {{"measure", "sign_for"}});
  auto cells = hotspots(ask, statistics);
  auto streaks = ask("streaks", {{"group", "criminal"},
                                 {"as_of", an::to_string(period->end - std::chrono::days(1))}});
  auto safety = ask("safety", {});
  for (const auto* part :
       {&totals, &groups, &types, &areas, &response, &league, &sign_for, &streaks, &safety}) {
    if (!*part)
      return part->error();
  }
  if (!by_hour_or_day)
    return by_hour_or_day.error();
  if (!cells)
    return cells.error();

  json briefing = {
      {"kind", kind},
      {"scope", *scope},
      {"period", (*totals)["period"]},
      {"last_year", (*totals)["last_year"]},
      {"previous", (*totals)["previous"]},
      {"officer_initiated", (*totals)["officer_initiated"]},
      {"totals", (*totals)["total"]},
      {"groups", all_groups(*groups)},
      {"types", first((*types)["rows"], kTopTypes)},
      {"trend", *by_hour_or_day},
      {"areas", scope->at("level") == "station" ? json::array() : (*areas)["rows"]},
      {"response", *response},
      {"league", *league},
      {"sign_for",
       {{"bounds_s", (*sign_for)["bounds_s"]},
        {"standard_s", (*sign_for)["standard_s"]},
        {"total", (*sign_for)["total"]}}},
      {"hotspots", *cells},
      {"streaks", first(running(within((*streaks)["rows"], *scope, statistics)), kTopStreaks)},
      {"safety", within((*safety)["rows"], *scope, statistics)},
  };
  briefing["alarms"] = alarms(briefing, rules);
  return briefing.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace shouwang::server
