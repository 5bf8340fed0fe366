#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <map>

#include <nlohmann/json.hpp>

#include <shouwang/analytics/backtest.h>
#include <shouwang/analytics/forecast_default.h>
#include <shouwang/analytics/selection.h>
#include <shouwang/report/patrol_plan_report.h>
#include <shouwang/server/patrol_plan.h>

#include "server/stats/lattice_area.h"
#include "server/stats/stats_json.h"
#include "server/stats/stats_query.h"

namespace shouwang::server {
namespace {

using nlohmann::json;
namespace an = analytics;

constexpr std::int64_t kDay = 86'400;
constexpr std::int64_t kShift = 12 * 3600;
constexpr int kDayShiftStart = 8 * 60, kNightShiftStart = 20 * 60;  // local minutes
constexpr int kRecentDays = 28;
constexpr int kMaxCellsPerStation = 20;
constexpr std::size_t kMaxCells = 4'000'000;

struct Shift {
  bool night = false;
  an::Day day;             // the local day it starts on
  std::int64_t begin = 0;  // UTC seconds
};

int offset_minutes(const Statistics& s, std::int64_t utc_seconds) {
  const auto& c = s.context();
  return c.utc_offset_at ? c.utc_offset_at(utc_seconds) : c.utc_offset_minutes;
}

// The shift of `kind` on local day `day` (the next one when kind is "next").
Result<Shift> read_shift(const Statistics& s, const std::string& kind, const std::string& date,
                         UtcTime now) {
  const std::int64_t now_s = now.micros() / 1'000'000;
  const std::int64_t local_now = now_s + std::int64_t{offset_minutes(s, now_s)} * 60;
  an::Day today{
      std::chrono::days(local_now >= 0 ? local_now / kDay : (local_now - kDay + 1) / kDay)};
  const int minute = static_cast<int>((local_now - today.time_since_epoch().count() * kDay) / 60);
  Shift shift;
  if (kind == "next") {
    if (!date.empty())
      return Error(Errc::kInvalidArgument, "date goes with shift=day or shift=night", "date");
    shift.day = today;
    if (minute >= kNightShiftStart)
      shift.day = today + std::chrono::days(1);
    else
      shift.night = minute >= kDayShiftStart;
  } else if (kind == "day" || kind == "night") {
    shift.night = kind == "night";
    shift.day = today;
    if (!date.empty()) {
      int y = 0;
      unsigned m = 0, d = 0;
      const bool shape = date.size() == 10 && date[4] == '-' && date[7] == '-' &&
                         std::from_chars(date.data(), date.data() + 4, y).ec == std::errc() &&
                         std::from_chars(date.data() + 5, date.data() + 7, m).ec == std::errc() &&
                         std::from_chars(date.data() + 8, date.data() + 10, d).ec == std::errc();
      const std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(m),
                                            std::chrono::day(d)};
      if (!shape || !ymd.ok())
        return Error(Errc::kInvalidArgument, "date is a day YYYY-MM-DD, not '" + date + "'",
                     "date");
      shift.day = an::Day(ymd);
    }
  } else {
    return Error(Errc::kInvalidArgument, "shift is next, day or night, not '" + kind + "'",
                 "shift");
  }
  const std::int64_t local_begin = shift.day.time_since_epoch().count() * kDay +
                                   (shift.night ? kNightShiftStart : kDayShiftStart) * 60;
  shift.begin = local_begin - std::int64_t{offset_minutes(s, local_begin)} * 60;
  return shift;
}

bool in_shift_hours(int minute_of_day, bool night) {
  const bool day_hours = minute_of_day >= kDayShiftStart && minute_of_day < kNightShiftStart;
  return night ? !day_hours : day_hours;
}

Result<double> read_number(const std::map<std::string, std::string>& rest, const std::string& name,
                           double fallback, double lo, double hi) {
  const auto it = rest.find(name);
  if (it == rest.end())
    return fallback;
  double v = 0;
  const std::string& t = it->second;
  const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (t.empty() || ec != std::errc() || end != t.data() + t.size() || v < lo || v > hi)
    return Error(Errc::kInvalidArgument,
                 name + " is a number from " + std::to_string(static_cast<int>(lo)) + " to " +
                     std::to_string(static_cast<int>(hi)) + ", not '" + t + "'",
                 name);
  return v;
}

std::string rest_or(const std::map<std::string, std::string>& rest, const std::string& name,
                    const std::string& d) {
  const auto it = rest.find(name);
  return it == rest.end() ? d : it->second;
}

double round_to(double v, int digits) {
  const double scale = std::pow(10.0, digits);
  return std::round(v * scale) / scale;
}

std::string local_text(const Statistics& s, std::int64_t utc_seconds) {
  const std::int64_t local = utc_seconds + std::int64_t{offset_minutes(s, utc_seconds)} * 60;
  std::string text = UtcTime::from_micros(local * 1'000'000).to_iso8601();
  text[10] = ' ';
  return text.substr(0, 16);
}

}  // namespace

Result<PatrolPlanDocument> answer_patrol_plan(const Statistics& statistics,
                                              const std::map<std::string, std::string>& query,
                                              const StatsEnvironment& env, UtcTime now) {
  auto params = stats::read_stats_params(query, env.today, true);
  if (!params)
    return params.error();
  if (Status ok = stats::only_known(*params, {"shift", "date", "cells", "cell", "format", "lang"});
      !ok)
    return ok.error();
  const auto& rest = params->rest;
  const std::string format = rest_or(rest, "format", "json");
  if (format != "json" && format != "geojson" && format != "html")
    return Error(Errc::kInvalidArgument, "format is json, geojson or html, not '" + format + "'",
                 "format");
  const std::string lang = rest_or(rest, "lang", "zh");
  if (lang != "zh" && lang != "en")
    return Error(Errc::kInvalidArgument, "lang is zh or en, not '" + lang + "'", "lang");
  auto per_station = read_number(rest, "cells", 5, 1, kMaxCellsPerStation);
  auto cell = read_number(rest, "cell", 250, 50, 2000);
  for (const auto* r : {&per_station, &cell})
    if (!*r)
      return r->error();
  auto shift =
      read_shift(statistics, rest_or(rest, "shift", "next"), rest_or(rest, "date", ""), now);
  if (!shift)
    return shift.error();
  if (env.jurisdictions == nullptr || env.jurisdictions->empty())
    return Error(Errc::kUnavailable, "the centre has no station areas to plan for");
  // Only the caller's own stations, and only those asked for.
  std::vector<std::string> stations;
  for (const osm::OrgUnit& unit : env.jurisdictions->units()) {
    if (unit.level != osm::OrgLevel::kStation || (env.in_scope && !env.in_scope(unit.code)))
      continue;
    const auto& wanted = params->filter.stations;
    if (wanted.empty() || std::find(wanted.begin(), wanted.end(), unit.code) != wanted.end())
      stations.push_back(unit.code);
  }
  if (stations.empty())
    return Error(Errc::kInvalidArgument, "no station to plan for in the caller's scope", "station");
  an::Filter filter = params->filter;
  filter.stations.clear();  // the forecast learns from the whole city; the plan is per station

  return statistics.read([&](const an::IncidentHistory& history) -> Result<PatrolPlanDocument> {
    // The incidents of the shift's hours before it starts, with a position.
    const an::CompiledFilter wanted(history, filter);
    std::vector<an::SpaceTimeEvent> events;
    an::PlanarBox box;
    std::int64_t recent_count = 0;
    for (std::uint32_t row = 0; row < history.size(); ++row) {
      const std::int64_t t = history.reference_micros(row) / 1'000'000;
      if (t >= shift->begin || !wanted(row) ||
          !in_shift_hours(history.minute_of_day(row), shift->night))
        continue;
      const auto p = history.planar(row);
      if (!p)
        continue;
      events.push_back({t, *p});
      box.min = {std::min(box.min.x, p->x), std::min(box.min.y, p->y)};
      box.max = {std::max(box.max.x, p->x), std::max(box.max.y, p->y)};
      recent_count += t >= shift->begin - kRecentDays * kDay;
    }
    json plan = {{"shift",
                  {{"kind", shift->night ? "night" : "day"},
                   {"day", an::to_string(shift->day)},
                   {"begin", UtcTime::from_micros(shift->begin * 1'000'000).to_iso8601()},
                   {"end", UtcTime::from_micros((shift->begin + kShift) * 1'000'000).to_iso8601()},
                   {"local_begin", local_text(statistics, shift->begin)},
                   {"local_end", local_text(statistics, shift->begin + kShift)}}},
                 {"cell_m", *cell},
                 {"incidents_used", events.size()},
                 {"mean_per_shift", round_to(static_cast<double>(recent_count) / kRecentDays, 2)},
                 {"method", "shouwang"},
                 {"stations", json::array()}};
    if (!events.empty()) {
      auto area = stats::lattice_area(box, *cell, *cell, kMaxCells);
      if (!area)
        return area.error();
      const an::StudyGrid* grid = &area->grid;
      const an::Boundary& boundary = area->boundary;
      const an::GridEvents placed = an::place_events(std::move(events), *grid, boundary);
      std::vector<double> scores(grid->size());
      auto forecaster = an::make_default_forecaster(1.0);
      const std::size_t k = static_cast<std::size_t>(*per_station) * stations.size();
      forecaster->score({&*grid, &placed, k}, shift->begin, kShift, scores);
      double total = 0.0;
      for (const double s : scores)
        total += s;
      std::vector<std::uint32_t> recent(grid->size(), 0);
      for (std::size_t i = placed.first_at_or_after(shift->begin - kRecentDays * kDay);
           i < placed.size(); ++i)
        if (placed.cell[i] != an::kOutsideStudy)
          ++recent[placed.cell[i]];
      // Each station's cells, best first (ties to the lower cell id).
      std::map<std::string, std::vector<std::uint32_t>, std::less<>> by_station;
      for (const std::uint32_t i : an::top_cells(scores, grid->size())) {
        if (!(scores[i] > 0.0))
          break;
        const std::string station(
            env.jurisdictions->station_at(history.to_lat_lon(grid->centre(i))));
        auto& list = by_station[station];
        if (list.size() < static_cast<std::size_t>(*per_station))
          list.push_back(i);
      }
      const double mean = static_cast<double>(recent_count) / kRecentDays;
      for (const std::string& code : stations) {
        json cells = json::array();
        int rank = 0;
        for (const std::uint32_t i : by_station[code]) {
          const LatLon centre = history.to_lat_lon(grid->centre(i));
          const double share = total > 0.0 ? scores[i] / total : 0.0;
          cells.push_back({{"rank", ++rank},
                           {"cell", grid->id(i)},
                           {"lat", round_to(centre.lat, 6)},
                           {"lon", round_to(centre.lon, 6)},
                           {"share", round_to(share, 5)},
                           {"expected", round_to(share * mean, 3)},
                           {"recent", recent[i]},
                           {"polygon", stats::cell_polygon(history, *grid, i)}});
        }
        plan["stations"].push_back({{"code", code}, {"cells", std::move(cells)}});
      }
    } else {
      for (const std::string& code : stations)
        plan["stations"].push_back({{"code", code}, {"cells", json::array()}});
    }

    if (format == "json")
      return PatrolPlanDocument{"application/json", plan.dump()};
    if (format == "geojson") {
      json features = json::array();
      for (const json& s : plan["stations"])
        for (const json& c : s["cells"])
          features.push_back({{"type", "Feature"},
                              {"geometry", {{"type", "Polygon"}, {"coordinates", c["polygon"]}}},
                              {"properties",
                               {{"station", s["code"]},
                                {"rank", c["rank"]},
                                {"share", c["share"]},
                                {"expected", c["expected"]},
                                {"recent", c["recent"]}}}});
      return PatrolPlanDocument{"application/geo+json",
                                json{{"type", "FeatureCollection"},
                                     {"properties", {{"shift", plan["shift"]}}},
                                     {"features", features}}
                                    .dump()};
    }
    report::BriefingContext context;
    context.org = env.jurisdictions;
    context.language = lang == "en" ? report::Language::kEn : report::Language::kZh;
    context.generated_at = local_text(statistics, now.micros() / 1'000'000);
    return PatrolPlanDocument{"text/html; charset=utf-8",
                              report::render_patrol_plan_html(plan, context)};
  });
}

}  // namespace shouwang::server
