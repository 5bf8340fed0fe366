#include "stats_source.h"

#include "city_org.h"

#include <filesystem>

#include <shouwang/base/clock.h>
#include <shouwang/cad/rebuild.h>
#include <shouwang/exchange/local_time.h>
#include <shouwang/osm/city_summary.h>
#include <shouwang/store/event_log.h>

namespace shouwang::cli {

namespace fs = std::filesystem;

std::vector<FlagSpec> stats_source_flags() {
  return {
      {"data", true,
       "city data directory: the log DIR/events.db, the organisation from DIR/city.osm.pbf"},
      {"db", true, "event log: sqlite:FILE or postgresql://... (instead of --data)"},
      {"org", true, "the organisation tree as GeoJSON (default: from --data)"},
      {"taxonomy", true,
       "directory of incident_types.tsv and dispositions.tsv (default: the shipped one)"},
      {"utc-offset", true, "the centre's offset from UTC in minutes (default 480)"},
      {"timezone", true, "the centre's IANA time zone, for daylight saving (e.g. America/Denver)"},
  };
}

Result<std::unique_ptr<StatsSource>> open_stats_source(const Args& args) {
  if (args.has("data") == args.has("db"))
    return Error(Errc::kInvalidArgument, "name the event log: --data DIR or --db URL");
  const auto offset = args.get_utc_offset("utc-offset", 480);
  if (!offset)
    return offset.error();
  auto source = std::make_unique<StatsSource>();
  auto taxonomy = cad::load_taxonomy(args.get("taxonomy").value_or(SHOUWANG_DEFAULT_TAXONOMY_DIR));
  if (!taxonomy)
    return Error(Errc::kIoError, taxonomy.error().message);
  source->taxonomy = std::move(*taxonomy);

  if (const auto path = args.get("org")) {
    auto tree = osm::read_jurisdictions_geojson(*path);
    if (!tree)
      return Error(Errc::kIoError, *path + ": " + tree.error().message);
    source->org = std::move(*tree);
  } else if (const auto data = args.get("data")) {
    auto tree = load_city_org(*data);
    if (tree)
      source->org = std::move(*tree);
  }

  server::StatisticsContext context;
  context.taxonomy = &source->taxonomy;
  context.utc_offset_minutes = *offset;
  if (const auto zone_name = args.get("timezone")) {
    auto zone = exchange::TimeZone::find(*zone_name);
    if (!zone)
      return Error(Errc::kInvalidArgument, "--timezone: " + zone.error().message);
    context.utc_offset_at = [zone = *zone](std::int64_t seconds) {
      return zone.to_local(UtcTime::from_seconds(seconds)).utc_offset_minutes.value_or(0);
    };
  }
  if (source->org)
    context.district_of = server::district_lookup(*source->org);
  // The hotspot grid starts where the server's does: the city file's south-west corner.
  if (const auto data = args.get("data")) {
    if (auto city = osm::read_city_summary((fs::path(*data) / "city.osm.pbf").string())) {
      context.grid_origin = city->south_west;
      source->city = std::move(*city);
    }
  }

  const std::string db_url = args.has("db")
                                 ? *args.get("db")
                                 : "sqlite:" + (fs::path(*args.get("data")) / "events.db").string();
  auto log = store::open_event_log(db_url, {.create_if_missing = false});
  if (!log)
    return log.error();
  auto rebuilt = cad::rebuild_state(**log);
  if (!rebuilt)
    return rebuilt.error();

  const std::function<int(std::int64_t)> offset_now = context.utc_offset_at;
  source->statistics = std::make_unique<server::Statistics>(std::move(context));
  source->statistics->rebuild(rebuilt->state);
  const UtcTime now = SystemClock().now();
  source->utc_offset_now = offset_now ? offset_now(now.micros() / 1'000'000) : *offset;
  source->env.today = server::local_day(now, source->utc_offset_now);
  source->env.jurisdictions = source->org ? &*source->org : nullptr;
  return source;
}

}  // namespace shouwang::cli
