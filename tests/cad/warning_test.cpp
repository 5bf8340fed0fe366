// Early-warning directives: raised once per day, area and subject, acknowledged once with
// a response, kept in snapshots, and refused with the field named when malformed.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <shouwang/cad/apply.h>
#include <shouwang/cad/command_json.h>
#include <shouwang/cad/event_types.h>
#include <shouwang/cad/record_id.h>
#include <shouwang/cad/record_json.h>
#include <shouwang/cad/state_codec.h>

#include "cad/cad_fixture.h"

namespace shouwang::cad {
namespace {

using testing::at;
using testing::execute;

WarningSubject theft_at_station() {
  return {"2026-11-21", "station", "310101-01", "group", "robbery_snatching_theft"};
}

WarningEvidence c2_evidence() {
  return {"ears_c2", 9, 2.571, 1.272, "2026-11-12", "2026-11-18", 5.055, 3};
}

class Warnings : public ::testing::Test {
 protected:
  Result<std::vector<store::EventDraft>> run(const Command& c, double seconds,
                                             const std::string& user = "system") {
    return execute(decider_, state_, c, testing::actor(user), at(seconds));
  }
  Decider decider_{testing::test_centre(), testing::shipped_taxonomy()};
  State state_;
};

TEST_F(Warnings, ARaisedWarningCarriesItsSubjectAndEvidenceUnderAWId) {
  auto events = run(RaiseWarning{theft_at_station(), {c2_evidence()}}, 600);
  ASSERT_TRUE(events.ok()) << events.error().to_string();
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0].type, event_type::kWarningRaised);
  ASSERT_EQ(state_.warnings.size(), 1u);
  const Warning& w = state_.warnings.begin()->second;
  EXPECT_EQ(to_string(w.id), "310100-20261122-W000001");
  EXPECT_EQ((*events)[0].entities, std::vector<std::string>{to_string(w.id)});
  EXPECT_EQ(w.subject, theft_at_station());
  ASSERT_EQ(w.evidence.size(), 1u);
  EXPECT_EQ(w.evidence[0], c2_evidence());
  EXPECT_EQ(w.raised_at, at(600));
  EXPECT_EQ(w.raised_by, "system");
  EXPECT_FALSE(is_acknowledged(w));
  EXPECT_EQ(warning_json(w)["status"], "raised");

  WarningSubject other = theft_at_station();
  other.code = "telecom_fraud";
  ASSERT_TRUE(run(RaiseWarning{other, {c2_evidence()}}, 601).ok());
  EXPECT_EQ(to_string(state_.warnings.rbegin()->first), "310100-20261122-W000002");
}

TEST_F(Warnings, TheSameDayAreaAndSubjectIsWarnedOnce) {
  ASSERT_TRUE(run(RaiseWarning{theft_at_station(), {c2_evidence()}}, 600).ok());
  WarningEvidence c3 = c2_evidence();
  c3.method = "ears_c3";
  auto again = decider_.decide(state_, RaiseWarning{theft_at_station(), {c3}},
                               testing::actor("system"), at(700));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, Errc::kConflict);
  EXPECT_EQ(again.error().field, "subject");
  WarningSubject next_day = theft_at_station();
  next_day.day = "2026-11-22";
  EXPECT_TRUE(run(RaiseWarning{next_day, {c3}}, 700).ok());
}

TEST_F(Warnings, MalformedSubjectsAndEvidenceAreRefusedNamingTheField) {
  const auto refused_field = [&](WarningSubject s, std::vector<WarningEvidence> e) {
    auto r = decider_.decide(state_, RaiseWarning{std::move(s), std::move(e)},
                             testing::actor("system"), at(0));
    EXPECT_FALSE(r.ok());
    return r.ok() ? std::string("accepted") : r.error().field;
  };
  WarningSubject s = theft_at_station();
  s.day = "2026-13-01";
  EXPECT_EQ(refused_field(s, {c2_evidence()}), "subject.day");
  s = theft_at_station();
  s.level = "city";
  EXPECT_EQ(refused_field(s, {c2_evidence()}), "subject.level");
  s = theft_at_station();
  s.area = "no spaces";
  EXPECT_EQ(refused_field(s, {c2_evidence()}), "subject.area");
  s = theft_at_station();
  s.code = "pickpocketing";
  EXPECT_EQ(refused_field(s, {c2_evidence()}), "subject.code");
  s = theft_at_station();
  s.kind = "type_level2";
  s.code = "01";  // a level-1 code
  EXPECT_EQ(refused_field(s, {c2_evidence()}), "subject.code");
  EXPECT_EQ(refused_field(theft_at_station(), {}), "evidence");
  WarningEvidence e = c2_evidence();
  e.method = "guess";
  EXPECT_EQ(refused_field(theft_at_station(), {e}), "evidence[0].method");
  e = c2_evidence();
  e.statistic = std::numeric_limits<double>::infinity();
  EXPECT_EQ(refused_field(theft_at_station(), {c2_evidence(), e}), "evidence[1]");
  EXPECT_TRUE(state_.warnings.empty());
}

TEST_F(Warnings, TheStationAcknowledgesOnceWithAResponse) {
  ASSERT_TRUE(run(RaiseWarning{theft_at_station(), {c2_evidence()}}, 600).ok());
  const WarningId id = state_.warnings.begin()->first;
  auto empty =
      decider_.decide(state_, AcknowledgeWarning{id, "  "}, testing::actor("so-wang"), at(900));
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().field, "response");
  auto unknown =
      decider_.decide(state_, AcknowledgeWarning{make_warning_id({310100, 20'000, 7}), "ok"},
                      testing::actor("so-wang"), at(900));
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, Errc::kNotFound);

  ASSERT_TRUE(
      run(AcknowledgeWarning{id, "夜间加派巡逻 / extra night patrols"}, 900, "so-wang").ok());
  const Warning& w = state_.warnings.at(id);
  EXPECT_TRUE(is_acknowledged(w));
  EXPECT_EQ(w.acknowledged_at, at(900));
  EXPECT_EQ(w.acknowledged_by, "so-wang");
  EXPECT_EQ(w.response, "夜间加派巡逻 / extra night patrols");
  EXPECT_EQ(warning_json(w)["status"], "acknowledged");

  auto twice =
      decider_.decide(state_, AcknowledgeWarning{id, "again"}, testing::actor("so-li"), at(950));
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, Errc::kConflict);
}

TEST_F(Warnings, SnapshotsKeepWarningsAndOlderSnapshotsReadWithout) {
  ASSERT_TRUE(run(RaiseWarning{theft_at_station(), {c2_evidence()}}, 600).ok());
  ASSERT_TRUE(
      run(AcknowledgeWarning{state_.warnings.begin()->first, "patrols"}, 900, "so-wang").ok());
  const std::string text = serialize_state(state_);
  auto back = parse_state(text);
  ASSERT_TRUE(back.ok()) << back.error().to_string();
  EXPECT_EQ(*back, state_);

  nlohmann::json v2 = nlohmann::json::parse(text);
  v2["version"] = 2;
  v2.erase("warnings");
  auto old = parse_state(v2.dump());
  ASSERT_TRUE(old.ok()) << old.error().to_string();
  EXPECT_TRUE(old->warnings.empty());

  nlohmann::json wrong = nlohmann::json::parse(text);
  wrong["warnings"].begin()->erase("subject");
  auto corrupt = parse_state(wrong.dump());
  ASSERT_FALSE(corrupt.ok());
  EXPECT_EQ(corrupt.error().code, Errc::kCorrupt);
}

TEST_F(Warnings, RaiseIsServerOnlyAndAcknowledgeDecodesFromJson) {
  EXPECT_TRUE(server_only("raise_warning"));
  EXPECT_FALSE(server_only("acknowledge_warning"));
  auto ack =
      decode_command("acknowledge_warning",
                     R"({"warning": "310100-20261122-W000004", "response": "patrols"})", at(0));
  ASSERT_TRUE(ack.ok()) << ack.error().to_string();
  EXPECT_EQ(to_string(std::get<AcknowledgeWarning>(*ack).warning), "310100-20261122-W000004");
  auto bad = decode_command("acknowledge_warning",
                            R"({"warning": "310100-20261122-D000004", "response": "x"})", at(0));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "warning");
  auto raise = decode_command(
      "raise_warning",
      R"({"subject": {"day": "2026-11-21", "level": "station", "area": "310101-01", "kind": "group",
          "code": "robbery_snatching_theft"},
          "evidence": [{"method": "ears_c2", "count": 9, "baseline_mean": 2.571, "baseline_sd": 1.272,
                        "baseline_first": "2026-11-12", "baseline_last": "2026-11-18", "statistic": 5.055,
                        "threshold": 3}]})",
      at(0));
  ASSERT_TRUE(raise.ok()) << raise.error().to_string();
  EXPECT_EQ(std::get<RaiseWarning>(*raise).subject, theft_at_station());
  EXPECT_EQ(std::get<RaiseWarning>(*raise).evidence[0], c2_evidence());
  auto extra = decode_command(
      "raise_warning",
      R"({"subject": {"day": "2026-11-21", "level": "station", "area": "a", "kind": "group",
          "code": "x", "colour": "red"}, "evidence": []})",
      at(0));
  ASSERT_FALSE(extra.ok());
  EXPECT_EQ(extra.error().field, "subject.colour");
}

}  // namespace
}  // namespace shouwang::cad
