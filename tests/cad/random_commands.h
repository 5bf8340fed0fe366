#pragma once
// Random but plausible commands for the property tests: ids are mostly taken from the
// current state, preferring entities in a status where the command can succeed, and
// sometimes wrong (unknown ids, repeated steps, bad values) so that refusals are exercised
// too. Deterministic for a seed.

#include <cstdint>

#include <shouwang/base/clock.h>
#include <shouwang/base/random.h>
#include <shouwang/cad/commands.h>
#include <shouwang/cad/state.h>
#include <shouwang/cad/taxonomy.h>

namespace shouwang::cad::testing {

class RandomCommands {
 public:
  RandomCommands(std::uint64_t seed, const Taxonomy& taxonomy) : rng_(seed), taxonomy_(taxonomy) {}

  // A command for `state` at time `now`.
  Command next(const State& state, UtcTime now);

 private:
  Command any_command(const State& state, UtcTime now);
  Command order_command(const State& state);
  Command incident_command(const State& state, UtcTime now);
  Command unit_command(const State& state, UtcTime now);
  Command deadline_command(const State& state, UtcTime now);
  Command warning_command(const State& state);
  Command circle_command(const State& state);

  Rng rng_;
  const Taxonomy& taxonomy_;
};

}  // namespace shouwang::cad::testing
