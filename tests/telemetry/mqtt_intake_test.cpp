// MqttIntake against a real Mosquitto broker whose accounts come from write_broker_files:
// delivery of a unit's stream into TelemetryIntake, the ACL between units, refused
// passwords, and reconnection across a broker restart.

#include <gtest/gtest.h>

#include <memory>

#include <shouwang/server/telemetry/mqtt_intake.h>
#include <shouwang/server/telemetry/telemetry_intake.h>
#include <shouwang/server/telemetry/unit_code.h>

#include "telemetry/mosquitto_broker.h"
#include "telemetry/mqtt_publisher.h"
#include "telemetry/telemetry_testing.h"

namespace shouwang::server::telemetry {
namespace {

using testing::MosquittoBroker;
using testing::MqttPublisher;
using testing::wait_until;

constexpr LatLon kHome{31.2304, 121.4737};
const UtcTime kStart = UtcTime::from_seconds(1795392000);
const std::string kServerPassword = "server-secret-1";
const std::string kA01Password = "a01-secret";
const std::string kB02Password = "b02-secret";

// The k-th fix of a unit driving east at 2 m/s, one fix every half second.
PositionFix nth_fix(const std::string& unit, int k) {
  PositionFix fix;
  fix.unit = unit;
  fix.position = destination(kHome, 90, Meters(1.0 * k));
  fix.t = kStart.plus_micros(std::int64_t{k} * 500'000);
  fix.speed_mps = 2.0;
  fix.heading_deg = 90.0;
  fix.accuracy_m = 4.0;
  return fix;
}

class MqttIntakeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!MosquittoBroker::available()) {
      GTEST_SKIP() << "the Mosquitto broker (" << MosquittoBroker::kBinary
                   << ") is not installed; install the Debian package mosquitto to run this test";
    }
    BrokerSetup setup;
    setup.server.password = kServerPassword;
    setup.units = {{"A-01", kA01Password}, {"B-02", kB02Password}};
    broker_ = std::make_unique<MosquittoBroker>(setup);
    const Status started = broker_->start();
    ASSERT_TRUE(started.ok()) << started.error().message;
    intake_.set_known_units({"A-01", "B-02"});
  }

  void TearDown() override {
    if (mqtt_) mqtt_->stop();
  }

  MqttOptions options(const std::string& password = kServerPassword) const {
    MqttOptions o;
    o.port = broker_->port();
    o.password = password;
    o.client_id = "shouwang-test-server";
    o.reconnect_min = std::chrono::seconds(1);
    o.reconnect_max = std::chrono::seconds(2);
    return o;
  }

  // Starts the intake and waits until its subscription is in place.
  void start_intake(const std::string& password = kServerPassword) {
    mqtt_ = std::make_unique<MqttIntake>(
        options(password),
        [this](std::string_view unit, std::string_view payload, UtcTime received_at) {
          intake_.accept(unit, payload, received_at);
        },
        clock_);
    const Status started = mqtt_->start();
    ASSERT_TRUE(started.ok()) << started.error().message;
  }

  void wait_subscribed(std::uint64_t subscriptions = 1) {
    ASSERT_TRUE(wait_until([&] { return mqtt_->stats().subscriptions >= subscriptions; }))
        << "not subscribed; last error: " << mqtt_->stats().last_error << "\nbroker log:\n" << broker_->log();
  }

  void connect(MqttPublisher& publisher, const std::string& unit, const std::string& password) {
    const auto code = publisher.connect(broker_->port(), unit, password);
    ASSERT_TRUE(code.ok()) << code.error().message << "\nbroker log:\n" << broker_->log();
    ASSERT_EQ(*code, 0) << "the broker refused " << unit;
  }

  void publish(MqttPublisher& publisher, const std::string& topic, const PositionFix& fix) {
    const Status sent = publisher.publish(topic, to_payload(fix));
    ASSERT_TRUE(sent.ok()) << sent.error().message;
  }

  std::uint64_t reports() const { return intake_.stats().verdicts.total(); }

  // Fixes are 0 to 100 s after kStart; "now" is after all of them and within max_age.
  ManualClock clock_{kStart.plus_micros(110'000'000)};
  TelemetryIntake intake_;
  std::unique_ptr<MosquittoBroker> broker_;
  std::unique_ptr<MqttIntake> mqtt_;
};

TEST_F(MqttIntakeTest, EveryFixAUnitPublishesReachesTheIntake) {
  start_intake();
  wait_subscribed();
  EXPECT_EQ(mqtt_->stats().state, MqttState::kConnected);
  MqttPublisher a01("A-01");
  connect(a01, "A-01", kA01Password);
  for (int k = 0; k < 200; ++k) publish(a01, position_topic("A-01"), nth_fix("A-01", k));

  ASSERT_TRUE(wait_until([&] { return reports() >= 200; })) << reports() << " of 200 arrived";
  const MqttStats mqtt = mqtt_->stats();
  EXPECT_EQ(mqtt.messages, 200u);
  EXPECT_EQ(mqtt.bad_topics, 0u);
  EXPECT_EQ(mqtt.handler_errors, 0u);
  const TelemetryStats stats = intake_.stats();
  EXPECT_EQ(stats.verdicts.total(), 200u);
  EXPECT_EQ(stats.verdicts[Verdict::kAccepted], 200u);
  const auto latest = intake_.live().latest("A-01");
  ASSERT_TRUE(latest);
  EXPECT_EQ(latest->t, nth_fix("A-01", 199).t);
  EXPECT_NEAR(latest->position.lon, nth_fix("A-01", 199).position.lon, 1e-12);
  EXPECT_EQ(latest->received_at, clock_.now());
  EXPECT_EQ(intake_.live().recent("A-01").size(), 120u);
}

TEST_F(MqttIntakeTest, AUnitCannotPublishOnAnotherUnitsTopic) {
  start_intake();
  wait_subscribed();
  MqttPublisher a01("A-01");
  connect(a01, "A-01", kA01Password);
  publish(a01, position_topic("B-02"), nth_fix("B-02", 0));  // denied by the ACL, dropped
  publish(a01, position_topic("A-01"), nth_fix("A-01", 7));  // the marker behind it
  ASSERT_TRUE(wait_until([&] { return intake_.live().latest("A-01").has_value(); }));
  EXPECT_EQ(mqtt_->stats().messages, 1u);
  EXPECT_EQ(reports(), 1u);
  EXPECT_FALSE(intake_.live().latest("B-02"));
  EXPECT_EQ(intake_.live().latest("A-01")->t, nth_fix("A-01", 7).t);
}

TEST_F(MqttIntakeTest, AMessageOnATopicWithoutAUnitCodeIsCountedAndDropped) {
  start_intake();
  wait_subscribed();
  // The ACL's pattern lets every account write its own position topic; the server's
  // account name is not a unit code, so what arrives there is a bad topic.
  MqttPublisher server("server-as-unit");
  connect(server, "shouwang.server", kServerPassword);
  publish(server, "shouwang/units/shouwang.server/position", nth_fix("A-01", 0));
  ASSERT_TRUE(wait_until([&] { return mqtt_->stats().bad_topics == 1; }));
  EXPECT_EQ(mqtt_->stats().messages, 0u);
  EXPECT_EQ(reports(), 0u);
}

TEST_F(MqttIntakeTest, AWrongPasswordCannotConnect) {
  MqttPublisher intruder("intruder");
  const auto wrong = intruder.connect(broker_->port(), "A-01", "not-the-password");
  ASSERT_TRUE(wrong.ok()) << wrong.error().message;
  EXPECT_EQ(*wrong, 5);  // not authorised
  MqttPublisher stranger("stranger");
  const auto unknown = stranger.connect(broker_->port(), "Z-99", kA01Password);
  ASSERT_TRUE(unknown.ok()) << unknown.error().message;
  EXPECT_EQ(*unknown, 5);

  // The server's own client with a wrong password keeps being refused, and says why.
  start_intake("wrong-server-password");
  ASSERT_TRUE(wait_until([&] { return mqtt_->stats().refusals >= 2; })) << broker_->log();  // retried
  const MqttStats stats = mqtt_->stats();
  EXPECT_NE(stats.state, MqttState::kConnected);
  EXPECT_EQ(stats.connects, 0u);
  EXPECT_NE(stats.last_error.find("not authorised"), std::string::npos) << stats.last_error;
  const auto before = std::chrono::steady_clock::now();
  mqtt_->stop();
  EXPECT_LT(std::chrono::steady_clock::now() - before, std::chrono::seconds(5));
  EXPECT_EQ(mqtt_->stats().state, MqttState::kStopped);
}

TEST_F(MqttIntakeTest, TheIntakeReconnectsAfterTheBrokerRestarts) {
  start_intake();
  wait_subscribed();
  {
    MqttPublisher a01("A-01");
    connect(a01, "A-01", kA01Password);
    for (int k = 0; k < 10; ++k) publish(a01, position_topic("A-01"), nth_fix("A-01", k));
    ASSERT_TRUE(wait_until([&] { return reports() >= 10; }));
  }
  const Status restarted = broker_->restart();
  ASSERT_TRUE(restarted.ok()) << restarted.error().message;
  // Back, and subscribed again (sessions are clean, so the intake must resubscribe).
  wait_subscribed(2);
  const MqttStats again = mqtt_->stats();
  EXPECT_GE(again.connects, 2u);
  EXPECT_GE(again.connection_losses, 1u);
  EXPECT_EQ(again.state, MqttState::kConnected);

  MqttPublisher a01("A-01");
  connect(a01, "A-01", kA01Password);
  for (int k = 10; k < 20; ++k) publish(a01, position_topic("A-01"), nth_fix("A-01", k));
  ASSERT_TRUE(wait_until([&] { return reports() >= 20; })) << reports() << " of 20 arrived";
  EXPECT_EQ(intake_.stats().verdicts[Verdict::kAccepted], 20u);
  EXPECT_EQ(intake_.live().latest("A-01")->t, nth_fix("A-01", 19).t);
}

TEST_F(MqttIntakeTest, TheIntakeWaitsForABrokerThatIsNotUpYet) {
  broker_->stop();
  start_intake();
  EXPECT_EQ(mqtt_->stats().state, MqttState::kConnecting);
  const Status started = broker_->start();
  ASSERT_TRUE(started.ok()) << started.error().message;
  wait_subscribed();
  MqttPublisher b02("B-02");
  connect(b02, "B-02", kB02Password);
  publish(b02, position_topic("B-02"), nth_fix("B-02", 3));
  ASSERT_TRUE(wait_until([&] { return intake_.live().latest("B-02").has_value(); }));
}

TEST_F(MqttIntakeTest, StopReturnsPromptlyWhileTheBrokerIsDown) {
  start_intake();
  wait_subscribed();
  broker_->stop();
  ASSERT_TRUE(wait_until([&] { return mqtt_->stats().state == MqttState::kConnecting; }));
  const auto before = std::chrono::steady_clock::now();
  mqtt_->stop();
  EXPECT_LT(std::chrono::steady_clock::now() - before, std::chrono::seconds(5));
  EXPECT_EQ(mqtt_->stats().state, MqttState::kStopped);
  mqtt_->stop();  // twice is fine
}

TEST(MqttIntake, BadOptionsAreRefusedByStart) {
  const ManualClock clock;
  MqttOptions options;
  options.port = 0;
  MqttIntake intake(options, [](std::string_view, std::string_view, UtcTime) {}, clock);
  const Status started = intake.start();
  ASSERT_FALSE(started.ok());
  EXPECT_EQ(started.error().field, "port");
  EXPECT_EQ(intake.stats().state, MqttState::kStopped);
}

}  // namespace
}  // namespace shouwang::server::telemetry
