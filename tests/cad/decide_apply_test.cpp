// decide() and apply() at their edges: refusals that name the field, text that is not
// UTF-8, events that do not fit the state, and determinism of ids.

#include <gtest/gtest.h>

#include <shouwang/cad/apply.h>
#include <shouwang/cad/decide.h>
#include <shouwang/cad/record_id.h>
#include <shouwang/cad/state_codec.h>

#include "cad/cad_fixture.h"

namespace shouwang::cad {
namespace {

using testing::at;

class DecideApply : public ::testing::Test {
 protected:
  Decider decider_{testing::test_centre(), testing::shipped_taxonomy()};
  store::Actor who_ = testing::actor("dp-li");
  State state_;
  IncidentId first_ = *parse_incident_id("310100-20261122-000001");

  void create() {
    ASSERT_TRUE(
        testing::execute(decider_, state_, CreateIncident{CallId(), "x", "0201", 0}, who_, at(1))
            .ok());
  }
};

TEST_F(DecideApply, ACommandNeedsAUser) {
  const auto events = decider_.decide(state_, CreateIncident{}, store::Actor{}, at());
  ASSERT_FALSE(events.ok());
  EXPECT_EQ(events.error().code, Errc::kInvalidArgument);
  EXPECT_EQ(events.error().field, "actor.user");
}

TEST_F(DecideApply, TextThatIsNotUtf8IsRefusedNamingTheField) {
  create();
  const auto events = decider_.decide(state_, AddNote{first_, "bad \xff\xfe byte"}, who_, at(2));
  ASSERT_FALSE(events.ok());
  EXPECT_EQ(events.error().code, Errc::kInvalidArgument);
  EXPECT_EQ(events.error().field, "text");
  const auto fields = decider_.decide(
      state_, AddPerson{first_, PersonRole::kWitness, {{"name", "\xc0\xaf"}}}, who_, at(2));
  ASSERT_FALSE(fields.ok());
  EXPECT_EQ(fields.error().field, "fields.name");
}

TEST_F(DecideApply, DecidingDoesNotChangeTheStateAndIsRepeatable) {
  create();
  const std::string before = serialize_state(state_);
  const auto a = decider_.decide(state_, IssueOrder{first_, {TargetKind::kUnit, "u1", ""}, "", {}},
                                 who_, at(5));
  const auto b = decider_.decide(state_, IssueOrder{first_, {TargetKind::kUnit, "u1", ""}, "", {}},
                                 who_, at(5));
  EXPECT_EQ(serialize_state(state_), before);
  ASSERT_FALSE(a.ok()) << "the incident is still accepting";
  EXPECT_EQ(a.error().to_string(), b.error().to_string());
  const auto c = decider_.decide(state_, CreateIncident{CallId(), "y", "", 0}, who_, at(5));
  const auto d = decider_.decide(state_, CreateIncident{CallId(), "y", "", 0}, who_, at(5));
  ASSERT_TRUE(c.ok() && d.ok());
  EXPECT_EQ(*c, *d);
  EXPECT_NE(c->front().payload.find("310100-20261122-000002"), std::string::npos);
}

TEST_F(DecideApply, EventsThatDoNotFitAreCorruptAndChangeNothing) {
  create();
  const std::string before = serialize_state(state_);
  const auto bad = [&](std::string type, std::string payload) {
    store::Event event{
        42, store::EventDraft{at(9), who_, std::move(type), {}, std::move(payload)}, {}};
    const Status status = apply(state_, event);
    EXPECT_FALSE(status.ok());
    if (!status.ok()) {
      EXPECT_EQ(status.error().code, Errc::kCorrupt);
      EXPECT_NE(status.error().message.find("#42"), std::string::npos) << status.error().message;
    }
    EXPECT_EQ(serialize_state(state_), before);
  };
  bad("incident.exploded", "{}");
  bad("incident.note_added", "not json");
  bad("incident.note_added",
      R"({"incident_id": "310100-20261122-000001", "index": 5, "text": "x"})");
  bad("incident.note_added",
      R"({"incident_id": "310100-20261122-000009", "index": 0, "text": "x"})");
  bad("incident.created",
      R"({"incident_id": "310100-20261122-000001", "summary": "", "type_code": "",
                               "common_type": "", "priority": 3, "priority_source": "default"})");
  bad("incident.status_changed", R"({"incident_id": "310100-20261122-000001", "from": "accepting",
                                      "to": "terminated", "reason": ""})");
  bad("incident.status_changed", R"({"incident_id": "310100-20261122-000001", "from": "accepted",
                                      "to": "dispatched", "reason": ""})");
  bad("order.signed_for", R"({"order_id": "310100-20261122-D000001"})");
  bad("call.attached",
      R"({"call_id": 7, "incident_id": "310100-20261122-000001", "duplicate": false})");
  EXPECT_EQ(state_.events_applied, 1u);
}

TEST_F(DecideApply, CorruptSnapshotsAreReported) {
  create();
  const std::string good = serialize_state(state_);
  for (const std::string& text :
       {std::string("{"), std::string("[]"), std::string(R"({"format": "other", "version": 1})"),
        good.substr(0, good.size() / 2)}) {
    const auto parsed = parse_state(text);
    ASSERT_FALSE(parsed.ok()) << text;
    EXPECT_EQ(parsed.error().code, Errc::kCorrupt);
  }
  std::string renamed = good;
  const auto key = renamed.find("\"310100-20261122-000001\":");
  ASSERT_NE(key, std::string::npos);
  renamed.replace(key, 24, "\"310100-20261122-000002\"");
  const auto mismatched = parse_state(renamed);
  ASSERT_FALSE(mismatched.ok());
  EXPECT_NE(mismatched.error().message.find("holds the record of 310100-20261122-000001"),
            std::string::npos)
      << mismatched.error().message;
}

TEST_F(DecideApply, SerialisationIsCanonical) {
  create();
  const std::string text = serialize_state(state_);
  EXPECT_EQ(text.find('\n'), std::string::npos);
  EXPECT_EQ(text.rfind(R"({"calls":{},"events_applied":1,"format":"shouwang.cad.state",)", 0), 0u)
      << text;
  auto parsed = parse_state(text);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(*parsed, state_);
  EXPECT_EQ(serialize_state(*parsed), text);
}

}  // namespace
}  // namespace shouwang::cad
