#include <shouwang/exchange/local_time.h>

#include <cctype>
#include <chrono>
#include <exception>

#include <date/tz.h>

namespace shouwang::exchange {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads min..max digits at text[i]; false when fewer than `min` are there.
bool read_number(std::string_view text, std::size_t& i, int min_digits, int max_digits, int& out) {
  int digits = 0;
  int value = 0;
  while (digits < max_digits && i < text.size() && is_digit(text[i])) {
    value = value * 10 + (text[i] - '0');
    ++i;
    ++digits;
  }
  if (digits < min_digits) return false;
  out = value;
  return true;
}

// An optional fraction of a second (".5", ",123456"); digits after the sixth are dropped.
void read_fraction(std::string_view text, std::size_t& i, int& microsecond) {
  if (i + 1 >= text.size() || (text[i] != '.' && text[i] != ',') || !is_digit(text[i + 1])) return;
  ++i;
  int value = 0;
  int digits = 0;
  while (i < text.size() && is_digit(text[i])) {
    if (digits < 6) {
      value = value * 10 + (text[i] - '0');
      ++digits;
    }
    ++i;
  }
  while (digits < 6) {
    value *= 10;
    ++digits;
  }
  microsecond = value;
}

// "'text'", built by appending: GCC 12 at -O2 warns falsely (-Wrestrict) about
// "'" + std::string(...).
std::string quoted(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '\'';
  out += text;
  out += '\'';
  return out;
}

std::string_view trim_spaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

Status check_fields(const LocalDateTime& t, std::string_view text) {
  const date::year_month_day ymd{date::year{t.year}, date::month{static_cast<unsigned>(t.month)},
                                 date::day{static_cast<unsigned>(t.day)}};
  if (!ymd.ok()) return Error(Errc::kInvalidArgument, quoted(text) + " is not a real date");
  if (t.hour > 23 || t.minute > 59 || t.second > 59) {
    return Error(Errc::kInvalidArgument, quoted(text) + " is not a real time of day");
  }
  if (t.utc_offset_minutes && (*t.utc_offset_minutes < -18 * 60 || *t.utc_offset_minutes > 18 * 60)) {
    return Error(Errc::kInvalidArgument, quoted(text) + " has a UTC offset beyond 18 hours");
  }
  return {};
}

// Z, ±HH, ±HHMM or ±HH:MM at text[i].
bool read_offset(std::string_view text, std::size_t& i, LocalDateTime& t) {
  if (i < text.size() && (text[i] == 'Z' || text[i] == 'z')) {
    ++i;
    t.utc_offset_minutes = 0;
    return true;
  }
  if (i >= text.size() || (text[i] != '+' && text[i] != '-')) return false;
  const int sign = text[i] == '-' ? -1 : 1;
  ++i;
  int hours = 0;
  int minutes = 0;
  if (!read_number(text, i, 2, 2, hours)) return false;
  if (i < text.size() && text[i] == ':') ++i;
  if (i < text.size() && !read_number(text, i, 2, 2, minutes)) return false;
  t.utc_offset_minutes = sign * (hours * 60 + minutes);
  return true;
}

Result<LocalDateTime> read_iso(std::string_view text, std::string_view original) {
  const auto mismatch = [&] {
    return Error(Errc::kInvalidArgument, quoted(original) + " is not an ISO 8601 date or time");
  };
  LocalDateTime t;
  std::size_t i = 0;
  if (!read_number(text, i, 4, 4, t.year) || i >= text.size() || text[i++] != '-' ||
      !read_number(text, i, 2, 2, t.month) || i >= text.size() || text[i++] != '-' ||
      !read_number(text, i, 2, 2, t.day)) {
    return mismatch();
  }
  if (i < text.size() && (text[i] == 'T' || text[i] == 't' || text[i] == ' ')) {
    ++i;
    if (!read_number(text, i, 2, 2, t.hour) || i >= text.size() || text[i++] != ':' ||
        !read_number(text, i, 2, 2, t.minute)) {
      return mismatch();
    }
    if (i < text.size() && text[i] == ':') {
      ++i;
      if (!read_number(text, i, 2, 2, t.second)) return mismatch();
      read_fraction(text, i, t.microsecond);
    }
    if (i < text.size() && !read_offset(text, i, t)) return mismatch();
  }
  if (i != text.size()) return mismatch();
  if (auto s = check_fields(t, original); !s) return s.error();
  return t;
}

}  // namespace

Result<TimeFormat> TimeFormat::parse(std::string_view pattern) {
  TimeFormat format;
  format.pattern_ = std::string(pattern);
  if (pattern == "iso8601") {
    format.iso_ = true;
    return format;
  }
  const auto bad = [&](std::string_view why) {
    std::string message = "time format ";
    message += quoted(pattern);
    message += ' ';
    message += why;
    return Error(Errc::kInvalidArgument, std::move(message));
  };
  bool year = false, month = false, day = false, hour12 = false, meridiem = false;
  for (std::size_t k = 0; k < pattern.size(); ++k) {
    if (pattern[k] != '%') continue;
    if (k + 1 >= pattern.size()) {
      return bad("ends with a lone %");
    }
    switch (pattern[++k]) {
      case 'Y': year = true; break;
      case 'm': month = true; break;
      case 'd': day = true; break;
      case 'I': hour12 = true; break;
      case 'p': meridiem = true; break;
      case 'H': case 'M': case 'S': case '%': break;
      default:
        return bad("has an unknown directive %" + std::string(1, pattern[k]) +
                   " (known: %Y %m %d %H %I %p %M %S %%, or the word iso8601)");
    }
  }
  if (!year || !month || !day) {
    return bad("needs a date: %Y, %m and %d (or the word iso8601)");
  }
  if (hour12 != meridiem) {
    return bad("needs %I and %p together");
  }
  return format;
}

Result<LocalDateTime> TimeFormat::read(std::string_view original) const {
  const std::string_view text = trim_spaces(original);
  if (iso_) return read_iso(text, original);
  const auto mismatch = [&] {
    return Error(Errc::kInvalidArgument,
                 quoted(original) + " does not match the time format '" + pattern_ + "'");
  };
  LocalDateTime t;
  int hour12 = 0;
  bool pm = false;
  bool has_meridiem = false;
  std::size_t i = 0;
  for (std::size_t k = 0; k < pattern_.size(); ++k) {
    const char c = pattern_[k];
    if (c != '%') {
      if (i >= text.size() || text[i] != c) return mismatch();
      ++i;
      continue;
    }
    bool ok = true;
    switch (pattern_[++k]) {
      case 'Y': ok = read_number(text, i, 4, 4, t.year); break;
      case 'm': ok = read_number(text, i, 1, 2, t.month); break;
      case 'd': ok = read_number(text, i, 1, 2, t.day); break;
      case 'H': ok = read_number(text, i, 1, 2, t.hour); break;
      case 'I': ok = read_number(text, i, 1, 2, hour12) && hour12 >= 1 && hour12 <= 12; break;
      case 'M': ok = read_number(text, i, 1, 2, t.minute); break;
      case 'S':
        ok = read_number(text, i, 1, 2, t.second);
        if (ok) read_fraction(text, i, t.microsecond);
        break;
      case 'p': {
        ok = i + 2 <= text.size() && std::toupper(static_cast<unsigned char>(text[i + 1])) == 'M';
        const int first = ok ? std::toupper(static_cast<unsigned char>(text[i])) : 0;
        ok = ok && (first == 'A' || first == 'P');
        pm = first == 'P';
        has_meridiem = true;
        i += 2;
        break;
      }
      default:  // '%', checked by parse()
        ok = i < text.size() && text[i] == '%';
        ++i;
        break;
    }
    if (!ok) return mismatch();
  }
  if (i != text.size()) return mismatch();
  if (has_meridiem) t.hour = hour12 % 12 + (pm ? 12 : 0);
  if (auto s = check_fields(t, original); !s) return s.error();
  return t;
}

Result<TimeZone> TimeZone::find(std::string_view name) {
  try {
    const date::time_zone* zone = date::locate_zone(name);
    return TimeZone(zone, std::string(name));
  } catch (const std::exception&) {
    // The date library reports an unknown zone (or an unreadable database) by throwing.
    return Error(Errc::kNotFound, "the time zone database has no zone '" + std::string(name) +
                                      "' (use an IANA name such as America/Los_Angeles or Asia/Shanghai)");
  }
}

UtcTime TimeZone::to_utc(const LocalDateTime& t) const {
  using namespace std::chrono;
  const date::local_days days{date::year{t.year} / t.month / t.day};
  const date::local_seconds local = days + hours{t.hour} + minutes{t.minute} + seconds{t.second};
  seconds offset{0};
  if (t.utc_offset_minutes) {
    offset = minutes{*t.utc_offset_minutes};
  } else {
    // For a unique time `first` is its offset; for a repeated one, the earlier instant's;
    // for a skipped one, the offset before the change (see local_time.h).
    offset = zone_->get_info(local).first.offset;
  }
  const std::int64_t utc_seconds = (local.time_since_epoch() - offset).count();
  return UtcTime::from_micros(utc_seconds * 1'000'000 + t.microsecond);
}

LocalDateTime TimeZone::to_local(UtcTime time) const {
  using namespace std::chrono;
  const std::int64_t micros = time.micros();
  std::int64_t whole = micros / 1'000'000;
  std::int64_t fraction = micros % 1'000'000;
  if (fraction < 0) {
    fraction += 1'000'000;
    --whole;
  }
  const date::sys_seconds instant{seconds{whole}};
  const seconds offset = zone_->get_info(instant).offset;
  const auto local = instant.time_since_epoch() + offset;
  const auto days = floor<date::days>(local);
  const date::year_month_day ymd{date::sys_days{days}};
  const auto in_day = local - days;
  LocalDateTime t;
  t.year = static_cast<int>(ymd.year());
  t.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  t.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  t.hour = static_cast<int>(duration_cast<hours>(in_day).count());
  t.minute = static_cast<int>(duration_cast<minutes>(in_day).count() % 60);
  t.second = static_cast<int>(in_day.count() % 60);
  t.microsecond = static_cast<int>(fraction);
  t.utc_offset_minutes = static_cast<int>(offset.count() / 60);
  return t;
}

}  // namespace shouwang::exchange
