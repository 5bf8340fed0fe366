// Deadlines follow from the state and the policy; a recorded miss is not due again.

#include <gtest/gtest.h>

#include <shouwang/cad/deadlines.h>
#include <shouwang/cad/record_id.h>

#include "cad/cad_fixture.h"

namespace shouwang::cad {
namespace {

using testing::at;
using testing::execute;

class Deadlines : public ::testing::Test {
 protected:
  // A priority-2 burglary (010501's default) accepted at 0 s, ordered to unit u1 at 10 s.
  void SetUp() override {
    ReceiveCall call;
    call.started_at = at(0);
    call.answered_at = at(0);
    ASSERT_TRUE(run(call, 0));
    ASSERT_TRUE(run(CreateIncident{first_call(), "入室盗窃", "010501", 0}, 0));
    incident_ = state_.incidents.begin()->first;
    ASSERT_EQ(state_.incidents.begin()->second.priority, 2);
    ASSERT_TRUE(run(AcceptIncident{incident_}, 0));
  }
  CallId first_call() const { return state_.calls.begin()->first; }
  bool run(const Command& command, double seconds) {
    auto done = execute(decider_, state_, command, testing::actor("dp-li"), at(seconds));
    if (!done.ok()) ADD_FAILURE() << done.error().to_string();
    return done.ok();
  }
  OrderId issue(double seconds) {
    EXPECT_TRUE(run(IssueOrder{incident_, {TargetKind::kUnit, "u1", ""}, "", {}}, seconds));
    return state_.orders.rbegin()->first;
  }

  Decider decider_{testing::test_centre(), testing::shipped_taxonomy()};
  State state_;
  IncidentId incident_;
  DeadlinePolicy policy_;
};

TEST_F(Deadlines, AnIncidentWithoutOrdersWaitsAgainstThePendingDeadline) {
  const auto all = deadlines(state_, policy_);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].kind, DeadlineKind::kPending);
  EXPECT_EQ(all[0].due, at(180));  // priority 2: 3 min after creation
  EXPECT_TRUE(due(state_, policy_, at(179)).empty());
  EXPECT_EQ(due(state_, policy_, at(180)).size(), 1u);
}

TEST_F(Deadlines, AnOrderRunsSignForAndArrivalUntilItTakesTheSteps) {
  const OrderId order = issue(10);
  auto all = deadlines(state_, policy_);
  ASSERT_EQ(all.size(), 2u);  // the incident is no longer pending
  EXPECT_EQ(all[0], (Deadline{DeadlineKind::kSignFor, incident_, order, at(130)}));
  EXPECT_EQ(all[1], (Deadline{DeadlineKind::kArrival, incident_, order, at(910)}));

  ASSERT_TRUE(run(SignFor{order}, 60));
  ASSERT_TRUE(run(EnRoute{order}, 70));
  all = deadlines(state_, policy_);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].kind, DeadlineKind::kArrival);

  ASSERT_TRUE(run(Arrive{order}, 400));
  all = deadlines(state_, policy_);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0], (Deadline{DeadlineKind::kFeedback, incident_, order, at(400 + 3600)}));
  ASSERT_TRUE(run(GiveFeedback{order, "处置完毕"}, 500));
  EXPECT_TRUE(deadlines(state_, policy_).empty());
}

TEST_F(Deadlines, AMissRecordedOnceIsNotDueAgainAndSurvivesInTheState) {
  const OrderId order = issue(10);
  const auto found = due(state_, policy_, at(200));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].kind, DeadlineKind::kSignFor);
  ASSERT_TRUE(run(RecordMissedDeadline{DeadlineKind::kSignFor, incident_, order, found[0].due, "A-02"}, 200));
  ASSERT_EQ(state_.find(order)->missed.size(), 1u);
  EXPECT_EQ(state_.find(order)->missed[0].offered_unit, "A-02");
  EXPECT_EQ(state_.find(order)->missed[0].noticed, at(200));
  EXPECT_TRUE(due(state_, policy_, at(300)).empty());
  // Recording it again is a conflict; a deadline not yet due is refused.
  auto again = decider_.decide(state_, RecordMissedDeadline{DeadlineKind::kSignFor, incident_, order, at(130), ""},
                               testing::actor("system"), at(400));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, Errc::kConflict);
  auto early = decider_.decide(state_, RecordMissedDeadline{DeadlineKind::kArrival, incident_, order, at(910), ""},
                               testing::actor("system"), at(400));
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().field, "due");
}

TEST_F(Deadlines, PriorityChangesTheAllowance) {
  policy_.sign_for_s = {30, 60, 90, 120};
  ASSERT_TRUE(run(SetPriority{incident_, 1, "持刀"}, 5));
  issue(10);
  EXPECT_EQ(deadlines(state_, policy_)[0].due, at(40));
  EXPECT_TRUE(validate(policy_).ok());
  policy_.feedback_s[3] = 0;
  EXPECT_EQ(validate(policy_).error().field, "feedback");
}

}  // namespace
}  // namespace shouwang::cad
