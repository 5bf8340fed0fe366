#include "cad/scenario_runner.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include <shouwang/cad/apply.h>
#include <shouwang/cad/decide.h>
#include <shouwang/cad/invariants.h>
#include <shouwang/cad/state_codec.h>

#include "cad/cad_fixture.h"
#include "cad/command_reader.h"
#include "cad/json/field_reader.h"
#include "cad/json_subset.h"

namespace shouwang::cad::testing {
namespace {

using nlohmann::json;

store::Actor read_actor(const json& value, const store::Actor& fallback) {
  if (value.is_null())
    return fallback;
  if (value.is_string())
    return actor(value.get<std::string>(), fallback.role);
  const FieldReader in(value, "as");
  return actor(in.string("user"), in.has("role") ? in.string("role") : fallback.role);
}

class Runner {
 public:
  explicit Runner(ScenarioOutcome& outcome)
      : outcome_(outcome), decider_(test_centre(), shipped_taxonomy()) {}

  void run(const json& scenario) {
    const FieldReader in(scenario, "");
    outcome_.description = in.string("description");
    clock_ = std::make_unique<ManualClock>(in.has("start") ? in.time("start") : at());
    default_actor_ = read_actor(in.has("actor") ? in.raw("actor") : json(), actor("dp-li"));
    const auto& steps = in.array("steps");
    for (std::size_t k = 0; k < steps.size() && outcome_.failures.empty(); ++k) {
      step(FieldReader(steps[k], "steps[" + std::to_string(k) + "]"), k);
      ++outcome_.steps;
    }
    if (!outcome_.failures.empty())
      return;
    if (in.has("final_state"))
      match_state(in.raw("final_state"), "final_state");
    State replayed;
    if (const Status s = apply_all(replayed, log_); !s.ok()) {
      fail("replay", s.error().to_string());
    } else if (serialize_state(replayed) != serialize_state(state_)) {
      fail("replay", "replaying the events gives a different state");
    }
  }

 private:
  void fail(const std::string& where, const std::string& what) {
    outcome_.failures.push_back(where + ": " + what);
  }

  void step(const FieldReader& in, std::size_t index) {
    clock_->advance_seconds(in.has("after_s") ? in.number("after_s") : 10.0);
    const std::string name = in.has("do") ? in.string("do") : "check";
    label_ = "step " + std::to_string(index + 1) + " (" + name + ")";
    const json expect = in.has("expect") ? in.raw("expect") : json::object();
    if (in.has("do")) {
      const Command command =
          read_command(name, in.has("with") ? in.raw("with") : json(), clock_->now());
      const store::Actor who = read_actor(in.has("as") ? in.raw("as") : json(), default_actor_);
      execute(command, who, expect);
    }
    if (expect.contains("state"))
      match_state(expect["state"], label_);
    if (const Status s = check_invariants(state_); !s.ok())
      fail(label_, s.error().to_string());
  }

  void execute(const Command& command, const store::Actor& who, const json& expect) {
    const std::string before = serialize_state(state_);
    auto events = decider_.decide(state_, command, who, clock_->now());
    if (expect.contains("refused")) {
      check_refusal(events, expect);
      if (serialize_state(state_) != before)
        fail(label_, "a refused command changed the state");
      return;
    }
    if (!events.ok())
      return fail(label_, "refused: " + events.error().to_string());
    for (const auto& event : *events) {
      if (const Status s = apply(state_, event); !s.ok())
        return fail(label_, s.error().to_string());
      log_.push_back(event);
    }
    if (expect.contains("events"))
      check_events(*events, expect["events"]);
  }

  void check_refusal(const Result<std::vector<store::EventDraft>>& events, const json& expect) {
    if (events.ok()) {
      return fail(label_, "expected a refusal (" + expect["refused"].dump() + "), got " +
                              std::to_string(events->size()) + " events");
    }
    const Error& e = events.error();
    if (errc_name(e.code) != expect["refused"].get<std::string>()) {
      fail(label_, "expected " + expect["refused"].dump() + ", got " + e.to_string());
    }
    if (expect.contains("field") && e.field != expect["field"].get<std::string>()) {
      fail(label_, "expected field " + expect["field"].dump() + ", got " + e.to_string());
    }
    if (expect.contains("message_contains") &&
        e.message.find(expect["message_contains"].get<std::string>()) == std::string::npos) {
      fail(label_, "message lacks " + expect["message_contains"].dump() + ": " + e.message);
    }
  }

  void check_events(const std::vector<store::EventDraft>& events, const json& expected) {
    std::string types;
    for (const auto& e : events)
      types += (types.empty() ? "" : ", ") + e.type;
    if (events.size() != expected.size()) {
      return fail(label_, "expected " + std::to_string(expected.size()) + " events, got " +
                              std::to_string(events.size()) + ": " + types);
    }
    for (std::size_t k = 0; k < events.size(); ++k) {
      const json& want = expected[k];
      json actual = {{"type", events[k].type},
                     {"entities", events[k].entities},
                     {"payload", json::parse(events[k].payload)},
                     {"actor", events[k].actor.user},
                     {"time", events[k].time.to_iso8601()}};
      for (const auto& line :
           subset_mismatches(want, actual, "events[" + std::to_string(k) + "]")) {
        fail(label_, line + " (events: " + types + ")");
      }
    }
  }

  void match_state(const json& expected, const std::string& where) {
    const json actual = json::parse(serialize_state(state_));
    for (const auto& line : subset_mismatches(expected, actual, "state"))
      fail(where, line);
  }

  ScenarioOutcome& outcome_;
  Decider decider_;
  std::unique_ptr<ManualClock> clock_;
  store::Actor default_actor_;
  State state_;
  std::vector<store::EventDraft> log_;
  std::string label_;
};

}  // namespace

ScenarioOutcome run_scenario(const std::filesystem::path& file) {
  ScenarioOutcome outcome;
  std::ifstream in(file);
  if (!in) {
    outcome.failures.push_back("cannot read " + file.string());
    return outcome;
  }
  std::stringstream text;
  text << in.rdbuf();
  try {
    Runner(outcome).run(json::parse(text.str()));
  } catch (const json::exception& e) {
    outcome.failures.push_back("malformed scenario: " + std::string(e.what()));
  } catch (const JsonFormatError& e) {
    outcome.failures.push_back("malformed scenario: " + std::string(e.what()));
  }
  return outcome;
}

std::vector<std::filesystem::path> scenario_files() {
  std::vector<std::filesystem::path> files;
  const auto dir = source_dir() / "tests" / "cad" / "scenarios";
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".json")
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace shouwang::cad::testing
