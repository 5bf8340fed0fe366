#include <algorithm>
#include <cmath>
#include <map>

#include <shouwang/analytics/counts.h>
#include <shouwang/analytics/safety_index.h>

namespace shouwang::analytics {
namespace {

struct AreaFigures {
  std::int64_t count = 0;
  std::int64_t last_year = 0;
  std::int64_t closed = 0;
  std::int64_t timed = 0;   // incidents with a call and an arrival
  std::int64_t within = 0;  // of those, within the standard
};

// The figures of every area for one period (and its 同比 base for the trend).
std::map<std::string, AreaFigures> gather(const IncidentHistory& history, const Period& period,
                                          Dimension by, const SafetyIndexConfig& config) {
  std::map<std::string, AreaFigures> out;
  const auto keys = KeyMaker::make(history, {by}, period);
  const auto base_keys = KeyMaker::make(history, {by}, same_period_last_year(period));
  const CompiledFilter counted(history, config.incidents);
  Filter response_filter = config.incidents;
  response_filter.officer_initiated = false;
  const CompiledFilter timed(history, response_filter);
  for (const std::uint32_t row : history.rows_in(period)) {
    if (!counted(row))
      continue;
    keys->keys(row, [&](std::uint64_t k) {
      AreaFigures& f = out[keys->label(k).front()];
      ++f.count;
      if (history.offset(row, Milestone::kTerminated) != kNoOffset)
        ++f.closed;
      const std::int32_t from = history.offset(row, Milestone::kCallStart);
      const std::int32_t to = history.offset(row, Milestone::kFirstArrived);
      if (timed(row) && from != kNoOffset && to != kNoOffset && to >= from) {
        ++f.timed;
        if ((to - from) / 10.0 <= config.response_standard_s)
          ++f.within;
      }
    });
  }
  for (const std::uint32_t row : history.rows_in(same_period_last_year(period))) {
    if (counted(row))
      base_keys->keys(row, [&](std::uint64_t k) { ++out[base_keys->label(k).front()].last_year; });
  }
  return out;
}

SafetyScore score(const AreaFigures& f, std::optional<std::int64_t> population, double reference,
                  bool per_resident, const SafetyIndexConfig& config) {
  SafetyScore s;
  const auto part = [&](std::string name, std::optional<double> value, double score_value,
                        double weight) {
    s.parts.push_back({std::move(name), value, std::clamp(score_value, 0.0, 100.0), weight, 0});
  };
  std::optional<double> rate;
  if (per_resident && population && *population > 0)
    rate = static_cast<double>(f.count) * 1e4 / static_cast<double>(*population);
  else if (!per_resident)
    rate = static_cast<double>(f.count);
  part("rate", rate, rate && reference > 0 ? 100.0 * std::exp2(-*rate / reference) : 100.0,
       config.rate_weight);
  std::optional<double> change;
  double trend = 0;
  if (f.last_year > 0) {
    change = (static_cast<double>(f.count) - static_cast<double>(f.last_year)) * 100.0 /
             static_cast<double>(f.last_year);
    trend = 50.0 - *change / 2.0;
  } else {
    trend = f.count == 0 ? 50.0 : 0.0;
  }
  part("trend", change, trend, config.trend_weight);
  const std::optional<double> cleared =
      f.count > 0
          ? std::optional<double>(static_cast<double>(f.closed) / static_cast<double>(f.count))
          : std::nullopt;
  part("clearance", cleared, cleared ? *cleared * 100.0 : 0.0, config.clearance_weight);
  const std::optional<double> on_time =
      f.timed > 0
          ? std::optional<double>(static_cast<double>(f.within) / static_cast<double>(f.timed))
          : std::nullopt;
  part("response", on_time, on_time ? *on_time * 100.0 : 0.0, config.response_weight);

  // The trend always has a score (it needs no data to be 50); the others need a value.
  double weights = 0;
  for (const SafetyPart& p : s.parts) {
    if (p.value || p.name == "trend")
      weights += p.weight;
  }
  if (weights <= 0)
    return s;
  double index = 0;
  for (SafetyPart& p : s.parts) {
    if (p.value || p.name == "trend") {
      p.contribution = p.weight * p.score / weights;
      index += p.contribution;
    }
  }
  s.index = index;
  return s;
}

}  // namespace

Result<std::vector<AreaSafety>> safety_index(const IncidentHistory& history, const Period& period,
                                             Dimension by, const std::vector<SafetyArea>& areas,
                                             const SafetyIndexConfig& config) {
  if (by != Dimension::kStation && by != Dimension::kDistrict)
    return Error{Errc::kInvalidArgument, "the safety index is by station or by district", "by"};
  const double weights[] = {config.rate_weight, config.trend_weight, config.clearance_weight,
                            config.response_weight};
  if (std::any_of(std::begin(weights), std::end(weights),
                  [](double w) { return w < 0 || !std::isfinite(w); }) ||
      std::all_of(std::begin(weights), std::end(weights), [](double w) { return w == 0; }))
    return Error{Errc::kInvalidArgument, "weights must be non-negative and not all zero",
                 "weights"};

  // Per resident when every area has a population, else per area.
  const bool per_resident =
      !areas.empty() && std::all_of(areas.begin(), areas.end(), [](const SafetyArea& a) {
        return a.population && *a.population > 0;
      });
  const auto reference = [&](const std::map<std::string, AreaFigures>& figures) {
    double count = 0;
    double residents = 0;
    for (const SafetyArea& a : areas) {
      const auto it = figures.find(a.code);
      count += it == figures.end() ? 0.0 : static_cast<double>(it->second.count);
      residents += per_resident ? static_cast<double>(*a.population) : 0.0;
    }
    if (per_resident)
      return residents > 0 ? count * 1e4 / residents : 0.0;
    return areas.empty() ? 0.0 : count / static_cast<double>(areas.size());
  };

  const Period before = previous_period(period);
  const auto now_figures = gather(history, period, by, config);
  const auto before_figures = gather(history, before, by, config);
  const double now_reference = reference(now_figures);
  const double before_reference = reference(before_figures);

  std::vector<AreaSafety> out;
  for (const SafetyArea& area : areas) {
    AreaSafety a;
    a.code = area.code;
    const auto find = [&](const std::map<std::string, AreaFigures>& m) {
      const auto it = m.find(area.code);
      return it == m.end() ? AreaFigures{} : it->second;
    };
    a.now = score(find(now_figures), area.population, now_reference, per_resident, config);
    a.before = score(find(before_figures), area.population, before_reference, per_resident, config);
    if (a.now.index && a.before.index) {
      for (std::size_t i = 0; i < a.now.parts.size(); ++i) {
        const double moved = a.now.parts[i].contribution - a.before.parts[i].contribution;
        if (std::abs(moved) > std::abs(a.moved_by_points) + 1e-9) {
          a.moved_by = a.now.parts[i].name;
          a.moved_by_points = moved;
        }
      }
    }
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace shouwang::analytics
