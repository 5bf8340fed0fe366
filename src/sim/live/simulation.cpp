#include <algorithm>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include <shouwang/cad/taxonomy.h>
#include <shouwang/sim/api_pool.h>
#include <shouwang/sim/call_source.h>
#include <shouwang/sim/dispatch_desk.h>
#include <shouwang/sim/duty_roster.h>
#include <shouwang/sim/fleet.h>
#include <shouwang/sim/fleet_plan.h>
#include <shouwang/sim/patrol_areas.h>
#include <shouwang/sim/road_network.h>
#include <shouwang/sim/simulation.h>
#include <shouwang/sim/stream_listener.h>

#include "sim/live/run_report.h"

namespace shouwang::sim {

namespace {

constexpr std::size_t kSlots = 10;  // ticks per second; each unit is moved in one of them
constexpr auto kTick = std::chrono::milliseconds(100);
constexpr double kDefaultStandInPerHour = 20.0;
constexpr auto kWindDownLimit = std::chrono::seconds(90);

Error with_context(const Error& e, const std::string& context, const std::string& field) {
  return Error(e.code, context + e.message, e.field.empty() ? field : e.field);
}

}  // namespace

struct Simulation::State {
  State(SimulationOptions o, const Clock& c, std::ostream& s)
      : options(std::move(o)), clock(c), out(s) {}

  SimulationOptions options;
  const Clock& clock;
  std::ostream& out;
  std::unique_ptr<RoadNetwork> network;
  cad::Taxonomy taxonomy;
  PatrolAreas areas;
  std::vector<UnitPlan> plans;
  std::unique_ptr<ApiConnection> api;
  std::unique_ptr<ApiPool> pool;
  std::unique_ptr<MqttGateway> gateway;
  std::unique_ptr<CallSource> calls;
  std::unique_ptr<Fleet> fleet;
  std::unique_ptr<DispatchDesk> desk;
  std::unique_ptr<StreamListener> stream;
  std::mutex inbox_mutex;
  std::vector<FeedNews> inbox;  // from the stream's thread, under inbox_mutex

  void step(double sim_s, std::size_t slot) {
    pool->drain();
    std::vector<FeedNews> news;
    {
      std::lock_guard lock(inbox_mutex);
      news.swap(inbox);
    }
    for (const FeedNews& n : news) {
      fleet->on_news(n, sim_s);
      if (desk)
        desk->on_news(n, sim_s);
    }
    fleet->tick(slot, kSlots, sim_s, clock.now());
    if (desk)
      desk->tick(sim_s);
  }

  live::RunFigures figures(double wall_s, double sim_s) const {
    live::RunFigures f;
    f.wall_s = wall_s;
    f.fleet = fleet->status(sim_s);
    f.mqtt = gateway->stats();
    f.calls = desk != nullptr;
    if (desk)
      f.desk = desk->counts();
    return f;
  }
};

Simulation::Simulation(std::unique_ptr<State> state) : state_(std::move(state)) {}

Simulation::~Simulation() {
  if (state_->stream)
    state_->stream->stop();
  if (state_->pool)
    state_->pool->stop();
  if (state_->gateway)
    state_->gateway->stop(std::chrono::milliseconds(0));
}

Result<std::unique_ptr<Simulation>> Simulation::prepare(SimulationOptions options,
                                                        const Clock& clock, std::ostream& out) {
  auto s = std::make_unique<State>(std::move(options), clock, out);
  const SimulationOptions& o = s->options;

  auto network = RoadNetwork::load(o.data_dir);
  if (!network)
    return with_context(network.error(), "roads: ", "data");
  s->network = std::move(network).value();
  auto taxonomy = cad::load_taxonomy(o.taxonomy_dir);
  if (!taxonomy)
    return with_context(taxonomy.error(), "taxonomy: ", "taxonomy");
  s->taxonomy = std::move(taxonomy).value();
  out << "roads: " << s->network->graph().node_count() << " nodes, "
      << s->network->graph().arc_count() << " arcs from " << o.data_dir.string() << "\n";

  s->api = std::make_unique<ApiConnection>(o.api);
  auto token = log_in(*s->api, o.user, o.password);
  if (!token)
    return token.error();
  s->api->set_token(*token);
  auto org = fetch_org(*s->api);
  if (!org)
    return org.error();
  s->areas = PatrolAreas::build(s->network->graph(), *org);
  std::vector<std::string> capabilities;
  for (const cad::IncidentType& type : s->taxonomy.types.all()) {
    capabilities.insert(capabilities.end(), type.capabilities.begin(), type.capabilities.end());
  }
  s->plans = plan_fleet(o.units, o.seed, s->network->graph(), s->areas, capabilities);
  if (s->plans.empty()) {
    return Error(Errc::kNotFound,
                 "no station area of the server's organisation holds any road of " +
                     o.data_dir.string() + ": is it the same city?",
                 "data");
  }
  out << "logged in to " << o.api.url() << " as " << o.user << "; " << s->areas.size()
      << " station areas\n";

  s->gateway = std::make_unique<MqttGateway>(o.mqtt);
  if (Status connected = s->gateway->start(); !connected)
    return connected.error();
  out << "connected to the MQTT broker at " << o.mqtt.host << ":" << o.mqtt.port << " as "
      << o.mqtt.username << "\n";

  s->pool = std::make_unique<ApiPool>(o.api, *token, o.api_threads);
  auto roster = put_on_duty(*s->pool, *s->api, s->plans);
  if (!roster)
    return roster.error();
  out << "units: " << s->plans.size() << " on duty (" << roster->registered << " registered, "
      << roster->started << " shifts started, " << roster->already_on_duty << " already on duty, "
      << roster->unusable << " left out)\n";
  for (const std::string& problem : roster->problems)
    out << "  " << problem << "\n";
  if (s->plans.empty())
    return Error(Errc::kUnavailable, "no unit could be put on duty");

  if (o.calls) {
    auto model = make_call_model_source(o.data_dir, s->taxonomy, o.calls_per_hour, o.seed,
                                        o.utc_offset_minutes);
    if (model) {
      s->calls = std::move(model).value();
    } else {
      out << "call model: " << model.error().message << "; using the uniform stand-in\n";
      s->calls = std::make_unique<UniformCallSource>(
          *s->network, s->areas, s->taxonomy,
          o.calls_per_hour > 0 ? o.calls_per_hour : kDefaultStandInPerHour, o.seed);
    }
    out << "calls: " << s->calls->describe() << "\n";
  }

  s->fleet = std::make_unique<Fleet>(*s->network, s->areas, s->plans, o.seed, *s->gateway,
                                     s->pool.get(), o.speedup);
  State* state = s.get();
  s->stream = std::make_unique<StreamListener>(
      o.api, *token, [state](const nlohmann::json& message, bool snapshot) {
        FeedNews news = read_feed(message, snapshot);
        std::lock_guard lock(state->inbox_mutex);
        state->inbox.push_back(std::move(news));
      });
  if (Status started = s->stream->start(); !started)
    return with_context(started.error(), "stream: ", "api");
  out.flush();
  return std::unique_ptr<Simulation>(new Simulation(std::move(s)));
}

Status Simulation::run(const std::function<bool()>& stop_requested) {
  State& s = *state_;
  const SimulationOptions& o = s.options;
  const auto start = std::chrono::steady_clock::now();
  const auto sim_seconds = [&](std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(t - start).count() * o.speedup;
  };
  s.fleet->begin(0.0);
  if (s.calls)
    s.desk = std::make_unique<DispatchDesk>(*s.calls, s.taxonomy, *s.pool, o.seed, s.clock.now());
  s.out << "running " << s.plans.size() << " units at " << o.speedup << "x"
        << (o.duration_s ? " for " + std::to_string(static_cast<long long>(*o.duration_s)) + " s"
                         : std::string())
        << "; stop with Ctrl-C\n";
  s.out.flush();

  std::size_t slot = 0;
  auto next_tick = start;
  auto next_status = start + o.status_every;
  std::uint64_t fixes_at_status = 0;
  auto last_status = start;
  const auto loop = [&](const std::function<bool()>& done) {
    for (;;) {
      const auto now = std::chrono::steady_clock::now();
      if (done())
        return;
      s.step(sim_seconds(now), slot);
      slot = (slot + 1) % kSlots;
      if (now >= next_status) {
        const double wall_s = std::chrono::duration<double>(now - start).count();
        const live::RunFigures f = s.figures(wall_s, sim_seconds(now));
        const double span = std::chrono::duration<double>(now - last_status).count();
        s.out << live::status_line(
                     f,
                     span > 0 ? static_cast<double>(f.fleet.fixes - fixes_at_status) / span : 0.0)
              << "\n";
        s.out.flush();
        fixes_at_status = f.fleet.fixes;
        last_status = now;
        next_status += o.status_every;
      }
      next_tick += kTick;
      if (next_tick < now - std::chrono::seconds(1))
        next_tick = now;  // fell behind: do not race to catch up
      std::this_thread::sleep_until(next_tick);
    }
  };
  loop([&] {
    const double wall_s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return stop_requested() || (o.duration_s && wall_s >= *o.duration_s);
  });

  // Winding down: no new calls; orders returned or finished, so that every shift can end.
  const auto wind_start = std::chrono::steady_clock::now();
  s.fleet->wind_down(sim_seconds(wind_start));
  if (s.desk)
    s.desk->stop_taking_calls();
  s.out << "winding down: returning or finishing open orders\n";
  s.out.flush();
  loop([&] {
    const auto now = std::chrono::steady_clock::now();
    return (!s.fleet->busy() && s.pool->outstanding() == 0) || now - wind_start > kWindDownLimit ||
           stop_requested();
  });
  const auto stopped_moving = std::chrono::steady_clock::now();
  s.pool->drain();
  std::vector<std::string> problems;
  const std::size_t ended = end_shifts(*s.pool, s.plans, problems);
  for (const std::string& p : problems)
    s.out << "  " << p << "\n";
  s.stream->stop();
  s.gateway->stop(std::chrono::seconds(5));
  s.pool->stop();
  const auto end = std::chrono::steady_clock::now();
  live::RunFigures f =
      s.figures(std::chrono::duration<double>(end - start).count(), sim_seconds(end));
  f.moving_s = std::chrono::duration<double>(stopped_moving - start).count();
  s.out << live::summary_text(f, s.plans.size(), ended);
  s.out.flush();
  if (ended < s.plans.size()) {
    return Error(Errc::kConflict, std::to_string(s.plans.size() - ended) + " of " +
                                      std::to_string(s.plans.size()) +
                                      " shifts could not be ended; see above");
  }
  return {};
}

}  // namespace shouwang::sim
