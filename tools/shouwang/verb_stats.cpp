// shouwang stats counts|incidents|response|buckets|streaks (--data DIR | --db URL) [...]:
// the statistics of /api/v1/stats from the command line, over the event log of a centre
// that need not be running. The same code answers both (server/stats_answers.h); this verb
// rebuilds the state from the log, builds the incident history and prints the answer as a
// table, CSV or the API's JSON.

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <shouwang/base/clock.h>
#include <shouwang/cad/rebuild.h>
#include <shouwang/cad/taxonomy.h>
#include <shouwang/exchange/local_time.h>
#include <shouwang/osm/jurisdictions.h>
#include <shouwang/server/statistics.h>
#include <shouwang/server/stats_answers.h>
#include <shouwang/server/unit_locator.h>
#include <shouwang/store/event_log.h>

#include "cli_args.h"
#include "stats_source.h"
#include "stats_table.h"
#include "verbs.h"

namespace shouwang::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Flags passed on as the API's query parameters (dashes become underscores).
const std::vector<FlagSpec> kQueryFlags = {
    {"period", true,
     "day:D, week:2026-W47, ten_day:2026-11-2, month:2026-11, quarter:2026-Q4, year:2026, "
     "ytd:D, rolling:28:D, range:D1..D2 (default: this month)"},
    {"by", true,
     "up to three of type, type_level1, type_level2, group, district, station, hour, weekday, "
     "priority, day, cell, first_unit"},
    {"type", true, "type codes, each with its sub-types (comma-separated)"},
    {"group", true,
     "reporting groups: criminal, public_order, traffic, fire, assistance, dispute, "
     "robbery_snatching_theft, telecom_fraud"},
    {"station", true, "station codes"},
    {"district", true, "sub-bureau codes"},
    {"priority", true, "priorities, e.g. 1,2"},
    {"officer-initiated", true,
     "1 or 0: count incidents found on patrol (default 1; 0 for response)"},
    {"cancelled", true, "1 or 0: count cancelled incidents (default 0)"},
    {"from", true, "response: the start milestone (default call_start)"},
    {"to", true, "response: the end milestone (default first_arrived)"},
    {"limits", true, "response: shares within these seconds (default 60,180,300)"},
    {"measure", true, "buckets: sign_for, turnout, arrival or feedback"},
    {"unit-level", true, "buckets: 1 to rank units instead of stations"},
    {"bounds", true, "buckets: upper bounds in seconds (default: the 110 rules' buckets)"},
    {"standard", true, "buckets: the seconds the league table ranks by"},
    {"as-of", true, "streaks: the day (default today); warnings: the day (default yesterday)"},
    {"level", true, "streaks, safety, warnings: station or district"},
    {"weights", true,
     "safety: four weights rate,trend,clearance,response (default 0.4,0.2,0.2,0.2)"},
    {"urban-density", true, "standards: residents per km² from which a station is urban (default 1500)"},
    {"urban-s", true, "standards: the urban arrival standard in seconds (default 300)"},
    {"suburban-s", true, "standards: the suburban arrival standard in seconds (default 600)"},
    {"on", true, "hotspots: cells (default) or segments (street segments; needs --data with roads)"},
    {"snap", true, "hotspots on segments: metres from a road an incident may lie (default 100)"},
    {"method", true, "hotspots: counts (default), kde, gi_star or local_moran"},
    {"cell", true, "hotspots: the cell side in metres (default 250)"},
    {"bandwidth", true, "hotspots: the kde bandwidth in metres (default 150)"},
    {"kernel", true, "hotspots: gaussian (default) or quartic"},
    {"neighbours", true, "hotspots: queen (default), rook or band:METRES"},
    {"alpha", true, "hotspots: the significance level (default 0.05)"},
    {"methods", true, "warnings: ears_c1, ears_c2, ears_c3, historical_limits (default the last three)"},
    {"subject", true, "warnings: group (default), type_level1 or type_level2"},
    {"key", true, "incidents: the figure's key, one value per --by dimension"},
    {"base", true, "incidents: current, last_year or previous"},
    {"limit", true, "incidents: at most this many ids"},
};

std::vector<FlagSpec> all_flags() {
  std::vector<FlagSpec> flags = stats_source_flags();
  flags.push_back({"format", true, "table (default), csv or json"});
  flags.push_back({"lang", true, "zh (default) or en: names in tables"});
  flags.insert(flags.end(), kQueryFlags.begin(), kQueryFlags.end());
  flags.push_back({"help", false, "show this help"});
  return flags;
}

constexpr const char* kUsage =
    "usage: shouwang stats counts|incidents|response|buckets|streaks|safety|standards|hotspots|warnings\n"
    "       (--data DIR | --db "
    "URL) "
    "[flags]\n"
    "       e.g. shouwang stats counts --data city --period month:2026-11 --by group\n"
    "            shouwang stats hotspots --data city --method gi_star --format json > hotspots.geojson\n";

int usage_error(const std::string& message) {
  std::cerr << "shouwang stats: " << message << "\n" << kUsage;
  return kExitUsage;
}

int failure(const std::string& message) {
  std::cerr << "shouwang stats: " << message << "\n";
  return kExitFailure;
}

std::string underscored(std::string name) {
  for (char& c : name)
    if (c == '-')
      c = '_';
  return name;
}

}  // namespace

int run_stats(const std::vector<std::string>& argv) {
  const std::vector<FlagSpec> flags = all_flags();
  const auto args = Args::parse(argv, flags, 1);
  if (!args)
    return usage_error(args.error().message);
  if (args->has("help")) {
    std::cout << kUsage << usage_lines(flags);
    return kExitOk;
  }
  if (args->positional().size() != 1)
    return usage_error(
        "name the statistic: counts, incidents, response, buckets, streaks, safety, standards, hotspots or "
        "warnings");
  const std::string what = args->positional().front();
  const std::string format = args->get("format").value_or("table");
  if (format != "table" && format != "csv" && format != "json")
    return usage_error("--format is table, csv or json, not '" + format + "'");
  const std::string lang = args->get("lang").value_or("zh");
  if (lang != "zh" && lang != "en")
    return usage_error("--lang is zh or en, not '" + lang + "'");
  auto source = open_stats_source(*args);
  if (!source) {
    return source.error().code == Errc::kInvalidArgument ? usage_error(source.error().message)
                                                         : failure(source.error().message);
  }
  const StatsSource& src = **source;

  std::map<std::string, std::string> query;
  for (const FlagSpec& flag : kQueryFlags) {
    if (const auto value = args->get(flag.name))
      query.emplace(underscored(flag.name), *value);
  }
  server::StatsEnvironment env = src.env;
  std::unique_ptr<server::UnitLocator> roads;
  if (what == "hotspots" && query.contains("on") && query.at("on") == "segments" && args->has("data")) {
    auto loaded = server::UnitLocator::load(*args->get("data"));
    if (!loaded)
      return failure("--data: no road network for street segments: " + loaded.error().message);
    roads = std::move(*loaded);
    env.roads = {&roads->snap_index(), &roads->street_segments()};
  }
  const auto answer = server::answer_stats(*src.statistics, what, query, env);
  if (!answer) {
    const std::string flag =
        answer.error().field.empty() ? "" : " (--" + answer.error().field + ")";
    return answer.error().code == Errc::kNotFound ? usage_error(answer.error().message)
                                                  : usage_error(answer.error().message + flag);
  }
  if (format == "json") {
    std::cout << json::parse(*answer).dump(2) << "\n";
    return kExitOk;
  }
  const json parsed = json::parse(*answer);
  const StatsNames names{&src.taxonomy, src.env.jurisdictions, lang == "en"};
  const Table table = stats_table(what, parsed, names);
  std::cout << (format == "csv" ? table.csv() : table.text());
  // A comparison against a period the records only partly cover understates its base.
  for (const char* period : {"period", "last_year", "previous"}) {
    if (parsed.contains(period) && !parsed[period]["covered"].get<bool>())
      std::cerr << "note: the records do not cover all of "
                << parsed[period]["name"].get<std::string>() << " (" << period << ")\n";
  }
  return kExitOk;
}

}  // namespace shouwang::cli
