// Runs every lifecycle scenario under tests/cad/scenarios/ as its own test.

#include <cctype>
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "cad/scenario_runner.h"

namespace shouwang::cad {
namespace {

class Scenario : public ::testing::TestWithParam<std::filesystem::path> {};

TEST_P(Scenario, RunsAsWritten) {
  const auto outcome = testing::run_scenario(GetParam());
  SCOPED_TRACE(GetParam().filename().string() + ": " + outcome.description);
  for (const auto& failure : outcome.failures)
    ADD_FAILURE() << failure;
  EXPECT_GT(outcome.steps, 0);
}

std::string test_name(const ::testing::TestParamInfo<std::filesystem::path>& info) {
  std::string name = info.param.stem().string();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)))
      c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Files, Scenario, ::testing::ValuesIn(testing::scenario_files()),
                         test_name);

TEST(ScenarioFiles, AtLeastFifteenArePresent) {
  EXPECT_GE(testing::scenario_files().size(), 15u)
      << "tests/cad/scenarios/ should hold the lifecycle scenarios";
}

// The runner itself must notice a scenario that does not hold.
TEST(ScenarioRunner, ReportsEveryKindOfMismatch) {
  const auto file = std::filesystem::temp_directory_path() / "shouwang_cad_runner_self_test.json";
  const auto run = [&](const std::string& steps) {
    std::ofstream(file) << R"({"description": "self test", "steps": [)" << steps << "]}";
    auto outcome = testing::run_scenario(file);
    std::filesystem::remove(file);
    return outcome.failures;
  };
  const std::string create = R"({"do": "create_incident", "with": {"summary": "x"}})";
  EXPECT_TRUE(run(create).empty());
  EXPECT_FALSE(
      run(R"({"do": "create_incident", "with": {}, "expect": {"events": [{"type": "call.received"}]}})")
          .empty());
  EXPECT_FALSE(
      run(R"({"do": "create_incident", "with": {}, "expect": {"refused": "conflict"}})").empty());
  EXPECT_FALSE(
      run(create +
          R"(, {"expect": {"state": {"incidents": {"310100-20261122-000001": {"status": "accepted"}}}}})")
          .empty());
  EXPECT_FALSE(
      run(R"({"do": "accept_incident", "with": {"incident": "310100-20261122-000001"}})").empty());
  EXPECT_FALSE(run(R"({"do": "no_such_command"})").empty());
  EXPECT_FALSE(run(R"({"do": "sign_for", "with": {"order": "not-an-id"}})").empty());
}

}  // namespace
}  // namespace shouwang::cad
