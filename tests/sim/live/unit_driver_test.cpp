// A unit's terminal, driven against a fake server that answers every request as the real
// one would: an order's whole life, orders ended by the server, refusals, arrival
// detected by the server, and winding down at the end of a run.

#include <algorithm>
#include <functional>
#include <map>
#include <vector>

#include <gtest/gtest.h>

#include <shouwang/sim/fleet_plan.h>
#include <shouwang/sim/unit_driver.h>

#include "sim_city.h"

namespace shouwang::sim {
namespace {

using testing::sim_city;

// The server's side of one order: its status, moved by the requests it accepts.
struct FakeOrder {
  OrderNews news;
  std::vector<OrderAction> seen;
  std::map<OrderAction, int> refuse_once;  // answer this action once with the status

  TerminalAnswer answer(const TerminalRequest& r) {
    seen.push_back(r.action);
    TerminalAnswer a;
    if (auto it = refuse_once.find(r.action); it != refuse_once.end()) {
      a.status = it->second;
      refuse_once.erase(it);
      return a;
    }
    const std::string& s = news.status;
    const auto step = [&](bool allowed, const char* next) {
      if (!allowed) {
        a.status = 409;
        return;
      }
      news.status = next;
      a.status = 200;
    };
    switch (r.action) {
      case OrderAction::kAcknowledge:
        step(s == "issued", "issued");
        break;
      case OrderAction::kSignFor:
        step(s == "issued", "signed_for");
        break;
      case OrderAction::kEnRoute:
        step(s == "signed_for", "en_route");
        break;
      case OrderAction::kArrive:
        step(s == "en_route", "arrived");
        break;
      case OrderAction::kFeedback:
        step(s == "signed_for" || s == "en_route" || s == "arrived" || s == "feedback", "feedback");
        break;
      case OrderAction::kComplete:
        step(s == "feedback", "done");
        break;
      case OrderAction::kReturn:
        step(s == "issued" || s == "signed_for", "returned");
        break;
      case OrderAction::kRefresh:
        a.status = 200;
        break;
    }
    a.order = news;
    return a;
  }
};

class UnitDriverTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto& city = sim_city();
    ASSERT_NE(city.network, nullptr);
    planner_ = std::make_unique<RoutePlanner>(*city.network, city.areas);
    plan_ = plan_fleet(1, 9, city.network->graph(), city.areas, {}).at(0);
    plan_.kind = UnitKind::kPatrolCar;
    driver_ = std::make_unique<UnitDriver>(plan_, Rng(4));
    driver_->begin(0.0, *planner_);
    // The scene: a road point of the unit's area some way from its post.
    const auto nodes = city.areas.nodes(plan_.area);
    scene_ = city.network->graph().coordinate(nodes[nodes.size() / 3]);
    order_.news = {"O-1", "I-1", "unit", plan_.callsign, "issued"};
    incident_ = {"I-1", "dispatched", "0901", 4, scene_, plan_.station};
  }

  // Runs the unit second by second until `done` or `limit` seconds, answering its
  // requests at once; the time it stopped.
  double run_until(double from, double limit, const std::function<bool()>& done) {
    double t = from;
    for (; t < limit && !done(); t += 1.0) {
      last_ = driver_->advance(t, *planner_);
      activities_.push_back(driver_->activity(t));
      if (auto request = driver_->next_request(t)) {
        EXPECT_EQ(request->order, order_.news.id);
        times_[request->action].push_back(t);
        driver_->on_answer(order_.answer(*request), t, *planner_);
      }
    }
    return t;
  }

  std::unique_ptr<RoutePlanner> planner_;
  UnitPlan plan_;
  std::unique_ptr<UnitDriver> driver_;
  LatLon scene_;
  FakeOrder order_;
  IncidentNews incident_;
  PathSample last_;
  std::vector<UnitActivity> activities_;
  std::map<OrderAction, std::vector<double>> times_;
};

TEST_F(UnitDriverTest, WorksAnOrderFromIssueToDoneAndPatrolsAgain) {
  // Patrol a while first: the unit moves.
  double t = run_until(0, 300, [] { return false; });
  EXPECT_GT(haversine_distance(last_.position, plan_.home_post).value(), 10.0)
      << "the unit did not patrol";
  driver_->on_order(order_.news, &incident_, t, *planner_);
  t = run_until(t, 12 * 3600, [&] { return order_.news.status == "done"; });
  ASSERT_EQ(order_.news.status, "done") << "the order did not get done";
  const std::vector<OrderAction> expected{OrderAction::kAcknowledge, OrderAction::kSignFor,
                                          OrderAction::kEnRoute,     OrderAction::kArrive,
                                          OrderAction::kFeedback,    OrderAction::kComplete};
  EXPECT_EQ(order_.seen, expected);
  // Human delays: signed for a few seconds after the receipt, never at once.
  EXPECT_GE(times_[OrderAction::kSignFor][0] - times_[OrderAction::kAcknowledge][0], 1.0);
  // Arrived where the incident is (its road point), on scene for the work, then patrolling.
  EXPECT_LE(haversine_distance(last_.position, scene_).value(), 60.0);
  EXPECT_GE(times_[OrderAction::kFeedback][0] - times_[OrderAction::kArrive][0],
            5 * 60.0 - 1);  // 咨询: 5–20 min
  EXPECT_EQ(driver_->counts().completed, 1u);
  EXPECT_EQ(driver_->counts().arrived, 1u);
  EXPECT_FALSE(driver_->has_orders());
  EXPECT_NE(std::find(activities_.begin(), activities_.end(), UnitActivity::kEnRoute),
            activities_.end());
  EXPECT_NE(std::find(activities_.begin(), activities_.end(), UnitActivity::kOnScene),
            activities_.end());
  const UnitActivity after = driver_->activity(t + 1);
  EXPECT_TRUE(after == UnitActivity::kPatrolling || after == UnitActivity::kParked);
}

TEST_F(UnitDriverTest, AnOrderCancelledOnTheWayIsDroppedAndTheUnitPatrolsAgain) {
  driver_->on_order(order_.news, &incident_, 0, *planner_);
  double t = run_until(0, 3600, [&] { return order_.news.status == "en_route"; });
  ASSERT_EQ(order_.news.status, "en_route");
  t = run_until(t, t + 3, [] { return false; });
  EXPECT_EQ(driver_->activity(t), UnitActivity::kEnRoute);
  order_.news.status = "cancelled";
  driver_->on_order(order_.news, &incident_, t, *planner_);
  EXPECT_FALSE(driver_->has_orders());
  EXPECT_EQ(driver_->counts().dropped, 1u);
  EXPECT_NE(driver_->activity(t), UnitActivity::kEnRoute);
  const std::size_t requests = order_.seen.size();
  run_until(t, t + 600, [] { return false; });
  EXPECT_EQ(order_.seen.size(), requests) << "no request for a cancelled order";
}

TEST_F(UnitDriverTest, ARefusedStepIsLookedUpAndTheOrderGoesOnFromWhereItIs) {
  // A dispatcher signed for the order on the unit's behalf before the crew did.
  order_.refuse_once[OrderAction::kSignFor] = 409;
  driver_->on_order(order_.news, &incident_, 0, *planner_);
  double t = run_until(
      0, 3600, [&] { return !order_.seen.empty() && order_.seen.back() == OrderAction::kSignFor; });
  order_.news.status = "signed_for";
  t = run_until(t, 3600, [&] { return order_.news.status == "en_route"; });
  const std::vector<OrderAction> expected{OrderAction::kAcknowledge, OrderAction::kSignFor,
                                          OrderAction::kRefresh, OrderAction::kEnRoute};
  EXPECT_EQ(order_.seen, expected);
  EXPECT_EQ(driver_->activity(t), UnitActivity::kEnRoute);
}

TEST_F(UnitDriverTest, AnArrivalTheServerDetectedIsNotReportedAgain) {
  driver_->on_order(order_.news, &incident_, 0, *planner_);
  double t = run_until(0, 3600, [&] { return order_.news.status == "en_route"; });
  order_.news.status = "arrived";  // from GPS, while the unit is still driving
  driver_->on_order(order_.news, &incident_, t, *planner_);
  run_until(t, 12 * 3600, [&] { return order_.news.status == "done"; });
  EXPECT_EQ(order_.news.status, "done");
  EXPECT_EQ(std::count(order_.seen.begin(), order_.seen.end(), OrderAction::kArrive), 0);
  EXPECT_EQ(std::count(order_.seen.begin(), order_.seen.end(), OrderAction::kFeedback), 1);
}

TEST_F(UnitDriverTest, WindingDownReturnsAnOrderNotYetUnderWay) {
  driver_->on_order(order_.news, &incident_, 0, *planner_);
  run_until(0, 10, [&] { return !order_.seen.empty(); });  // acknowledged, not signed for
  driver_->wind_down(10);
  run_until(10, 120, [&] { return !driver_->has_orders(); });
  EXPECT_EQ(order_.news.status, "returned");
  EXPECT_EQ(driver_->counts().returned, 1u);
  // An order issued after that is returned too.
  order_.news = {"O-1", "I-1", "unit", plan_.callsign, "issued"};
  order_.seen.clear();
  driver_->on_order(order_.news, &incident_, 200, *planner_);
  run_until(200, 300, [&] { return !driver_->has_orders(); });
  EXPECT_EQ(order_.seen, std::vector<OrderAction>{OrderAction::kReturn});
}

TEST_F(UnitDriverTest, WindingDownFinishesAnOrderUnderWay) {
  driver_->on_order(order_.news, &incident_, 0, *planner_);
  double t = run_until(0, 3600, [&] { return order_.news.status == "en_route"; });
  driver_->wind_down(t);
  run_until(t, t + 60, [&] { return !driver_->has_orders(); });
  EXPECT_EQ(order_.news.status, "done");
  EXPECT_EQ(order_.seen.back(), OrderAction::kComplete);
}

TEST_F(UnitDriverTest, OrdersForOtherUnitsAreIgnored) {
  OrderNews other{"O-2", "I-1", "unit", "SOMEONE-ELSE", "issued"};
  driver_->on_order(other, &incident_, 0, *planner_);
  OrderNews station{"O-3", "I-1", "station", plan_.callsign, "issued"};
  driver_->on_order(station, &incident_, 0, *planner_);
  EXPECT_FALSE(driver_->has_orders());
}

}  // namespace
}  // namespace shouwang::sim
