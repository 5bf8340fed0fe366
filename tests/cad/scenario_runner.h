#pragma once
// Runs a lifecycle scenario written as data (tests/cad/scenarios/*.json; the format is
// described in tests/cad/scenarios/README.md): commands in, expected events, refusals and
// state out. After every step the runner also checks that the invariants hold and that a
// refused command left the state unchanged; at the end, that replaying the scenario's
// events rebuilds the same state.

#include <filesystem>
#include <string>
#include <vector>

namespace shouwang::cad::testing {

struct ScenarioOutcome {
  std::string description;
  int steps = 0;
  std::vector<std::string> failures;  // empty when the scenario passed
};

ScenarioOutcome run_scenario(const std::filesystem::path& file);

// Every *.json under tests/cad/scenarios, sorted by name.
std::vector<std::filesystem::path> scenario_files();

}  // namespace shouwang::cad::testing
