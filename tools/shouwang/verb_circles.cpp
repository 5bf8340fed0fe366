// shouwang circles import|seed|coverage: the quick-response circles (1-3-5分钟快反圈) of a
// city data directory. `import` registers key sites and posts from a GeoJSON or CSV file
// (docs/circles.md), `seed` registers the city's POIs as key sites and plans posts for them
// (the demo's), `coverage` reports which sites the posts reach in time and the shares of
// sites, incidents and road length within 60, 180 and 300 s.

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <shouwang/cad/apply.h>
#include <shouwang/cad/centre.h>
#include <shouwang/cad/decide.h>
#include <shouwang/cad/rebuild.h>
#include <shouwang/cad/taxonomy.h>
#include <shouwang/exchange/circle_registry_file.h>
#include <shouwang/osm/city_summary.h>
#include <shouwang/store/event_log.h>

#include "circle_city.h"
#include "circle_report.h"
#include "city_org.h"
#include "cli_args.h"
#include "verbs.h"

namespace shouwang::cli {
namespace {

namespace fs = std::filesystem;

const std::vector<FlagSpec> kFlags = {
    {"data", true, "city data directory: what `shouwang import-osm` wrote, and events.db"},
    {"db", true, "event log: sqlite:FILE or postgresql://... (default: sqlite:DIR/events.db)"},
    {"centre", true, "the centre's 6-digit division code (default: the city's code)"},
    {"dry-run", false, "import / seed: check and decide everything, but append nothing"},
    {"posts", true, "seed: how many posts to plan (default: one per six key sites)"},
    {"from-pois", false, "coverage: the city's POIs as key sites instead of the registry's"},
    {"plan", true, "coverage: plan N posts instead of the registry's (maximal covering)"},
    {"objective", true, "coverage --plan: mclp (the most demand covered, default) or pmedian (the least travel time)"},
    {"exact", false, "coverage --plan: prove the optimum by branch and bound (small instances only)"},
    {"demand", true, "coverage --plan: what the posts cover, sites (default) or incidents"},
    {"radius", true,
     "coverage --plan --demand incidents: the time the plan covers them within, seconds (default 180); "
     "sites are covered within their own promise"},
    {"grid", true, "coverage --plan / seed: spacing of the candidate places, metres (default 400)"},
    {"incidents", true, "coverage: a CSV of incidents (default: the event log's incidents)"},
    {"lat-column", true, "coverage --incidents: the latitude column (default lat)"},
    {"lon-column", true, "coverage --incidents: the longitude column (default lon)"},
    {"json", false, "coverage: print JSON"},
    {"help", false, "show this help"},
};

constexpr const char* kUsage =
    "usage: shouwang circles import FILE.(geojson|csv) --data DIR [--db URL] [--dry-run]\n"
    "       shouwang circles seed --data DIR [--posts N] [--grid M] [--db URL] [--dry-run]\n"
    "       shouwang circles coverage --data DIR [--from-pois] [--plan N [--objective mclp|pmedian] [--exact]\n"
    "                [--demand sites|incidents] [--radius S] [--grid M]] [--incidents FILE.csv [--lat-column C]\n"
    "                [--lon-column C]] [--json]\n";

int usage_error(const std::string& message) {
  std::cerr << "shouwang circles: " << message << "\n" << kUsage;
  return kExitUsage;
}

int failure(const std::string& message) {
  std::cerr << "shouwang circles: " << message << "\n";
  return kExitFailure;
}

const store::Actor kImport{"import", "system", "circles"};

// The event log and the domain state of a data directory, and the decider that extends it.
struct CityLog {
  std::unique_ptr<cad::Taxonomy> taxonomy;  // the decider's
  std::unique_ptr<store::EventLog> log;
  cad::State state;
  std::optional<cad::Decider> decider;
  std::optional<osm::Jurisdictions> org;
};

// Without `decide` (a report) a city whose extract names no division code will do.
Result<CityLog> open_city_log(const Args& args, const fs::path& data, bool decide) {
  CityLog out;
  auto taxonomy = cad::load_taxonomy(SHOUWANG_DEFAULT_TAXONOMY_DIR);
  if (!taxonomy)
    return taxonomy.error();
  const auto city = osm::read_city_summary((data / "city.osm.pbf").string());
  if (!city && city.error().code != Errc::kInvalidArgument)
    return Error(city.error().code, "--data: " + city.error().message, "data");
  const std::string division = args.get("centre").value_or(city ? city->code : "");
  auto centre = cad::make_centre(division);
  if (!centre && decide)
    return Error(centre.error().code,
                 "the centre '" + division + "': " + centre.error().message + " (name it with --centre CODE)",
                 "centre");
  out.taxonomy = std::make_unique<cad::Taxonomy>(std::move(taxonomy).value());
  if (centre)
    out.decider.emplace(*centre, *out.taxonomy);
  const std::string db_url = args.get("db").value_or("sqlite:" + (data / "events.db").string());
  auto log = store::open_event_log(db_url);
  if (!log)
    return log.error();
  out.log = std::move(log).value();
  auto rebuilt = cad::rebuild_state(*out.log);
  if (!rebuilt)
    return rebuilt.error();
  out.state = std::move(rebuilt->state);
  if (auto org = load_city_org(data); org && !org->empty())
    out.org = std::move(*org);
  return out;
}

// Decides `command` on the state, applying its events; the refusal otherwise.
Status decide_into(CityLog& city, const cad::Command& command, std::vector<store::EventDraft>& drafts) {
  auto events = city.decider->decide(city.state, command, kImport, SystemClock::instance().now());
  if (!events)
    return events.error();
  for (auto& event : *events) {
    if (Status applied = cad::apply(city.state, event); !applied)
      return applied;
    drafts.push_back(std::move(event));
  }
  return {};
}

Status append(CityLog& city, std::vector<store::EventDraft> drafts, bool dry_run) {
  if (dry_run || drafts.empty())
    return {};
  auto appended = city.log->append(std::move(drafts));
  if (!appended)
    return appended.error();
  return {};
}

// import: every record is checked first; one bad record appends nothing.
int run_import(const Args& args, const fs::path& data) {
  if (args.positional().size() != 2)
    return usage_error("name the file to import");
  const fs::path file = args.positional()[1];
  std::ifstream in(file, std::ios::binary);
  if (!in)
    return failure(file.string() + ": cannot be read");
  std::stringstream buffer;
  buffer << in.rdbuf();
  auto read = exchange::read_registry_file(buffer.str());
  if (!read)
    return failure(file.string() + ": " + read.error().message);
  auto city = open_city_log(args, data, true);
  if (!city)
    return failure(city.error().message);
  std::vector<exchange::RegistryProblem> problems = read->problems;
  std::vector<store::EventDraft> drafts;
  int registered = 0, updated = 0, unchanged = 0;
  for (auto& entry : read->entries) {
    std::visit(
        [&](auto& c) {
          if (c.profile.station.empty() && city->org)
            c.profile.station = std::string(city->org->station_at(c.profile.position));
          if (c.profile.station.empty()) {
            problems.push_back({entry.place, "station", "is empty and no station's area holds the position"});
            return;
          }
          if (city->org && city->org->find(c.profile.station) == nullptr) {
            problems.push_back({entry.place, "station", "there is no station " + c.profile.station});
            return;
          }
          using C = std::decay_t<decltype(c)>;
          cad::Command command = c;
          if constexpr (std::is_same_v<C, cad::RegisterSite>) {
            if (const cad::KeySite* site = city->state.find_site(c.site)) {
              auto normal = cad::normalized_site_profile(c.profile);
              if (normal.ok() && *normal == site->profile) {
                ++unchanged;
                return;
              }
              command = cad::UpdateSite{c.site, c.profile};
            }
          } else {
            if (const cad::Post* post = city->state.find_post(c.post)) {
              auto normal = cad::normalized_post_profile(c.profile);
              if (normal.ok() && *normal == post->profile) {
                ++unchanged;
                return;
              }
              command = cad::UpdatePost{c.post, c.profile};
            }
          }
          const bool update = std::holds_alternative<cad::UpdateSite>(command) ||
                              std::holds_alternative<cad::UpdatePost>(command);
          if (Status ok = decide_into(*city, command, drafts); !ok) {
            problems.push_back({entry.place, ok.error().field, ok.error().message});
            return;
          }
          ++(update ? updated : registered);
        },
        entry.command);
  }
  if (!problems.empty()) {
    for (const auto& p : problems) {
      std::cerr << file.string() << ": " << place_text(*read, p.place);
      if (!p.field.empty())
        std::cerr << ": field " << p.field;
      std::cerr << ": " << p.message << "\n";
    }
    return failure(std::to_string(problems.size()) + " problem(s) in " + file.string() + ": nothing was imported");
  }
  if (Status ok = append(*city, std::move(drafts), args.has("dry-run")); !ok)
    return failure(ok.error().message);
  std::printf("%s: %d registered, %d updated, %d unchanged%s\n", file.string().c_str(), registered, updated,
              unchanged, args.has("dry-run") ? " (dry run: nothing appended)" : "");
  return kExitOk;
}

}  // namespace

int run_circles(const std::vector<std::string>& argv) {
  const auto args = Args::parse(argv, kFlags, 2);
  if (!args)
    return usage_error(args.error().message);
  if (args->has("help")) {
    std::cout << kUsage << usage_lines(kFlags);
    return kExitOk;
  }
  if (args->positional().empty())
    return usage_error("name what to do: import, seed or coverage");
  if (!args->has("data"))
    return usage_error("--data is required");
  const fs::path data = *args->get("data");
  const std::string& what = args->positional()[0];
  if (what == "import")
    return run_import(*args, data);
  if (args->positional().size() != 1)
    return usage_error("'" + what + "' takes no file");
  if (what == "seed" || what == "coverage") {
    auto city = open_city_log(*args, data, what == "seed");
    if (!city)
      return failure(city.error().message);
    auto roads = load_city_roads(data);
    if (!roads)
      return failure("--data: " + roads.error().message);
    CircleRun run{*args, data, city->state, **roads, city->org ? &*city->org : nullptr};
    if (what == "coverage")
      return report_coverage(run);
    std::vector<cad::Command> commands;
    if (int code = seed_commands(run, commands); code != kExitOk)
      return code;
    std::vector<store::EventDraft> drafts;
    for (const cad::Command& c : commands) {
      if (Status ok = decide_into(*city, c, drafts); !ok)
        return failure("seeding " + std::string(cad::command_name(c)) + ": " + ok.error().message);
    }
    if (Status ok = append(*city, std::move(drafts), args->has("dry-run")); !ok)
      return failure(ok.error().message);
    return kExitOk;
  }
  return usage_error("unknown '" + what + "': import, seed or coverage");
}

}  // namespace shouwang::cli
