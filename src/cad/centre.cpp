#include <charconv>
#include <string>

#include <shouwang/cad/centre.h>

namespace shouwang::cad {

Result<Centre> make_centre(std::string_view division_code, std::int32_t utc_offset_minutes) {
  std::uint32_t code = 0;
  const auto [end, ec] =
      std::from_chars(division_code.data(), division_code.data() + division_code.size(), code);
  if (division_code.size() != 6 || ec != std::errc() ||
      end != division_code.data() + division_code.size() || code < 110000) {
    return Error(Errc::kInvalidArgument,
                 "division code '" + std::string(division_code) +
                     "' is not a 6-digit administrative-division code such as 310100",
                 "division_code");
  }
  if (utc_offset_minutes < -14 * 60 || utc_offset_minutes > 14 * 60) {
    return Error(
        Errc::kInvalidArgument,
        "UTC offset " + std::to_string(utc_offset_minutes) + " min is outside -840..840 minutes",
        "utc_offset_minutes");
  }
  return Centre{code, utc_offset_minutes};
}

std::int32_t local_day(const Centre& centre, UtcTime time) {
  constexpr std::int64_t kMicrosPerDay = 86'400'000'000;
  const std::int64_t local = time.micros() + std::int64_t{centre.utc_offset_minutes} * 60'000'000;
  std::int64_t day = local / kMicrosPerDay;
  if (local % kMicrosPerDay < 0)
    --day;
  return static_cast<std::int32_t>(day);
}

}  // namespace shouwang::cad
