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

namespace {

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

}  // namespace

std::size_t local_statistic_features(
    bool gi, std::span<const double> counts, const an::SpatialWeights& w, double alpha,
    const std::function<void(std::uint32_t, nlohmann::json)>& feature) {
  using nlohmann::json;
  const auto stats = gi ? an::getis_ord_gi_star(counts, w) : an::local_moran(counts, w);
  std::size_t significant = 0;
  for (std::uint32_t i = 0; i < counts.size(); ++i) {
    const an::LocalStatistic& s = stats[i];
    const bool is_significant = s.p < alpha;
    significant += is_significant;
    if (counts[i] == 0 && !is_significant)
      continue;
    json p = {{"z", round_to(s.z, 4)}, {"p", round_to(s.p, 6)}};
    if (gi) {
      p["class"] = is_significant ? json(s.z > 0 ? "hot" : "cold") : json(nullptr);
    } else {
      p["i"] = round_to(s.value, 6);
      const char* q = quadrant_name(an::moran_quadrant(counts, w, i, s, alpha));
      p["class"] = q != nullptr ? json(q) : json(nullptr);
    }
    feature(i, std::move(p));
  }
  return significant;
}

}  // namespace shouwang::server::stats
