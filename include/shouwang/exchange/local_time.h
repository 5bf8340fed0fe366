#pragma once
// Times as historical exports write them: local wall-clock text in a declared format and
// IANA time zone, turned into UTC instants. The zone rules come from the system's tz
// database (Debian's tzdata) through Howard Hinnant's date library, so daylight-saving
// changes are applied as they were in force on each date.
//
// Two wall-clock readings have no single instant. When clocks go back, an hour is read
// twice: such a time is taken as the earlier instant (the first pass through the hour).
// When clocks go forward, an hour never happens: such a time is read with the offset in
// force before the change (America/Los_Angeles 2016-03-13 02:30 is 10:30 UTC, the moment
// the clock would have shown had it not been moved).

#include <optional>
#include <string>
#include <string_view>

#include <shouwang/base/clock.h>
#include <shouwang/base/result.h>

namespace date {
class time_zone;
}

namespace shouwang::exchange {

// A calendar date and clock time as written in a file, with its UTC offset when the text
// gave one ("Z", "-07:00"). A date without a time is midnight.
struct LocalDateTime {
  int year = 1970;
  int month = 1;   // 1..12
  int day = 1;     // 1..31, valid for the month
  int hour = 0;    // 0..23
  int minute = 0;  // 0..59
  int second = 0;  // 0..59
  int microsecond = 0;
  std::optional<int> utc_offset_minutes;
  friend bool operator==(const LocalDateTime&, const LocalDateTime&) = default;
};

// How a column writes its times: strptime-style directives or the word "iso8601".
//   %Y four-digit year      %m month, 1-2 digits     %d day, 1-2 digits
//   %H hour 0-23, 1-2 digits %I hour 1-12 (with %p)  %p AM or PM (any case)
//   %M minute, 1-2 digits   %S second, 1-2 digits, optionally with a fraction (.123)
//   %% a percent sign; any other character must appear as written.
// "iso8601" reads YYYY-MM-DD, optionally followed by T or a space and HH:MM[:SS[.f]],
// optionally followed by Z or an offset (+08:00, -0700), which then overrides the zone.
class TimeFormat {
 public:
  // kInvalidArgument for an unknown directive, a format without %Y, %m and %d, or %I
  // without %p.
  static Result<TimeFormat> parse(std::string_view pattern);

  // Reads `text` (leading and trailing spaces ignored). kInvalidArgument saying what does
  // not fit, for text that does not match the format or names no real date or time.
  [[nodiscard]] Result<LocalDateTime> read(std::string_view text) const;

  [[nodiscard]] const std::string& pattern() const { return pattern_; }

 private:
  std::string pattern_;
  bool iso_ = false;
};

// An IANA time zone ("America/Los_Angeles", "Asia/Shanghai", "UTC"). Cheap to copy; the
// zone data is owned by the date library's process-wide database.
class TimeZone {
 public:
  // kNotFound when the tz database has no such zone.
  static Result<TimeZone> find(std::string_view name);

  // The instant of a wall-clock reading in this zone (see the header comment for times
  // that occur twice or never); a reading that carries its own offset uses that instead.
  [[nodiscard]] UtcTime to_utc(const LocalDateTime& local) const;
  // The wall-clock reading of an instant in this zone (utc_offset_minutes set).
  [[nodiscard]] LocalDateTime to_local(UtcTime time) const;

  [[nodiscard]] const std::string& name() const { return name_; }

 private:
  TimeZone(const date::time_zone* zone, std::string name) : zone_(zone), name_(std::move(name)) {}
  const date::time_zone* zone_;
  std::string name_;
};

}  // namespace shouwang::exchange
