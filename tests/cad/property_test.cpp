// Property tests over random command sequences: every accepted command keeps the
// invariants, refused commands change nothing, and the events alone rebuild the state,
// from scratch or from a snapshot plus the rest of the log.

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include <shouwang/base/random.h>
#include <shouwang/cad/apply.h>
#include <shouwang/cad/decide.h>
#include <shouwang/cad/event_types.h>
#include <shouwang/cad/invariants.h>
#include <shouwang/cad/state_codec.h>

#include "cad/cad_fixture.h"
#include "cad/random_commands.h"

namespace shouwang::cad {
namespace {

struct RandomRun {
  State state;
  std::vector<store::Event> log;
  std::map<std::string, int> accepted;  // by command name
  std::map<std::string, int> refused;   // by error code name
  std::vector<std::size_t> boundaries;  // log sizes after each accepted command
};

// Starts at 23:00 local time so that runs cross midnight and ids roll over to a new day.
RandomRun random_run(std::uint64_t seed, int steps) {
  const Decider decider(testing::test_centre(), testing::shipped_taxonomy());
  testing::RandomCommands commands(seed, testing::shipped_taxonomy());
  Rng timing(seed ^ 0x5eedULL);
  const std::vector<store::Actor> actors = {
      testing::actor("ct-wang", "call_taker"), testing::actor("dp-li", "dispatcher"),
      testing::actor("pcs-zhao", "station_officer"), testing::actor("unit-01", "unit_terminal")};
  RandomRun run;
  UtcTime now = testing::at(15 * 3600);
  for (int step = 0; step < steps; ++step) {
    now = now.plus_micros(timing.uniform_int(1, 90) * 1'000'000);
    const Command command = commands.next(run.state, now);
    const store::Actor& who = actors[static_cast<std::size_t>(timing.uniform_int(0, 3))];
    const bool check_unchanged = step % 7 == 0;
    const std::string before = check_unchanged ? serialize_state(run.state) : std::string();
    auto events = decider.decide(run.state, command, who, now);
    if (!events.ok()) {
      ++run.refused[std::string(errc_name(events.error().code))];
      EXPECT_FALSE(events.error().message.empty());
      if (check_unchanged) {
        EXPECT_EQ(serialize_state(run.state), before);
      }
      continue;
    }
    ++run.accepted[std::string(command_name(command))];
    EXPECT_FALSE(events->empty());
    for (auto& draft : *events) {
      store::Event event{run.log.size() + 1, std::move(draft), {}};
      const Status applied = apply(run.state, event);
      EXPECT_TRUE(applied.ok()) << applied.error().to_string();
      run.log.push_back(std::move(event));
    }
    run.boundaries.push_back(run.log.size());
    const Status invariants = check_invariants(run.state);
    EXPECT_TRUE(invariants.ok()) << "seed " << seed << " step " << step << " after "
                                 << command_name(command) << ": " << invariants.error().to_string();
    if (!invariants.ok())
      break;
  }
  return run;
}

// Replays through store::EventView, the form EventLog::scan() hands out.
State replay_views(const std::vector<store::Event>& log) {
  State state;
  for (const auto& e : log) {
    const std::vector<std::string_view> entities(e.body.entities.begin(), e.body.entities.end());
    const store::EventView view{e.seq,
                                e.body.time,
                                e.body.actor.user,
                                e.body.actor.role,
                                e.body.actor.workstation,
                                e.body.type,
                                entities,
                                e.body.payload,
                                e.hash};
    const Status applied = apply(state, view);
    EXPECT_TRUE(applied.ok()) << applied.error().to_string();
  }
  return state;
}

constexpr int kSeeds = 24;
constexpr int kSteps = 600;

TEST(CadProperty, InvariantsHoldAndReplayRebuildsTheSameState) {
  std::map<std::string, int> accepted;
  std::set<std::string> event_types;
  std::map<std::string, int> refused;
  for (std::uint64_t seed = 1; seed <= kSeeds; ++seed) {
    const RandomRun run = random_run(seed, kSteps);
    if (::testing::Test::HasFailure())
      return;
    for (const auto& [name, n] : run.accepted)
      accepted[name] += n;
    for (const auto& [code, n] : run.refused)
      refused[code] += n;
    for (const auto& event : run.log)
      event_types.insert(event.body.type);

    State replayed;
    ASSERT_TRUE(apply_all(replayed, run.log).ok());
    EXPECT_EQ(replayed, run.state) << "seed " << seed;
    EXPECT_EQ(serialize_state(replayed), serialize_state(run.state)) << "seed " << seed;
    EXPECT_EQ(replayed.events_applied, run.log.size());
    EXPECT_EQ(replay_views(run.log), run.state) << "seed " << seed;
  }
  // The generator reaches every command and every event type, and the refusals too.
  const std::vector<Command> all_kinds = {
      ReceiveCall{},      DismissCall{},   CreateIncident{},    MergeCall{},
      AcceptIncident{},   MergeIncident{}, LinkIncidents{},     TransferIncident{},
      CancelIncident{},   CloseScene{},    TerminateIncident{}, ArchiveIncident{},
      SetType{},          SetPriority{},   AssignStation{},     SetDisposition{},    AddLocationCandidate{},
      ConfirmLocation{},  AddCaution{},    AddNote{},           AddPerson{},
      AddVehicle{},       VerifyField{},   IssueOrder{},        SplitOrder{},
      AcknowledgeOrder{}, SignFor{},       EnRoute{},           Arrive{},
      GiveFeedback{},     CompleteOrder{}, CancelOrder{},       ReturnOrder{},
      RegisterUnit{},     UpdateUnit{},    RetireUnit{},        StartShift{},
      EndShift{},         SetUnitStatus{}, RaiseEmergency{},    ClearEmergency{},
      RecordMissedDeadline{}, RaiseWarning{},     AcknowledgeWarning{}, RegisterSite{}, UpdateSite{},
      RetireSite{},       RegisterPost{},  UpdatePost{},        RetirePost{},        OpenCoverageGap{},
      CloseCoverageGap{}};
  EXPECT_EQ(all_kinds.size(), std::variant_size_v<Command>);
  for (const auto& kind : all_kinds) {
    EXPECT_GT(accepted[std::string(command_name(kind))], 0)
        << command_name(kind) << " never accepted";
  }
  for (const auto type : event_type::kAll) {
    EXPECT_TRUE(event_types.count(std::string(type))) << type << " never emitted";
  }
  for (const char* code : {"invalid_argument", "not_found", "invalid_transition", "conflict"}) {
    EXPECT_GT(refused[code], 0) << "no " << code << " refusal";
  }
}

TEST(CadProperty, SnapshotPlusTailEqualsFullReplay) {
  Rng cut(99);
  for (std::uint64_t seed = 101; seed <= 108; ++seed) {
    const RandomRun run = random_run(seed, 400);
    ASSERT_FALSE(run.log.empty());
    for (int trial = 0; trial < 6; ++trial) {
      // Odd trials cut anywhere, even between the events of one command; even trials cut
      // where a snapshot is taken in practice, after a whole command, where the
      // invariants hold.
      const bool anywhere = trial % 2 == 1;
      const auto k = anywhere ? static_cast<std::size_t>(
                                    cut.uniform_int(0, static_cast<std::int64_t>(run.log.size())))
                              : run.boundaries[static_cast<std::size_t>(cut.uniform_int(
                                    0, static_cast<std::int64_t>(run.boundaries.size()) - 1))];
      State head;
      ASSERT_TRUE(apply_all(head, std::span(run.log).first(k)).ok());
      const std::string snapshot = serialize_state(head);
      auto restored = parse_state(snapshot);
      ASSERT_TRUE(restored.ok()) << restored.error().to_string();
      EXPECT_EQ(*restored, head);
      EXPECT_EQ(serialize_state(*restored), snapshot);
      if (!anywhere) {
        const Status invariants = check_invariants(*restored);
        ASSERT_TRUE(invariants.ok()) << invariants.error().to_string();
      }
      ASSERT_TRUE(apply_all(*restored, std::span(run.log).subspan(k)).ok());
      EXPECT_EQ(*restored, run.state) << "seed " << seed << " cut at " << k;
      EXPECT_EQ(serialize_state(*restored), serialize_state(run.state));
    }
  }
}

TEST(CadProperty, SameSeedGivesByteIdenticalEvents) {
  const RandomRun a = random_run(7, 300);
  const RandomRun b = random_run(7, 300);
  ASSERT_EQ(a.log.size(), b.log.size());
  for (std::size_t k = 0; k < a.log.size(); ++k)
    EXPECT_EQ(a.log[k], b.log[k]);
}

}  // namespace
}  // namespace shouwang::cad
