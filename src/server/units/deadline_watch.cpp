#include <shouwang/server/deadline_watch.h>

#include <shouwang/cad/location.h>

namespace shouwang::server {

namespace {

const store::Actor kWatch{"system", "system", "deadline-watch"};

}  // namespace

// What one pass will record, decided under the read lock and recorded after it.
struct DeadlineWatch::Plan {
  std::vector<cad::RecordMissedDeadline> missed;
  std::vector<cad::Arrive> arrivals;
};

DeadlineWatch::DeadlineWatch(CommandService& commands, const cad::Taxonomy& taxonomy, UnitLocator* locator,
                             LiveFixSource live, const Clock& clock, DeadlineWatchOptions options)
    : commands_(commands),
      taxonomy_(taxonomy),
      locator_(locator),
      live_(std::move(live)),
      clock_(clock),
      options_(std::move(options)) {}

DeadlineWatch::~DeadlineWatch() { stop(); }

DeadlineWatch::Plan DeadlineWatch::plan(const cad::State& state, UtcTime now) {
  Plan out;
  for (const cad::Deadline& d : cad::due(state, options_.policy, now)) {
    cad::RecordMissedDeadline record{d.kind, d.incident, d.order, d.due};
    const cad::Incident* incident = state.find(d.incident);
    if (d.kind == cad::DeadlineKind::kSignFor && locator_ != nullptr && incident != nullptr) {
      auto advice = locator_->recommend(state, taxonomy_, *incident, {}, now);
      if (advice && !advice->ranked.empty()) record.offered_unit = advice->ranked.front().unit;
    }
    out.missed.push_back(std::move(record));
  }
  if (!live_) return out;
  for (const auto& [id, order] : state.orders) {
    if (order.target.kind != cad::TargetKind::kUnit) continue;
    if (order.status != cad::OrderStatus::kSignedFor && order.status != cad::OrderStatus::kEnRoute) continue;
    const cad::Incident* incident = state.find(order.incident);
    if (incident == nullptr) continue;
    const cad::LocationCandidate* where = cad::effective_location(incident->location);
    if (where == nullptr || !where->position) continue;
    const auto fix = live_(order.target.id);
    if (!fix || fix->t < order.times.issued) continue;
    if (now.seconds_since(fix->t) > options_.arrival_max_fix_age.value()) continue;
    if (fix->speed_mps && *fix->speed_mps > options_.arrival_max_speed_mps) continue;
    if (haversine_distance(fix->position, *where->position).value() > options_.arrival_radius.value()) continue;
    out.arrivals.push_back(cad::Arrive{id, "gps"});
  }
  return out;
}

WatchPass DeadlineWatch::tick() {
  const UtcTime now = clock_.now();
  Plan todo = commands_.read([&](const cad::State& state, std::uint64_t) { return plan(state, now); });
  WatchPass pass;
  DeadlineWatchStats counted;
  for (const cad::RecordMissedDeadline& record : todo.missed) {
    if (!commands_.execute(record, kWatch).ok()) {
      ++pass.refused;
      continue;
    }
    pass.missed.push_back({record.kind, record.incident, record.order, record.due});
    switch (record.kind) {
      case cad::DeadlineKind::kSignFor: ++counted.missed_sign_for; break;
      case cad::DeadlineKind::kArrival: ++counted.missed_arrival; break;
      case cad::DeadlineKind::kFeedback: ++counted.missed_feedback; break;
      case cad::DeadlineKind::kPending: ++counted.missed_pending; break;
    }
    if (!record.offered_unit.empty()) ++counted.offered_units;
  }
  for (const cad::Arrive& arrive : todo.arrivals) {
    if (!commands_.execute(arrive, kWatch).ok()) {
      ++pass.refused;
      continue;
    }
    pass.arrived.push_back(arrive.order);
    ++counted.gps_arrivals;
  }
  std::lock_guard lock(mutex_);
  ++stats_.passes;
  stats_.missed_sign_for += counted.missed_sign_for;
  stats_.missed_arrival += counted.missed_arrival;
  stats_.missed_feedback += counted.missed_feedback;
  stats_.missed_pending += counted.missed_pending;
  stats_.offered_units += counted.offered_units;
  stats_.gps_arrivals += counted.gps_arrivals;
  stats_.refused += pass.refused;
  return pass;
}

void DeadlineWatch::start() {
  periodic_.start(options_.period, [this] { (void)tick(); });
}

void DeadlineWatch::stop() { periodic_.stop(); }

DeadlineWatchStats DeadlineWatch::stats() const {
  std::lock_guard lock(mutex_);
  return stats_;
}

std::string DeadlineWatch::prometheus() const {
  const DeadlineWatchStats s = stats();
  std::string out =
      "# HELP shouwang_deadlines_missed_total Missed deadlines recorded, by kind.\n"
      "# TYPE shouwang_deadlines_missed_total counter\n";
  const auto line = [&](const char* kind, std::uint64_t n) {
    out += std::string("shouwang_deadlines_missed_total{kind=\"") + kind + "\"} " + std::to_string(n) + "\n";
  };
  line("sign_for", s.missed_sign_for);
  line("arrival", s.missed_arrival);
  line("feedback", s.missed_feedback);
  line("pending", s.missed_pending);
  const auto counter = [&](const char* name, const char* help, std::uint64_t n) {
    out += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " counter\n" + name + " " +
           std::to_string(n) + "\n";
  };
  counter("shouwang_deadlines_offered_units_total", "Next units offered with a missed sign-for.", s.offered_units);
  counter("shouwang_gps_arrivals_total", "Arrivals recorded from units' GPS fixes.", s.gps_arrivals);
  counter("shouwang_watch_refused_total", "Timer records the domain refused (a person was quicker).", s.refused);
  counter("shouwang_watch_passes_total", "Passes of the deadline watch.", s.passes);
  return out;
}

}  // namespace shouwang::server
