#include <cmath>
#include <cstdio>

#include <shouwang/sim/call_source.h>

namespace shouwang::sim {

UniformCallSource::UniformCallSource(const RoadNetwork& network, const PatrolAreas& areas,
                                     const cad::Taxonomy& taxonomy, double calls_per_hour,
                                     std::uint64_t seed)
    : network_(network), areas_(areas), per_hour_(calls_per_hour), rng_(Rng(seed).fork(0xCA11u)) {
  for (const cad::IncidentType& type : taxonomy.types.all()) {
    if (type.level >= 2)
      types_.push_back(type.code);
  }
}

std::string UniformCallSource::describe() const {
  char text[64];
  std::snprintf(text, sizeof text, "uniform stand-in (%.1f calls an hour)", per_hour_);
  return text;
}

std::vector<GeneratedCall> UniformCallSource::generate(UtcTime from, UtcTime to) {
  std::vector<GeneratedCall> calls;
  if (per_hour_ <= 0.0 || types_.empty() || to <= from)
    return calls;
  std::vector<std::uint32_t> usable;
  for (std::uint32_t a = 0; a < areas_.size(); ++a) {
    if (!areas_.nodes(a).empty())
      usable.push_back(a);
  }
  if (usable.empty())
    return calls;
  const double mean_gap_us = 3600e6 / per_hour_;
  const auto gap = [&] {
    return static_cast<std::int64_t>(-std::log(1.0 - rng_.uniform01()) * mean_gap_us);
  };
  if (next_us_ < 0)
    next_us_ = from.micros() + gap();
  while (next_us_ < to.micros()) {
    GeneratedCall call;
    call.at = UtcTime::from_micros(std::max(next_us_, from.micros()));
    call.type_code = types_[static_cast<std::size_t>(
        rng_.uniform_int(0, static_cast<std::int64_t>(types_.size()) - 1))];
    const auto nodes = areas_.nodes(usable[static_cast<std::size_t>(
        rng_.uniform_int(0, static_cast<std::int64_t>(usable.size()) - 1))]);
    const NodeId node = nodes[static_cast<std::size_t>(
        rng_.uniform_int(0, static_cast<std::int64_t>(nodes.size()) - 1))];
    call.position = destination(network_.graph().coordinate(node), rng_.uniform(0.0, 360.0),
                                Meters(rng_.uniform(0.0, 30.0)));
    call.origin = "uniform";
    calls.push_back(std::move(call));
    next_us_ += gap();
  }
  return calls;
}

}  // namespace shouwang::sim
