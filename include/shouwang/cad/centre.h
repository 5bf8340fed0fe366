#pragma once
// The dispatch centre a domain instance serves: its administrative-division code, which
// every id it issues embeds, and its offset from UTC, which decides the local calendar
// day of an id (a call at 00:30 Beijing time belongs to that Beijing day, not to the UTC
// day before).

#include <cstdint>
#include <string_view>

#include <shouwang/base/clock.h>
#include <shouwang/base/result.h>

namespace shouwang::cad {

struct Centre {
  std::uint32_t division_code = 0;        // 6 digits, e.g. 310100 (上海市市辖区)
  std::int32_t utc_offset_minutes = 480;  // China Standard Time: +08:00
  friend bool operator==(const Centre&, const Centre&) = default;
};

// A centre from a 6-digit division code ("310100") and an offset within ±14 h;
// anything else is kInvalidArgument naming the field.
Result<Centre> make_centre(std::string_view division_code, std::int32_t utc_offset_minutes = 480);

// The centre's local calendar day of `time`, in days since 1970-01-01.
std::int32_t local_day(const Centre& centre, UtcTime time);

}  // namespace shouwang::cad
