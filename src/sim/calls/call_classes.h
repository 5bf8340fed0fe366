#pragma once
// The call classes of the model: how the calls a 110 centre dispatches divide into kinds
// that share a rhythm and a kind of place, with the taxonomy's type codes inside each.
// The numbers, their sources and their reasoning are in docs/formats/call-model.md; the
// table itself is call_classes.cpp.

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace shouwang::sim::calls {

// Where a call happens.
enum class Setting : std::uint8_t {
  kHome = 0,  // an address, a residential compound, a village
  kBusy = 1,  // a shop, market, school, hospital, station, park ...
  kRoad = 2,  // a point on a road
};
inline constexpr std::size_t kSettingCount = 3;

// One type code of a class.
struct TypeShare {
  std::string_view code{};  // a code of the shipped taxonomy
  double weight = 0;        // relative, within the class
  double at_hotspots = 1;   // multiplies `weight` for calls near a hotspot
  int setting = -1;         // a Setting that replaces the class's mix for this type; -1: none
  double near_repeat = 0;   // expected near-repeat calls each call of this type triggers
};

struct CallClass {
  std::string_view name{};           // "traffic", "disputes" ...
  double share = 0;                  // of all calls (the table's shares are normalised)
  std::array<double, 24> by_hour{};  // relative rate by local hour (normalised with the week)
  double weekend = 1;                // factor for Saturday and Sunday
  double weekend_nights = 1;         // factor for Friday and Saturday nights, 20:00-04:00
  double season_amplitude = 0;       // the rate follows 1 + a·cos(2π (day - peak) / year)
  double season_peak_day = 0;        // day of the year of that peak, 0 = 1 January
  double winter_holidays = 0;        // extra rate at the peak of the pre-Spring-Festival bump
  std::array<double, kSettingCount> settings{};  // home, busy place, road
  double hotspot_share = 0;                      // of the class's calls that happen near a hotspot
  std::span<const TypeShare> types{};
};

// The classes, in a fixed order (the order the generator draws them in).
std::span<const CallClass> call_classes();

// The near-repeat process (Johnson & Bowers' "near repeat" burglary findings: the risk to
// neighbours rises for one to two weeks within a few hundred metres).
inline constexpr double kRepeatMeanDelayDays = 1.5;  // exponential delay ...
inline constexpr double kRepeatMaxDelayDays = 7.0;   // ... cut off here (the look-back)
inline constexpr double kRepeatSigmaMetres = 110.0;  // Gaussian displacement ...
inline constexpr double kRepeatMaxMetres = 350.0;    // ... cut off here

// Calls near a hotspot lie around it with this spread, and hotspot intensities vary
// log-normally with this sigma around their category's base.
inline constexpr double kHotspotSigmaMetres = 60.0;
inline constexpr double kHotspotMaxMetres = 200.0;
inline constexpr double kHotspotIntensitySigma = 0.5;

}  // namespace shouwang::sim::calls
