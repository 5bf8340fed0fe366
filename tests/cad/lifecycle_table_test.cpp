#include <queue>
#include <set>

#include <gtest/gtest.h>

#include <shouwang/cad/incident_status.h>
#include <shouwang/cad/order_status.h>

namespace shouwang::cad {
namespace {

template <typename Status, typename Transitions>
std::set<Status> reachable(Status start, const Transitions& transitions) {
  std::set<Status> seen{start};
  std::queue<Status> queue;
  queue.push(start);
  while (!queue.empty()) {
    const Status at = queue.front();
    queue.pop();
    for (const auto& t : transitions) {
      if (t.from == at && seen.insert(t.to).second)
        queue.push(t.to);
    }
  }
  return seen;
}

TEST(IncidentLifecycle, EveryStatusIsReachableAndArchivedIsFinal) {
  const auto all = reachable(IncidentStatus::kAccepting, incident_transitions());
  EXPECT_EQ(all.size(), 12u);
  for (const auto& t : incident_transitions()) {
    EXPECT_NE(t.from, IncidentStatus::kArchived);
    EXPECT_NE(t.to, IncidentStatus::kAccepting) << "nothing returns to accepting";
    EXPECT_TRUE(incident_transition_allowed(t.from, t.to));
    EXPECT_FALSE(t.trigger.empty());
    if (progress_rank(t.from) > 0 && progress_rank(t.to) > 0) {
      EXPECT_LT(progress_rank(t.from), progress_rank(t.to)) << "progress never goes back";
    }
  }
  EXPECT_FALSE(
      incident_transition_allowed(IncidentStatus::kAccepting, IncidentStatus::kDispatched));
  EXPECT_FALSE(
      incident_transition_allowed(IncidentStatus::kTerminated, IncidentStatus::kSceneClosed));
}

TEST(IncidentLifecycle, NamesRoundTripInEnglishAndChinese) {
  for (int k = 0; k < 12; ++k) {
    const auto status = static_cast<IncidentStatus>(k);
    EXPECT_EQ(parse_incident_status(to_string(status)), status);
    EXPECT_NE(zh_name(status), "?");
  }
  EXPECT_EQ(zh_name(IncidentStatus::kUnitsOut), "已出警");
  EXPECT_FALSE(parse_incident_status("closed").has_value());
}

TEST(OrderLifecycle, EveryStatusIsReachableAndEndsAreFinal) {
  const auto all = reachable(OrderStatus::kIssued, order_transitions());
  EXPECT_EQ(all.size(), 8u);
  for (const auto& t : order_transitions()) {
    EXPECT_TRUE(is_open(t.from)) << "closed orders do not move";
  }
  EXPECT_FALSE(order_transition_allowed(OrderStatus::kSignedFor, OrderStatus::kSignedFor));
  EXPECT_FALSE(order_transition_allowed(OrderStatus::kArrived, OrderStatus::kCancelled));
  EXPECT_EQ(cleared_status(OrderStatus::kEnRoute), OrderStatus::kCancelled);
  EXPECT_EQ(cleared_status(OrderStatus::kArrived), OrderStatus::kDone);
  for (int k = 0; k < 8; ++k) {
    const auto status = static_cast<OrderStatus>(k);
    EXPECT_EQ(parse_order_status(to_string(status)), status);
    if (is_open(status)) {
      EXPECT_TRUE(order_transition_allowed(status, cleared_status(status)))
          << "an open order can always be ended by its incident";
    }
  }
}

}  // namespace
}  // namespace shouwang::cad
