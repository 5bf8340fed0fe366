#include "server/stats/hotspot_params.h"

#include <charconv>
#include <cmath>

namespace shouwang::server::stats {

namespace an = analytics;

Result<double> number(const StatsParams& params, const std::string& name, double fallback,
                      double lo, double hi) {
  const auto it = params.rest.find(name);
  if (it == params.rest.end())
    return fallback;
  double v = 0;
  const std::string& text = it->second;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() ||
      !(v >= lo && v <= hi))
    return Error(Errc::kInvalidArgument,
                 name + " is a number from " + std::to_string(lo) + " to " + std::to_string(hi) +
                     ", not '" + text + "'",
                 name);
  return v;
}

std::string param(const StatsParams& params, const std::string& name, const std::string& fallback) {
  const auto it = params.rest.find(name);
  return it == params.rest.end() ? fallback : it->second;
}

double round_to(double v, int digits) {
  const double scale = std::pow(10.0, digits);
  return std::round(v * scale) / scale;
}

const char* quadrant_name(an::MoranQuadrant q) {
  switch (q) {
    case an::MoranQuadrant::kHighHigh:
      return "HH";
    case an::MoranQuadrant::kLowLow:
      return "LL";
    case an::MoranQuadrant::kHighLow:
      return "HL";
    case an::MoranQuadrant::kLowHigh:
      return "LH";
    case an::MoranQuadrant::kNotSignificant:
      break;
  }
  return nullptr;
}

}  // namespace shouwang::server::stats
