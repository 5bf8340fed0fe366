#pragma once
// Where the simulated calls come from: a seam between the simulation and the city's call
// model (call_model.h), so the desk can be run on a plain stand-in too. Calls are asked
// for window by window in time order, [from, to) each time following on the last.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <shouwang/base/clock.h>
#include <shouwang/base/random.h>
#include <shouwang/cad/taxonomy.h>
#include <shouwang/sim/call_model.h>
#include <shouwang/sim/patrol_areas.h>
#include <shouwang/sim/road_network.h>

namespace shouwang::sim {

class CallSource {
 public:
  virtual ~CallSource() = default;
  // The calls with from <= at < to, in time order.
  virtual std::vector<GeneratedCall> generate(UtcTime from, UtcTime to) = 0;
  // Calls per hour expected at t.
  [[nodiscard]] virtual double expected_rate(UtcTime t) const = 0;
  // For people: "call model (312 calls a day)", "uniform (20 an hour)".
  [[nodiscard]] virtual std::string describe() const = 0;
};

// The stand-in: calls at a constant rate (a Poisson process), each at a road node drawn
// evenly from the station areas and up to 30 m off it, of a type drawn evenly from the
// taxonomy's types below the top level. Stateful: windows must follow on each other.
class UniformCallSource final : public CallSource {
 public:
  UniformCallSource(const RoadNetwork& network, const PatrolAreas& areas,
                    const cad::Taxonomy& taxonomy, double calls_per_hour, std::uint64_t seed);
  std::vector<GeneratedCall> generate(UtcTime from, UtcTime to) override;
  [[nodiscard]] double expected_rate(UtcTime) const override { return per_hour_; }
  [[nodiscard]] std::string describe() const override;

 private:
  const RoadNetwork& network_;
  const PatrolAreas& areas_;
  std::vector<std::string> types_;
  double per_hour_;
  Rng rng_;
  std::int64_t next_us_ = -1;  // the next call's time, once drawn
};

// The city's call model with the simulation's rate: `calls_per_hour` (when positive)
// replaces the model's average, and its daily, weekly and seasonal cycles stay.
// nullptr plus the error when the model cannot be built (call_model.h lists them).
Result<std::unique_ptr<CallSource>> make_call_model_source(const std::filesystem::path& data_dir,
                                                           const cad::Taxonomy& taxonomy,
                                                           double calls_per_hour,
                                                           std::uint64_t seed,
                                                           std::int32_t utc_offset_minutes);

}  // namespace shouwang::sim
