// check_invariants() must catch each kind of broken state, not only pass good ones.

#include <functional>
#include <string>

#include <gtest/gtest.h>

#include <shouwang/cad/invariants.h>
#include <shouwang/cad/record_id.h>

#include "cad/cad_fixture.h"

namespace shouwang::cad {
namespace {

using testing::at;

// An incident with a call, a station order split into a child, both signed for, the child
// en route: enough structure for every rule to have something to break.
State sample_state() {
  const Decider decider(testing::test_centre(), testing::shipped_taxonomy());
  const auto who = testing::actor("dp-li");
  State s;
  const IncidentId i1 = *parse_incident_id("310100-20261122-000001");
  const IncidentId i2 = *parse_incident_id("310100-20261122-000002");
  const OrderId d1 = *parse_order_id("310100-20261122-D000001");
  const OrderId d2 = *parse_order_id("310100-20261122-D000002");
  const std::vector<Command> commands = {
      ReceiveCall{CallChannel::kVoice, "13800001111", "", "", at(0), at(5)},
      CreateIncident{*parse_call_id("310100-20261122-C000001"), "打架", "0201", 0},
      CreateIncident{CallId(), "重复", "0201", 0},
      LinkIncidents{i1, i2, "相关"},
      AcceptIncident{i1},
      IssueOrder{i1, {TargetKind::kStation, "310101520000", ""}, "", OrderId()},
      SignFor{d1},
      SplitOrder{d1, {{TargetKind::kOfficer, "012345", ""}}, ""},
      SignFor{d2},
      EnRoute{d2},
      AddLocationCandidate{
          i1, LocationSource::kHandsetGnss, "", LatLon{31.23, 121.47}, Meters(10), {}},
      AddPerson{i1, PersonRole::kVictim, {{"name", "王某"}}},
  };
  double t = 10;
  for (const auto& command : commands) {
    auto events = testing::execute(decider, s, command, who, at(t += 10));
    EXPECT_TRUE(events.ok()) << command_name(command) << ": " << events.error().to_string();
  }
  return s;
}

void expect_broken(const std::string& rule, const std::function<void(State&)>& breaker) {
  State s = sample_state();
  ASSERT_TRUE(check_invariants(s).ok()) << check_invariants(s).error().to_string();
  breaker(s);
  const Status status = check_invariants(s);
  ASSERT_FALSE(status.ok()) << "rule " << rule << " not detected";
  EXPECT_EQ(status.error().code, Errc::kInternal);
  EXPECT_NE(status.error().message.find("invariant " + rule + " "), std::string::npos)
      << status.error().message;
}

Incident& first_incident(State& s) {
  return s.incidents.begin()->second;
}
Order& parent_order(State& s) {
  return s.orders.begin()->second;
}
Order& child_order(State& s) {
  return std::next(s.orders.begin())->second;
}

TEST(Invariants, SampleStateHoldsThemAll) {
  const State s = sample_state();
  EXPECT_EQ(s.orders.size(), 2u);
  EXPECT_EQ(s.incidents.begin()->second.status, IncidentStatus::kUnitsOut);
  EXPECT_TRUE(check_invariants(s).ok());
}

TEST(Invariants, EachBrokenRuleIsNamed) {
  expect_broken("R2", [](State& s) { first_incident(s).calls.clear(); });
  expect_broken("R3", [](State& s) { first_incident(s).orders.pop_back(); });
  expect_broken("R4", [](State& s) { parent_order(s).children.clear(); });
  expect_broken("R5", [](State& s) {
    first_incident(s).merged_into = std::next(s.incidents.begin())->first;
  });
  expect_broken("R6", [](State& s) { std::next(s.incidents.begin())->second.links.clear(); });
  expect_broken("R7", [](State& s) { child_order(s).reissue_of = parent_order(s).id; });
  expect_broken("L1", [](State& s) { child_order(s).status = OrderStatus::kArrived; });
  expect_broken("L2", [](State& s) {
    auto& i = first_incident(s);
    i.history.push_back({i.status, IncidentStatus::kCancelled, at(900), "x", ""});
    i.status = IncidentStatus::kCancelled;
  });
  expect_broken("L3", [](State& s) {
    auto& i = first_incident(s);
    i.history.push_back({i.status, IncidentStatus::kArrived, at(900), "x", ""});
    i.status = IncidentStatus::kArrived;
  });
  expect_broken("L4", [](State& s) {
    auto& p = parent_order(s);
    p.history.push_back({p.status, OrderStatus::kCancelled, at(900), "x", ""});
    p.status = OrderStatus::kCancelled;
    p.times.cancelled = at(900);
  });
  expect_broken("L5", [](State& s) { child_order(s).target = parent_order(s).target; });
  expect_broken("L6", [](State& s) { parent_order(s).signed_by.clear(); });
  expect_broken("T1", [](State& s) { child_order(s).times.arrived = at(900); });
  expect_broken("T2", [](State& s) { first_incident(s).times.first_en_route.reset(); });
  expect_broken("D1", [](State& s) { first_incident(s).location.needs_confirmation = true; });
  expect_broken("D2",
                [](State& s) { first_incident(s).persons[0].fields["name"].verified = true; });
  expect_broken("D3", [](State& s) { first_incident(s).priority = 0; });
}

}  // namespace
}  // namespace shouwang::cad
