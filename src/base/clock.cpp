#include <shouwang/base/clock.h>

#include <chrono>
#include <cstdio>

namespace shouwang {
namespace {

// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's civil algorithm).
constexpr std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct Civil {
  std::int64_t year;
  unsigned month;
  unsigned day;
};

constexpr Civil civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {y + (m <= 2), m, d};
}

constexpr bool is_leap(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

constexpr unsigned days_in_month(std::int64_t y, unsigned m) {
  constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

}  // namespace

std::string UtcTime::to_iso8601() const {
  constexpr std::int64_t kMicrosPerDay = 86'400'000'000;
  const std::int64_t days = floor_div(micros_, kMicrosPerDay);
  std::int64_t rest = micros_ - days * kMicrosPerDay;
  const Civil c = civil_from_days(days);
  const auto hour = static_cast<int>(rest / 3'600'000'000);
  rest %= 3'600'000'000;
  const auto minute = static_cast<int>(rest / 60'000'000);
  rest %= 60'000'000;
  const auto second = static_cast<int>(rest / 1'000'000);
  const auto micro = static_cast<int>(rest % 1'000'000);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02d:%02d:%02d.%06dZ",
                static_cast<long long>(c.year), c.month, c.day, hour, minute, second, micro);
  return buf;
}

Result<UtcTime> UtcTime::parse_iso8601(const std::string& text) {
  auto fail = [&text] {
    return Error(Errc::kInvalidArgument,
                 "expected an ISO 8601 time like 2026-11-22T08:30:00Z, got '" + text + "'");
  };
  auto digits = [&text](std::size_t pos, std::size_t n, int& out) {
    if (pos + n > text.size()) return false;
    out = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
      if (text[i] < '0' || text[i] > '9') return false;
      out = out * 10 + (text[i] - '0');
    }
    return true;
  };
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  if (!digits(0, 4, y) || text.size() < 19 || text[4] != '-' || !digits(5, 2, mo) ||
      text[7] != '-' || !digits(8, 2, d) || (text[10] != 'T' && text[10] != ' ') ||
      !digits(11, 2, h) || text[13] != ':' || !digits(14, 2, mi) || text[16] != ':' ||
      !digits(17, 2, s)) {
    return fail();
  }
  if (mo < 1 || mo > 12 || d < 1 || d > static_cast<int>(days_in_month(y, static_cast<unsigned>(mo))) ||
      h > 23 || mi > 59 || s > 59) {
    return fail();
  }
  std::size_t pos = 19;
  std::int64_t micro = 0;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    int n = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      if (n < 6) micro = micro * 10 + (text[pos] - '0');
      ++n;
      ++pos;
    }
    if (n == 0) return fail();
    for (; n < 6; ++n) micro *= 10;
  }
  std::int64_t offset_minutes = 0;
  if (pos < text.size() && text[pos] == 'Z') {
    ++pos;
  } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    const int sign = text[pos] == '+' ? 1 : -1;
    int oh = 0, om = 0;
    if (!digits(pos + 1, 2, oh) || pos + 3 >= text.size() || text[pos + 3] != ':' ||
        !digits(pos + 4, 2, om) || oh > 23 || om > 59) {
      return fail();
    }
    offset_minutes = sign * (oh * 60 + om);
    pos += 6;
  } else {
    return fail();
  }
  if (pos != text.size()) return fail();
  const std::int64_t days = days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
  const std::int64_t secs = days * 86400 + h * 3600 + mi * 60 + s - offset_minutes * 60;
  return UtcTime::from_micros(secs * 1'000'000 + micro);
}

UtcTime SystemClock::now() const {
  const auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
  return UtcTime::from_micros(
      std::chrono::duration_cast<std::chrono::microseconds>(since_epoch).count());
}

SystemClock& SystemClock::instance() {
  static SystemClock clock;
  return clock;
}

void ManualClock::advance_micros(std::int64_t us) {
  if (us > 0) micros_.fetch_add(us, std::memory_order_acq_rel);
}

Status ManualClock::set(UtcTime t) {
  std::int64_t current = micros_.load(std::memory_order_acquire);
  do {
    if (t.micros() < current) {
      return Error(Errc::kInvalidArgument, "a clock cannot move backwards (from " +
                                               UtcTime::from_micros(current).to_iso8601() +
                                               " to " + t.to_iso8601() + ")");
    }
  } while (!micros_.compare_exchange_weak(current, t.micros(), std::memory_order_acq_rel));
  return ok_status();
}

}  // namespace shouwang
