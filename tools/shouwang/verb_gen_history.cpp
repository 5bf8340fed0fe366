// shouwang gen-history --data DIR (--years N | --days D) [--seed S] [--calls-per-day X]
// [--end DATE] [--db URL]: writes years of synthetic incident history for the city into
// its event log, through the domain (include/shouwang/sim/history.h). A rerun continues an
// unfinished history and leaves a finished one alone.

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

#include <shouwang/cad/centre.h>
#include <shouwang/cad/decide.h>
#include <shouwang/cad/taxonomy.h>
#include <shouwang/osm/city_summary.h>
#include <shouwang/osm/jurisdictions.h>
#include <shouwang/sim/call_model.h>
#include <shouwang/sim/history.h>
#include <shouwang/store/event_log.h>

#include "city_org.h"
#include "cli_args.h"
#include "verbs.h"

namespace shouwang::cli {
namespace {

namespace fs = std::filesystem;

constexpr double kDaysPerYear = 365.2425;
constexpr std::int64_t kMicrosPerHour = 3'600'000'000LL;
constexpr double kLargeHistory = 200'000;  // incidents

const std::vector<FlagSpec> kFlags = {
    {"data", true, "city data directory: city.osm.pbf and what `shouwang import-osm` wrote"},
    {"years", true, "how many years of history, ending at --end (decimals allowed)"},
    {"days", true, "the same in days (instead of --years)"},
    {"end", true,
     "where the history ends: a local date YYYY-MM-DD (its midnight) or an ISO 8601 time "
     "(default: now, to the hour)"},
    {"seed", true, "seed of the call model (default 1)"},
    {"calls-per-day", true, "average calls a day (default: from the city's estimated residents)"},
    {"db", true, "event log: sqlite:FILE or postgresql://... (default: sqlite:DIR/events.db)"},
    {"centre", true,
     "the centre's 6-digit division code for record ids (default: the city's code)"},
    {"utc-offset", true,
     "the centre's offset from UTC in minutes (default 480, China Standard Time)"},
    {"taxonomy", true,
     "directory of incident_types.tsv and dispositions.tsv (default: the shipped one)"},
    {"batch", true, "incidents per append, each with a checkpoint (default 2000; whole days)"},
    {"help", false, "show this help"},
};

constexpr const char* kUsage =
    "usage: shouwang gen-history --data DIR (--years N | --days D) [--end DATE] [--seed S] "
    "[--calls-per-day X]\n"
    "                            [--db URL] [--centre CODE] [--utc-offset MINUTES] [--taxonomy "
    "DIR] [--batch N]\n"
    "A rerun continues an unfinished history (the flags may then be left out) and leaves a "
    "finished one alone.\n";

int usage_error(const std::string& message) {
  std::cerr << "shouwang gen-history: " << message << "\n" << kUsage;
  return kExitUsage;
}

int failure(const std::string& message) {
  std::cerr << "shouwang gen-history: " << message << "\n";
  return kExitFailure;
}

// "2026-03-01" is that day's local midnight; anything with a time is parsed as ISO 8601.
Result<UtcTime> parse_end(const std::string& text, std::int32_t offset_minutes) {
  if (text.find('T') != std::string::npos)
    return UtcTime::parse_iso8601(text);
  const int m = offset_minutes < 0 ? -offset_minutes : offset_minutes;
  char zone[16];
  std::snprintf(zone, sizeof zone, "%c%02d:%02d", offset_minutes < 0 ? '-' : '+', m / 60, m % 60);
  return UtcTime::parse_iso8601(text + "T00:00:00" + zone);
}

UtcTime now_to_the_hour() {
  const auto now =
      std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
  const std::int64_t us = now.time_since_epoch().count();
  return UtcTime::from_micros(us - us % kMicrosPerHour);
}

// One unit, the centre, whose area is the city's extent (a little larger), posted at its
// middle.
Result<osm::Jurisdictions> centre_alone(const std::string& code, const osm::CitySummary& city) {
  constexpr double kMargin = 0.01;  // degrees, about a kilometre
  const LatLon sw{city.south_west.lat - kMargin, city.south_west.lon - kMargin};
  const LatLon ne{city.north_east.lat + kMargin, city.north_east.lon + kMargin};
  osm::OrgUnit unit;
  unit.code = code;
  unit.name = city.name.empty() ? code : city.name;
  unit.level = osm::OrgLevel::kCity;
  unit.area = {{{sw, {sw.lat, ne.lon}, ne, {ne.lat, sw.lon}}, {}}};
  unit.source = "the city's extent";
  return osm::Jurisdictions::from_units({unit});
}

std::string day_of(UtcTime t) {
  return t.to_iso8601().substr(0, 10);
}

void print_report(const sim::HistoryReport& r, double seconds) {
  const double minutes =
      r.dispatched > 0 ? r.travel_seconds_total / static_cast<double>(r.dispatched) / 60.0 : 0.0;
  std::printf("incidents:  %llu (%llu attended, %llu settled by telephone)\n",
              static_cast<unsigned long long>(r.incidents),
              static_cast<unsigned long long>(r.dispatched),
              static_cast<unsigned long long>(r.incidents - r.dispatched));
  std::printf(
      "orders:     %llu to registered units, %llu to stations; mean road travel %.1f min%s\n",
      static_cast<unsigned long long>(r.unit_orders),
      static_cast<unsigned long long>(r.dispatched - r.unit_orders), minutes,
      r.estimated_travel > 0
          ? (" (" + std::to_string(r.estimated_travel) + " scenes off the roads estimated)").c_str()
          : "");
  std::printf("events:     %llu in %llu appends\n", static_cast<unsigned long long>(r.events),
              static_cast<unsigned long long>(r.batches));
  std::printf("time:       %.1f s, %.0f incidents/s, %.0f events/s\n", seconds,
              seconds > 0 ? static_cast<double>(r.incidents) / seconds : 0.0,
              seconds > 0 ? static_cast<double>(r.events) / seconds : 0.0);
  std::printf("history:    %llu incidents from %s to %s%s\n",
              static_cast<unsigned long long>(r.totals.incidents), day_of(r.plan.start).c_str(),
              r.totals.through.to_iso8601().c_str(),
              r.stopped_early ? " (stopped early; rerun to continue)" : "");
}

}  // namespace

int run_gen_history(const std::vector<std::string>& argv) {
  const auto args = Args::parse(argv, kFlags);
  if (!args)
    return usage_error(args.error().message);
  if (args->has("help")) {
    std::cout << kUsage << usage_lines(kFlags);
    return kExitOk;
  }
  if (!args->has("data"))
    return usage_error("--data DIR is required");
  const fs::path data = *args->get("data");
  if (args->has("years") && args->has("days"))
    return usage_error("give --years or --days, not both");
  const auto years = args->get_double("years", 0);
  if (!years)
    return usage_error(years.error().message);
  // Years count in whole days, so that a history starts at the hour its end has.
  const auto days = args->get_double("days", std::round(*years * kDaysPerYear));
  if (!days)
    return usage_error(days.error().message);
  if ((args->has("years") || args->has("days")) && !(*days > 0 && *days <= 50 * kDaysPerYear)) {
    return usage_error("the history must be longer than 0 and at most 50 years");
  }
  const auto seed = args->get_u64("seed", 1);
  if (!seed)
    return usage_error(seed.error().message);
  const auto rate = args->get_double("calls-per-day", 0);
  if (!rate)
    return usage_error(rate.error().message);
  if (*rate < 0 || *rate > 1e6)
    return usage_error("--calls-per-day must be from 0 (the city's default) to 1000000");
  const auto batch = args->get_u64("batch", 2000);
  if (!batch)
    return usage_error(batch.error().message);
  if (*batch < 1)
    return usage_error("--batch must be at least 1 incident");
  const auto utc_offset = args->get_utc_offset("utc-offset", 480);
  if (!utc_offset) return usage_error(utc_offset.error().message);
  const std::int32_t offset = *utc_offset;
  std::optional<UtcTime> end_flag;
  if (const auto text = args->get("end")) {
    auto parsed = parse_end(*text, offset);
    if (!parsed)
      return usage_error("--end: " + parsed.error().message);
    end_flag = *parsed;
  }

  const fs::path taxonomy_dir = args->get("taxonomy").value_or(SHOUWANG_DEFAULT_TAXONOMY_DIR);
  const auto taxonomy = cad::load_taxonomy(taxonomy_dir);
  if (!taxonomy)
    return failure(taxonomy.error().message);
  // The centre: the flag, else the city's code (an extract may name none).
  const auto city = osm::read_city_summary((data / "city.osm.pbf").string());
  if (!city && city.error().code != Errc::kInvalidArgument)
    return failure("--data: " + city.error().message);
  const std::string division = args->get("centre").value_or(city ? city->code : "");
  if (division.empty())
    return usage_error("--data: " + city.error().message + "; name the centre with --centre CODE");
  const auto centre = cad::make_centre(division, offset);
  if (!centre)
    return usage_error("centre '" + division + "': " + centre.error().message);

  const std::string db_url = args->get("db").value_or("sqlite:" + (data / "events.db").string());
  auto log = store::open_event_log(db_url);
  if (!log)
    return failure(log.error().message);
  const auto existing = sim::find_history(**log);
  if (!existing)
    return failure(existing.error().message);

  // The plan: the flags, else what the log's history already says, else the defaults.
  const auto& earlier = *existing;
  sim::HistoryPlan plan;
  plan.seed = args->has("seed") || !earlier ? *seed : earlier->plan.seed;
  plan.end = end_flag ? *end_flag : earlier ? earlier->plan.end : now_to_the_hour();
  if (args->has("years") || args->has("days")) {
    plan.start = plan.end.plus_micros(-static_cast<std::int64_t>(*days * 86'400e6));
  } else if (earlier) {
    plan.start = plan.end.plus_micros(earlier->plan.start.micros() - earlier->plan.end.micros());
  } else {
    return usage_error("name the length of the history: --years N or --days D");
  }
  const double calls_per_day =
      args->has("calls-per-day") || !earlier ? *rate : earlier->plan.calls_per_day;

  const auto started = std::chrono::steady_clock::now();
  const auto model = sim::CallModel::build(data, *taxonomy, {plan.seed, calls_per_day, offset});
  if (!model)
    return failure(model.error().message);
  plan.calls_per_day = model->calls_per_day();
  auto org = load_city_org(data);
  if (!org) {
    // As `shouwang serve` does without boundaries: the centre alone answers everywhere.
    std::printf("no police areas known (%s): the centre alone answers every incident\n",
                org.error().message.c_str());
    org = centre_alone(division, model->city());
    if (!org)
      return failure(org.error().message);
  }
  const cad::Decider decider(*centre, *taxonomy);
  auto writer = sim::HistoryWriter::open(data, decider, *model, *org);
  if (!writer)
    return failure(writer.error().message);

  const osm::CitySummary& place = model->city();
  const std::string name = place.name.empty() ? "the city of centre " + division
                                              : place.name + " (" + place.name_en + ")";
  std::printf("gen-history: %s, about %.0f residents, %.1f calls a day, seed %llu\n", name.c_str(),
              model->estimated_residents(), plan.calls_per_day,
              static_cast<unsigned long long>(plan.seed));
  std::printf("from %s to %s (%.1f days); centre %06u; event log %s\n",
              plan.start.to_iso8601().c_str(), plan.end.to_iso8601().c_str(),
              static_cast<double>(plan.end.micros() - plan.start.micros()) / 86'400e6,
              centre->division_code, db_url.c_str());
  // The server holds every incident in memory and replays the log at start: on the 30 km
  // demo city about 10 KB and 0.07 ms per incident (docs/formats/call-model.md).
  const double planned =
      plan.calls_per_day * static_cast<double>(plan.end.micros() - plan.start.micros()) / 86'400e6;
  if (planned > kLargeHistory) {
    std::printf(
        "note: about %.0f incidents; `shouwang serve` keeps each in memory (about 10 KB) and "
        "replays them at "
        "start (about 0.07 ms each): --calls-per-day or fewer --years make a lighter history\n",
        planned);
  }
  std::fflush(stdout);

  sim::HistoryOptions options;
  options.batch_incidents = static_cast<std::size_t>(*batch);
  auto next_progress = std::chrono::steady_clock::now();
  options.on_batch = [&](const sim::HistoryCheckpoint& c) {
    const auto now = std::chrono::steady_clock::now();
    if (now < next_progress && !c.complete())
      return;
    next_progress = now + std::chrono::seconds(5);
    const double s = std::chrono::duration<double>(now - started).count();
    std::fflush(stdout);
    std::fprintf(stderr, "  ... through %s: %llu incidents, %llu events (%.0f s)\n",
                 day_of(c.through).c_str(), static_cast<unsigned long long>(c.incidents),
                 static_cast<unsigned long long>(c.events), s);
  };
  const auto report = (*writer)->run(**log, plan, options);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (!report) {
    if (report.error().code == Errc::kConflict) {
      return failure(report.error().message +
                     ". Run it again without --years/--days/--end/--seed/--calls-per-day (or with "
                     "the same ones) "
                     "to continue that history, or start from an empty log.");
    }
    return failure(report.error().message);
  }
  if (report->nothing_left) {
    std::printf("nothing to do: the log already holds this history (%llu incidents, %s to %s)\n",
                static_cast<unsigned long long>(report->totals.incidents),
                day_of(plan.start).c_str(), day_of(plan.end).c_str());
    return kExitOk;
  }
  if (report->resumed_at)
    std::printf("continued after %s\n", report->resumed_at->to_iso8601().c_str());
  print_report(*report, seconds);
  return kExitOk;
}

}  // namespace shouwang::cli
