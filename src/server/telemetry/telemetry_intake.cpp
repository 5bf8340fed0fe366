#include <shouwang/server/telemetry/telemetry_intake.h>

#include <shouwang/server/telemetry/unit_code.h>

namespace shouwang::server::telemetry {

TelemetryIntake::TelemetryIntake(TelemetryIntakeOptions options, TrackStore* tracks)
    : tracks_(tracks), live_(options.recent_fixes), filter_(std::move(options.filter)) {}

void TelemetryIntake::set_known_units(const std::vector<std::string>& units) {
  const std::lock_guard lock(state_mutex_);
  std::set<std::string, std::less<>> known(units.begin(), units.end());
  for (const std::string& unit : known_) {
    if (known.count(unit) == 0) {
      filter_.forget(unit);
      live_.forget(unit);
    }
  }
  known_ = std::move(known);
}

void TelemetryIntake::set_listener(FixListener listener) {
  const std::lock_guard lock(deliver_mutex_);
  listener_ = std::move(listener);
}

Verdict TelemetryIntake::accept(std::string_view unit, std::string_view payload, UtcTime received_at, Error* why) {
  return admit(unit, parse_position_fix(unit, payload, received_at), why);
}

Verdict TelemetryIntake::accept_fix(const PositionFix& fix) { return admit(fix.unit, fix, nullptr); }

Verdict TelemetryIntake::admit(std::string_view unit, Result<PositionFix> parsed, Error* why) {
  std::unique_lock state(state_mutex_);
  if (!is_valid_unit_code(unit) || known_.count(unit) == 0) {
    filter_.count(Verdict::kUnknownUnit);
    return Verdict::kUnknownUnit;
  }
  if (!parsed) {
    filter_.count(Verdict::kMalformed);
    if (why != nullptr) *why = parsed.error();
    return Verdict::kMalformed;
  }
  const PositionFix& fix = *parsed;
  const Verdict verdict = filter_.classify(fix);
  if (!is_accepted(verdict)) return verdict;
  live_.update(fix);

  // Hand over to the delivery lock before releasing the state lock: deliveries keep the
  // order of acceptance without holding up other reports while the listener runs.
  const std::lock_guard deliver(deliver_mutex_);
  state.unlock();
  if (tracks_ != nullptr) tracks_->add(fix);
  if (listener_) {
    try {
      listener_(fix);
    } catch (...) {
      listener_errors_.fetch_add(1, std::memory_order_relaxed);
    }
  }
  return verdict;
}

TelemetryStats TelemetryIntake::stats() const {
  TelemetryStats s;
  {
    const std::lock_guard lock(state_mutex_);
    s.verdicts = filter_.counts();
    s.known_units = known_.size();
  }
  s.live_units = live_.units();
  s.listener_errors = listener_errors_.load(std::memory_order_relaxed);
  return s;
}

}  // namespace shouwang::server::telemetry
