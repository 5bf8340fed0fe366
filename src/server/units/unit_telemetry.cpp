#include <shouwang/server/unit_telemetry.h>

#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

#include <shouwang/server/live_changes.h>
#include <shouwang/server/telemetry/telemetry_metrics.h>

#include "server/units/position_batch.h"

namespace shouwang::server {

namespace {

// What the telemetry needs to know of a roster entry.
struct RosterEntry {
  std::string station;
  bool on_duty = false;
};

}  // namespace

struct UnitTelemetry::Impl {
  Impl(UnitTelemetryOptions o, UnitLocator* l, StreamHub& h, const LiveRenderer& r, const AccessPolicy& p,
       const Clock& c)
      : options(std::move(o)), locator(l), hub(h), renderer(r), policy(p), clock(c) {}

  void deliver(const telemetry::PositionFix& fix);
  void frame_loop();
  void broadcast_frame();

  const UnitTelemetryOptions options;
  UnitLocator* const locator;
  StreamHub& hub;
  const LiveRenderer& renderer;
  const AccessPolicy& policy;
  const Clock& clock;

  std::unique_ptr<telemetry::TrackStore> tracks;
  std::unique_ptr<telemetry::TelemetryIntake> intake;
  std::unique_ptr<telemetry::MqttIntake> mqtt;
  detail::PositionBatch batch;

  // Lock order: never held while calling into the intake (whose listener takes it).
  mutable std::mutex roster_mutex;
  std::map<std::string, RosterEntry, std::less<>> roster;

  std::mutex frame_mutex;
  std::condition_variable frame_cv;
  bool stopping = false;
  bool started = false;
  std::thread frame_thread;
};

void UnitTelemetry::Impl::deliver(const telemetry::PositionFix& fix) {
  RosterEntry entry;
  {
    std::lock_guard lock(roster_mutex);
    const auto it = roster.find(fix.unit);
    if (it != roster.end()) entry = it->second;
  }
  // Only units on duty take part in recommendations; the map shows every unit reporting.
  if (locator != nullptr && entry.on_duty) locator->on_fix(fix.unit, fix.position, fix.t);
  batch.add(fix, std::move(entry.station));
}

void UnitTelemetry::Impl::broadcast_frame() {
  const auto entries = batch.take();
  if (entries.empty()) return;
  hub.broadcast("positions", [&](const std::string& scope_key) -> std::optional<std::string> {
    const auto principal = renderer.principal(scope_key);
    if (!principal) return std::nullopt;
    return detail::render_positions(entries, *principal, policy);
  });
}

void UnitTelemetry::Impl::frame_loop() {
  using namespace std::chrono;
  auto next_prune = steady_clock::now() + minutes(1);
  std::unique_lock lock(frame_mutex);
  while (!stopping) {
    frame_cv.wait_for(lock, options.frame_interval, [this] { return stopping; });
    lock.unlock();
    broadcast_frame();
    if (tracks && steady_clock::now() >= next_prune) {
      next_prune = steady_clock::now() + hours(1);
      const UtcTime cutoff = clock.now().plus_micros(-duration_cast<microseconds>(options.track_retention).count());
      (void)tracks->prune(cutoff);  // a failure shows in the next write's figures
    }
    lock.lock();
  }
}

Result<std::unique_ptr<UnitTelemetry>> UnitTelemetry::open(UnitTelemetryOptions options, UnitLocator* locator,
                                                           StreamHub& hub, const LiveRenderer& renderer,
                                                           const AccessPolicy& policy, const Clock& clock) {
  auto impl = std::make_unique<Impl>(std::move(options), locator, hub, renderer, policy, clock);
  if (!impl->options.tracks.empty()) {
    auto tracks = telemetry::TrackStore::open(impl->options.tracks.string(), impl->options.track_options);
    if (!tracks) return Error(tracks.error().code, impl->options.tracks.string() + ": " + tracks.error().message, "tracks");
    impl->tracks = std::move(*tracks);
  }
  impl->intake = std::make_unique<telemetry::TelemetryIntake>(impl->options.intake, impl->tracks.get());
  Impl* raw = impl.get();
  impl->intake->set_listener([raw](const telemetry::PositionFix& fix) { raw->deliver(fix); });
  if (impl->options.mqtt) {
    impl->mqtt = std::make_unique<telemetry::MqttIntake>(
        *impl->options.mqtt,
        [raw](std::string_view unit, std::string_view payload, UtcTime received_at) {
          (void)raw->intake->accept(unit, payload, received_at);
        },
        clock);
  }
  return std::unique_ptr<UnitTelemetry>(new UnitTelemetry(std::move(impl)));
}

UnitTelemetry::UnitTelemetry(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

UnitTelemetry::~UnitTelemetry() { stop(); }

Status UnitTelemetry::start() {
  Impl& m = *impl_;
  {
    std::lock_guard lock(m.frame_mutex);
    if (m.started) return Error(Errc::kConflict, "unit telemetry is already started");
    m.started = true;
  }
  if (m.mqtt) {
    if (Status ok = m.mqtt->start(); !ok) return ok;
  }
  m.frame_thread = std::thread([&m] { m.frame_loop(); });
  return {};
}

void UnitTelemetry::stop() {
  Impl& m = *impl_;
  if (m.mqtt) m.mqtt->stop();
  {
    std::lock_guard lock(m.frame_mutex);
    m.stopping = true;
  }
  m.frame_cv.notify_all();
  if (m.frame_thread.joinable()) m.frame_thread.join();
  if (m.tracks) (void)m.tracks->close();
}

void UnitTelemetry::on_roster(const cad::State& state) {
  Impl& m = *impl_;
  std::vector<std::string> known;
  std::vector<std::string> off_duty;
  {
    std::lock_guard lock(m.roster_mutex);
    std::map<std::string, RosterEntry, std::less<>> next;
    for (const auto& [id, unit] : state.units) {
      if (unit.retired) continue;
      known.push_back(id);
      next.emplace(id, RosterEntry{unit.profile.station, cad::on_duty(unit.status)});
    }
    for (const auto& [id, before] : m.roster) {
      const auto now = next.find(id);
      if (before.on_duty && (now == next.end() || !now->second.on_duty)) off_duty.push_back(id);
    }
    m.roster = std::move(next);
  }
  m.intake->set_known_units(known);
  if (m.locator != nullptr) {
    for (const std::string& unit : off_duty) m.locator->forget(unit);
  }
}

telemetry::Verdict UnitTelemetry::accept(std::string_view unit, std::string_view payload, Error* why) {
  return impl_->intake->accept(unit, payload, impl_->clock.now(), why);
}

std::vector<telemetry::PositionFix> UnitTelemetry::live() const { return impl_->intake->live().snapshot(); }

std::optional<telemetry::PositionFix> UnitTelemetry::live(std::string_view unit) const {
  return impl_->intake->live().latest(unit);
}

Result<std::vector<telemetry::TrackPoint>> UnitTelemetry::track(std::string_view unit, UtcTime from, UtcTime to) {
  if (!impl_->tracks) return Error(Errc::kUnavailable, "this server keeps no tracks");
  return impl_->tracks->track(unit, from, to);
}

std::string UnitTelemetry::prometheus() const {
  const Impl& m = *impl_;
  std::string out = telemetry::to_prometheus(m.intake->stats());
  if (m.mqtt) out += telemetry::to_prometheus(m.mqtt->stats());
  if (m.tracks) out += telemetry::to_prometheus(m.tracks->stats());
  out += "# HELP shouwang_telemetry_live_bytes Estimated bytes held for units' live positions.\n"
         "# TYPE shouwang_telemetry_live_bytes gauge\nshouwang_telemetry_live_bytes " +
         std::to_string(m.intake->live().memory_bytes()) + "\n";
  return out;
}

std::size_t UnitTelemetry::bytes_per_unit() const {
  return telemetry::LivePositions::bytes_per_unit(impl_->intake->live().recent_capacity());
}

}  // namespace shouwang::server
