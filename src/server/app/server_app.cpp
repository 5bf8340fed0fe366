#include <shouwang/server/server_app.h>

#include <algorithm>
#include <cstdio>

#include <nlohmann/json.hpp>

#include <shouwang/cad/decide.h>
#include <shouwang/cad/location.h>
#include <shouwang/cad/rebuild.h>
#include <shouwang/cad/record_id.h>
#include <shouwang/osm/city_summary.h>
#include <shouwang/osm/place_index.h>
#include <shouwang/server/api.h>
#include <shouwang/server/city_routes.h>
#include <shouwang/server/tile_routes.h>
#include <shouwang/server/unit_locator.h>
#include <shouwang/server/command_service.h>
#include <shouwang/server/core_routes.h>
#include <shouwang/server/live_changes.h>
#include <shouwang/server/static_files.h>
#include <shouwang/store/event_log.h>

#include "server/api/api_support.h"
#include "server/app/org_tree_adapter.h"

namespace shouwang::server {
namespace {

using Millis = std::chrono::duration<double, std::milli>;

// The station of an incident follows its effective location until a dispatcher decides.
FollowUp station_from_location(const JurisdictionOrgTree& org) {
  return [&org](const cad::State& after, const cad::Command& done) -> std::vector<cad::Command> {
    const osm::Jurisdictions* map = org.jurisdictions();
    if (map == nullptr) return {};
    IncidentId id;
    if (const auto* c = std::get_if<cad::AddLocationCandidate>(&done)) id = c->incident;
    if (const auto* c = std::get_if<cad::ConfirmLocation>(&done)) id = c->incident;
    const cad::Incident* incident = after.find(id);
    if (incident == nullptr || incident->station_by_dispatcher) return {};
    const cad::LocationCandidate* where = cad::effective_location(incident->location);
    if (where == nullptr || !where->position) return {};
    const std::string station(map->station_at(*where->position));
    if (station.empty() || station == incident->station) return {};
    return {cad::AssignStation{id, station, "location", "the incident's location lies in this station's area"}};
  };
}

}  // namespace

struct ServerApp::Parts {
  AppOptions options;
  AppSummary summary;
  std::unique_ptr<store::EventLog> log;
  cad::Taxonomy taxonomy;
  std::unique_ptr<cad::Decider> decider;
  std::unique_ptr<JurisdictionOrgTree> org;
  AccountBook accounts;
  std::unique_ptr<CommandService> commands;
  std::unique_ptr<AccessPolicy> policy;
  std::unique_ptr<Authenticator> auth;
  Metrics metrics;
  JsonLinesLog access_log;
  JsonLinesLog audit_log;
  std::unique_ptr<LiveRenderer> renderer;
  std::unique_ptr<StreamHub> hub;
  std::unique_ptr<UnitLocator> units;  // null without a road network
  std::unique_ptr<osm::PlaceIndex> places;  // null without a usable place index
  std::unique_ptr<Statistics> stats;
  std::unique_ptr<UnitTelemetry> telemetry;
  std::unique_ptr<DeadlineWatch> watch;
  std::unique_ptr<WarningWatch> warnings;
  std::unique_ptr<CircleWatch> circles;  // null without a road network
  std::unique_ptr<ApiServices> api;
  std::unique_ptr<StaticFiles> console;
  Router router;
  std::unique_ptr<HttpServer> http;
  std::uint64_t snapshot_seq = 0;
  bool stopped = false;
};

ServerApp::ServerApp(std::unique_ptr<Parts> parts) : parts_(std::move(parts)) {}
ServerApp::~ServerApp() { stop(); }

Result<std::unique_ptr<ServerApp>> ServerApp::open(AppOptions options) {
  auto parts = std::make_unique<Parts>();
  Parts& p = *parts;
  const Clock& clock = options.clock != nullptr ? *options.clock : SystemClock::instance();

  // The city and its organisation.
  std::optional<osm::CitySummary> city;
  if (options.data) {
    const auto pbf = (*options.data / "city.osm.pbf").string();
    auto summary = osm::read_city_summary(pbf);
    if (!summary) return Error(summary.error().code, "--data: " + summary.error().message, "data");
    city = *summary;
    p.summary.city = city->name + " (" + city->name_en + ")";
  }
  if (options.centre.empty() && city) options.centre = city->code;
  if (options.centre.empty()) {
    return Error(Errc::kInvalidArgument, "name the centre's division code (--centre) or the city (--data)", "centre");
  }
  auto centre = cad::make_centre(options.centre, options.utc_offset_minutes);
  if (!centre) return Error(centre.error().code, "--centre: " + centre.error().message, "centre");
  p.summary.centre = options.centre;
  if (options.org) {
    auto tree = osm::read_jurisdictions_geojson(options.org->string());
    if (!tree) return Error(tree.error().code, "--org: " + tree.error().message, "org");
    p.org = std::make_unique<JurisdictionOrgTree>(std::move(*tree));
    p.summary.org_source = options.org->string();
  } else if (options.data && std::filesystem::exists(*options.data / "jurisdictions.geojson")) {
    // A bureau whose boundaries are not in OSM keeps them beside the city's data.
    const auto path = *options.data / "jurisdictions.geojson";
    auto tree = osm::read_jurisdictions_geojson(path.string());
    if (!tree) return Error(tree.error().code, path.string() + ": " + tree.error().message, "data");
    p.org = std::make_unique<JurisdictionOrgTree>(std::move(*tree));
    p.summary.org_source = path.string();
  } else if (options.data) {
    auto tree = osm::read_jurisdictions((*options.data / "city.osm.pbf").string());
    if (tree) {
      p.org = std::make_unique<JurisdictionOrgTree>(std::move(*tree));
      p.summary.org_source = "the city's administrative boundaries";
    }
  }
  if (!p.org) {
    p.org = std::make_unique<JurisdictionOrgTree>(options.centre);
    p.summary.org_source = "the centre alone (no boundaries known)";
  }
  p.summary.org_units = p.org->jurisdictions() ? p.org->jurisdictions()->size() : 1;

  auto taxonomy = cad::load_taxonomy(options.taxonomy);
  if (!taxonomy) return Error(taxonomy.error().code, "taxonomy: " + taxonomy.error().message, "taxonomy");
  p.taxonomy = std::move(*taxonomy);
  p.decider = std::make_unique<cad::Decider>(*centre, p.taxonomy);

  // The log, verified, and the projections rebuilt from it.
  auto log = store::open_event_log(options.db_url, {.verify_on_open = options.verify_log});
  if (!log) return log.error();
  p.log = std::move(*log);
  const auto start = std::chrono::steady_clock::now();
  auto rebuilt = cad::rebuild_state(*p.log);
  if (!rebuilt) return rebuilt.error();
  Status accounts_ok;
  auto scanned = p.log->scan(1, [&](const store::EventView& e) {
    accounts_ok = p.accounts.apply(e);
    return accounts_ok.ok();
  });
  if (!scanned) return scanned.error();
  if (!accounts_ok) return accounts_ok.error();
  p.summary.rebuild_ms = Millis(std::chrono::steady_clock::now() - start).count();
  p.summary.log_seq = rebuilt->seq;
  p.summary.snapshot_seq = p.snapshot_seq = rebuilt->snapshot_seq;
  p.summary.replayed = rebuilt->events_replayed;
  p.summary.incidents = rebuilt->state.incidents.size();
  p.summary.users = p.accounts.users().size();

  p.commands = std::make_unique<CommandService>(*p.log, *p.decider, std::move(rebuilt->state), rebuilt->seq,
                                                p.accounts, clock);
  p.policy = std::make_unique<AccessPolicy>(*p.org);
  p.auth = std::make_unique<Authenticator>(p.accounts, *p.commands, clock, options.auth);
  p.commands->set_follow_up(station_from_location(*p.org));

  // The live stream: each durable batch becomes a change for the hub.
  p.renderer = std::make_unique<LiveRenderer>(*p.policy);
  p.hub = std::make_unique<StreamHub>(
      options.stream,
      [renderer = p.renderer.get()](const Change& change, const std::string& key) { return renderer->render(change, key); },
      p.commands->seq(), clock);
  // Units' positions: who may report follows the roster.
  if (options.data) {
    auto units = UnitLocator::load(*options.data);
    if (units) {
      p.units = std::move(units).value();
    } else if (units.error().code != Errc::kNotFound) {
      return units.error();
    }
    if (options.telemetry.tracks.empty()) options.telemetry.tracks = *options.data / "tracks.db";
  }
  // Place search for the address box. A broken index does not stop the centre: the search
  // answers 503 as without one, and the operator sees why here.
  if (options.data) {
    auto places = osm::read_place_index((*options.data / osm::kPlaceIndexFileName).string());
    if (places) {
      p.places = std::make_unique<osm::PlaceIndex>(std::move(places).value());
      p.summary.places = p.places->size();
    } else if (places.error().code != Errc::kNotFound) {
      std::fprintf(stderr, "place search is off: %s\n", places.error().message.c_str());
    }
  }
  if (city && !options.telemetry.intake.filter.map_box) {
    options.telemetry.intake.filter.map_box = telemetry::MapBox{city->south_west, city->north_east};
  }
  auto telemetry = UnitTelemetry::open(options.telemetry, p.units.get(), *p.hub, *p.renderer, *p.policy, clock);
  if (!telemetry) return telemetry.error();
  p.telemetry = std::move(*telemetry);
  (void)p.commands->read([&](const cad::State& state, std::uint64_t) {
    p.telemetry->on_roster(state);
    return 0;
  });
  // The incident history for statistics, built from the state and kept current by commits.
  StatisticsContext stats_context;
  stats_context.taxonomy = &p.taxonomy;
  stats_context.utc_offset_minutes = p.decider->centre().utc_offset_minutes;
  if (city) stats_context.grid_origin = city->south_west;
  if (const osm::Jurisdictions* map = p.org->jurisdictions()) {
    stats_context.district_of = district_lookup(*map);
  }
  p.stats = std::make_unique<Statistics>(std::move(stats_context));
  const auto stats_started = std::chrono::steady_clock::now();
  (void)p.commands->read([&](const cad::State& state, std::uint64_t) {
    p.stats->rebuild(state);
    return 0;
  });
  p.summary.history_ms = Millis(std::chrono::steady_clock::now() - stats_started).count();
  p.commands->set_on_commit([hub = p.hub.get(), telemetry = p.telemetry.get(), stats = p.stats.get()](
                                const Committed& committed, const cad::State& durable) {
    stats->apply(committed, durable);
    (void)hub->publish(make_change(committed, durable));
    const bool roster = std::any_of(committed.events.begin(), committed.events.end(),
                                    [](const store::Event& e) { return e.body.type.starts_with("unit."); });
    if (roster) telemetry->on_roster(durable);
  });
  p.commands->set_on_append([metrics = &p.metrics](double seconds, std::size_t events) {
    metrics->observe_append(seconds, events);
  });

  if (!options.logs.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(options.logs, ec);
    if (Status ok = p.access_log.open((options.logs / "access.jsonl").string(), false); !ok) return ok.error();
    if (Status ok = p.audit_log.open((options.logs / "audit.jsonl").string(), true); !ok) return ok.error();
  }

  // Metrics read at each scrape.
  Parts* raw = &p;
  p.metrics.add_gauge("shouwang_log_seq", "The last sequence number in the event log.",
                      [raw] { return static_cast<double>(raw->commands->seq()); });
  p.metrics.add_gauge("shouwang_sessions_live", "Sessions that have not expired or ended.", [raw, &clock] {
    return static_cast<double>(raw->accounts.live_sessions(clock.now()));
  });
  p.metrics.add_section([raw] { return to_prometheus(raw->hub->stats()); });

  p.metrics.add_section([raw] { return raw->telemetry->prometheus(); });

  // The timers: missed deadlines and arrivals seen by GPS, recorded as the system.
  if (Status ok = cad::validate(options.deadlines.policy); !ok) {
    return Error(ok.error().code, "deadlines: " + ok.error().message, "deadlines");
  }
  p.watch = std::make_unique<DeadlineWatch>(
      *p.commands, p.taxonomy, p.units.get(),
      [telemetry = p.telemetry.get()](std::string_view unit) -> std::optional<WatchedFix> {
        const auto fix = telemetry->live(unit);
        if (!fix) return std::nullopt;
        return WatchedFix{fix->position, fix->t, fix->speed_mps};
      },
      clock, options.deadlines);
  p.metrics.add_section([raw] { return raw->watch->prometheus(); });
  p.warnings = std::make_unique<WarningWatch>(*p.commands, *p.stats, p.org->jurisdictions(), clock, options.warnings);
  p.metrics.add_section([raw] { return raw->warnings->prometheus(); });
  if (p.units) {
    p.circles = std::make_unique<CircleWatch>(*p.commands, *p.units, clock, p.decider->centre().utc_offset_minutes,
                                              options.circles);
    p.metrics.add_section([raw] { return raw->circles->prometheus(); });
  }

  // Routes.
  p.api = std::make_unique<ApiServices>(ApiServices{*p.commands, *p.auth, *p.policy, p.accounts, p.taxonomy, p.audit_log,
                                                    p.metrics, nullptr, {}, p.units.get(), p.telemetry.get()});
  p.api->places = p.places.get();
  p.api->statistics = p.stats.get();
  p.api->circles = p.circles.get();
  p.api->jurisdictions = p.org->jurisdictions();
  if (city) {
    p.api->bureau_name = city->name + "公安局";
    p.api->bureau_name_en = city->name_en + " Public Security Bureau";
  }
  p.api->deadlines = options.deadlines.policy;
  // EIDO names the centre as an agency: its division code, and the city's name when known.
  const std::string division = std::to_string(p.decider->centre().division_code);
  p.api->eido.agency_id = "psap-" + division + ".shouwang.local";
  p.api->eido.agency_name = city ? city->name + " 110 指挥中心" : "110 指挥中心 " + division;
  p.api->eido.centre = p.decider->centre();
  p.api->eido.utc_offset_minutes = p.decider->centre().utc_offset_minutes;
  p.api->eido.sender = "shouwang-serve." + p.api->eido.agency_id;
  if (const osm::Jurisdictions* map = p.org->jurisdictions()) {
    p.api->org_geojson = [json = std::make_shared<std::string>(map->to_geojson())] { return *json; };
  }
  add_core_routes(p.router);
  const auto basemap =
      add_tile_routes(p.router, options.data ? *options.data / kBasemapFileName : std::filesystem::path());
  add_city_routes(p.router, city, basemap, options.utc_offset_minutes);
  add_api_routes(p.router, *p.api);
  p.router.add_websocket("/api/v1/stream", [raw](const HttpRequest& request) -> std::variant<HttpResponse, std::shared_ptr<Subscription>> {
    auto principal = raw->auth->authenticate(request);
    if (!principal) {
      HttpResponse refusal = HttpResponse::error(principal.error());
      if (principal.error().code == Errc::kUnauthenticated) {
        refusal.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"shouwang\"");
      }
      return refusal;
    }
    // `from`: the seq of the state the client holds; without it, only what comes next.
    std::uint64_t from = raw->hub->last_seq();
    const auto params = api::query_params(request.query);
    if (const auto it = params.find("from"); it != params.end()) {
      const std::string& text = it->second;
      const bool digits = !text.empty() && text.size() <= 19 &&
                          std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (!digits) return HttpResponse::error(Error(Errc::kInvalidArgument, "from must be the seq of a state", "from"));
      from = std::stoull(text);
    }
    raw->renderer->remember(*principal);
    return raw->hub->subscribe(principal->scope_key(), from,
                               principal->username + (principal->workstation.empty() ? "" : "@" + principal->workstation));
  });
  if (!options.web.empty()) {
    p.console = std::make_unique<StaticFiles>(options.web);
    p.router.set_fallback([console = p.console.get()](const HttpRequest& request) { return console->serve(request); });
  }
  p.router.set_observer([raw](const std::string& method, const std::string& route, int status, double seconds) {
    raw->metrics.observe_request(method, route, status, seconds);
    if (raw->access_log.is_open()) {
      raw->access_log.write({{"t", SystemClock::instance().now().to_iso8601()},
                             {"method", method},
                             {"route", route},
                             {"status", status},
                             {"ms", seconds * 1e3}});
    }
  });
  p.options = std::move(options);
  p.http = std::make_unique<HttpServer>(p.options.http, p.router);
  return std::unique_ptr<ServerApp>(new ServerApp(std::move(parts)));
}

Status ServerApp::start() {
  if (Status ok = parts_->http->start(); !ok) return ok;
  parts_->hub->start_heartbeats();
  if (Status ok = parts_->telemetry->start(); !ok) return ok;
  parts_->watch->start();
  parts_->warnings->start();
  if (parts_->circles) parts_->circles->start();
  return {};
}

int ServerApp::port() const { return parts_->http->port(); }
const AppSummary& ServerApp::summary() const { return parts_->summary; }
std::vector<RouteInfo> ServerApp::routes() const { return parts_->router.routes(); }

void ServerApp::stop() {
  Parts& p = *parts_;
  if (p.stopped) return;
  p.stopped = true;
  // No more positions: MQTT disconnects and the last track points are written.
  p.telemetry->stop();
  p.watch->stop();
  p.warnings->stop();
  if (p.circles) p.circles->stop();
  // Commands already queued are committed and their callers answered while the HTTP
  // threads still run; later ones get 503.
  p.commands->stop();
  p.hub->close_all("server shutting down", kCloseGoingAway);
  p.http->stop();
  const std::uint64_t seq = p.commands->seq();
  if (seq > p.snapshot_seq) {
    const Status saved = p.commands->read([&](const cad::State& state, std::uint64_t at) {
      return cad::save_snapshot(*p.log, state, at);
    });
    if (!saved) std::fprintf(stderr, "the shutdown snapshot was not saved: %s\n", saved.error().message.c_str());
  }
}

}  // namespace shouwang::server
