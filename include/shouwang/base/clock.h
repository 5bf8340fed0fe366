#pragma once
// Injectable time. Domain code never reads the system clock directly: it asks a Clock,
// so timers, deadlines and response-time statistics are tested with a ManualClock.

#include <atomic>
#include <compare>
#include <cstdint>
#include <string>

#include <shouwang/base/result.h>

namespace shouwang {

// A UTC instant with microsecond resolution (microseconds since 1970-01-01T00:00:00Z).
class UtcTime {
 public:
  constexpr UtcTime() = default;
  static constexpr UtcTime from_micros(std::int64_t us) { return UtcTime(us); }
  static constexpr UtcTime from_seconds(std::int64_t s) { return UtcTime(s * 1'000'000); }

  [[nodiscard]] constexpr std::int64_t micros() const { return micros_; }
  [[nodiscard]] constexpr double seconds_since(UtcTime earlier) const {
    return static_cast<double>(micros_ - earlier.micros_) / 1e6;
  }
  [[nodiscard]] constexpr UtcTime plus_micros(std::int64_t us) const { return UtcTime(micros_ + us); }

  friend constexpr auto operator<=>(UtcTime, UtcTime) = default;

  // "2026-11-22T14:59:16.123456Z"
  [[nodiscard]] std::string to_iso8601() const;
  // Accepts "YYYY-MM-DDTHH:MM:SS[.ffffff](Z|±HH:MM)"; anything else is kInvalidArgument.
  static Result<UtcTime> parse_iso8601(const std::string& text);

 private:
  constexpr explicit UtcTime(std::int64_t us) : micros_(us) {}
  std::int64_t micros_ = 0;
};

// Source of the current time. Implementations are thread-safe.
class Clock {
 public:
  virtual ~Clock() = default;
  [[nodiscard]] virtual UtcTime now() const = 0;
};

// The operating system's real-time clock.
class SystemClock final : public Clock {
 public:
  [[nodiscard]] UtcTime now() const override;
  // A process-wide instance for composition roots (main, server); never for domain code.
  static SystemClock& instance();
};

// A clock that moves only when told to. Thread-safe; time never goes backwards.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(UtcTime start = UtcTime::from_seconds(0)) : micros_(start.micros()) {}
  [[nodiscard]] UtcTime now() const override {
    return UtcTime::from_micros(micros_.load(std::memory_order_acquire));
  }
  void advance_micros(std::int64_t us);
  void advance_seconds(double s) { advance_micros(static_cast<std::int64_t>(s * 1e6)); }
  // Moves to `t`; moving backwards is refused with kInvalidArgument.
  Status set(UtcTime t);

 private:
  std::atomic<std::int64_t> micros_;
};

}  // namespace shouwang
