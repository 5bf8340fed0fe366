// The call model's contract: deterministic for its seed, windows that compose, calls in
// order inside their window with the taxonomy's types and a described place, a rate that
// the counts follow, and a default rate from the city's size.

#include <cmath>
#include <filesystem>

#include <gtest/gtest.h>

#include <shouwang/sim/call_model.h>

#include "demo_city_dir.h"
#include "model_fixture.h"

namespace shouwang::sim {
namespace {

using testing::at;
using testing::demo_model;

bool same(const GeneratedCall& a, const GeneratedCall& b) {
  return a.at == b.at && a.type_code == b.type_code && a.position == b.position &&
         a.place == b.place && a.origin == b.origin;
}

bool same(const std::vector<GeneratedCall>& a, const std::vector<GeneratedCall>& b) {
  if (a.size() != b.size())
    return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!same(a[i], b[i]))
      return false;
  }
  return true;
}

TEST(CallModel, TheSameSeedGivesTheSameCallsAndAnotherSeedOthers) {
  const UtcTime from = at("2025-05-01T00:00:00Z");
  const UtcTime to = at("2025-05-04T00:00:00Z");
  auto again = CallModel::build(testing::demo_city_dir(), testing::taxonomy(), {5, 200, 480});
  ASSERT_TRUE(again.ok()) << again.error().to_string();
  const auto first = demo_model(5, 200).generate(from, to);
  ASSERT_GT(first.size(), 400u);
  EXPECT_TRUE(same(first, again->generate(from, to)));
  EXPECT_TRUE(same(first, demo_model(5, 200).generate(from, to)));  // and the same object twice
  EXPECT_FALSE(same(first, demo_model(6, 200).generate(from, to)));
}

TEST(CallModel, WindowsCompose) {
  const CallModel& model = demo_model(7, 300);
  const UtcTime a = at("2025-03-01T05:17:00.123456Z");
  const UtcTime b = at("2025-03-06T13:41:59.000001Z");
  const UtcTime c = at("2025-03-12T00:00:00Z");
  const auto whole = model.generate(a, c);
  auto parts = model.generate(a, b);
  const auto second = model.generate(b, c);
  parts.insert(parts.end(), second.begin(), second.end());
  EXPECT_TRUE(same(whole, parts));
  // Near-repeats in the second window whose triggers lay in the first are part of it.
  std::size_t repeats_after_b = 0;
  for (const auto& call : second)
    repeats_after_b += call.origin == "near_repeat";
  EXPECT_GT(repeats_after_b, 5u);
  // Hour by hour too, across an hour boundary at an odd instant.
  std::vector<GeneratedCall> hourly;
  for (UtcTime t = a; t < b; t = std::min(b, t.plus_micros(3'600'000'000LL - 1))) {
    const auto piece = model.generate(t, std::min(b, t.plus_micros(3'600'000'000LL - 1)));
    hourly.insert(hourly.end(), piece.begin(), piece.end());
  }
  EXPECT_TRUE(same(hourly, model.generate(a, b)));
}

TEST(CallModel, CallsAreOrderedInsideTheWindowWithKnownTypesAndPlaces) {
  const CallModel& model = demo_model(1, 200);
  const UtcTime from = at("2025-08-01T00:00:00Z");
  const UtcTime to = at("2025-08-08T00:00:00Z");
  const auto calls = model.generate(from, to);
  ASSERT_GT(calls.size(), 1000u);
  std::size_t hotspot = 0, background = 0, repeat = 0;
  for (std::size_t i = 0; i < calls.size(); ++i) {
    const GeneratedCall& c = calls[i];
    EXPECT_LE(from, c.at);
    EXPECT_LT(c.at, to);
    if (i > 0) {
      EXPECT_LE(calls[i - 1].at, c.at);
    }
    EXPECT_NE(testing::taxonomy().types.find(c.type_code), nullptr) << c.type_code;
    EXPECT_FALSE(c.place.empty());
    hotspot += c.origin.starts_with("hotspot:");
    background += c.origin == "background";
    repeat += c.origin == "near_repeat";
  }
  EXPECT_EQ(hotspot + background + repeat, calls.size());
  // Places read like a call taker's notes: a street near a landmark, or an address.
  std::size_t near_landmark = 0, address = 0;
  for (const auto& c : calls) {
    near_landmark += c.place.find(" 近 ") != std::string::npos;
    address += c.place.find("号") != std::string::npos;
  }
  EXPECT_GT(near_landmark, calls.size() / 10);
  EXPECT_GT(address, calls.size() / 10);
  EXPECT_GT(hotspot, 0u);
  EXPECT_GT(repeat, 0u);
  EXPECT_GT(background, calls.size() / 2);
  EXPECT_TRUE(model.generate(to, from).empty());
  EXPECT_TRUE(model.generate(to, to).empty());
}

TEST(CallModel, CountsFollowTheExpectedRate) {
  const CallModel& model = demo_model(2, 250);
  const UtcTime from = at("2025-04-07T00:00:00+08:00");
  const UtcTime to = at("2025-05-05T00:00:00+08:00");
  double expected = 0;
  for (UtcTime t = from; t < to; t = t.plus_micros(3'600'000'000LL))
    expected += model.expected_rate(t);
  const double counted = static_cast<double>(model.generate(from, to).size());
  // Four weeks of 250 a day: about 7,000 calls, so 3 % is more than four standard deviations.
  EXPECT_NEAR(counted / expected, 1.0, 0.03) << counted << " calls, " << expected << " expected";
  EXPECT_NEAR(expected / 28.0, 250.0, 250.0 * 0.05);  // the rate averages out to the option
}

TEST(CallModel, TheDefaultRateFollowsTheEstimatedResidents) {
  const CallModel& model = demo_model(1, 0);
  // The 6 km demo city: some 5,000 address plots.
  EXPECT_GT(model.estimated_residents(), 30'000.0);
  EXPECT_LT(model.estimated_residents(), 200'000.0);
  EXPECT_DOUBLE_EQ(model.calls_per_day(), model.estimated_residents() * 0.3 / 1000.0);
  EXPECT_DOUBLE_EQ(demo_model(1, 123).calls_per_day(), 123.0);
  EXPECT_FALSE(model.hotspots().empty());
}

TEST(CallModel, RefusesBadOptionsAndMissingFiles) {
  auto negative = CallModel::build(testing::demo_city_dir(), testing::taxonomy(), {1, -5, 480});
  ASSERT_FALSE(negative.ok());
  EXPECT_EQ(negative.error().code, Errc::kInvalidArgument);
  EXPECT_EQ(negative.error().field, "calls_per_day");
  auto offset = CallModel::build(testing::demo_city_dir(), testing::taxonomy(), {1, 0, 24 * 60});
  ASSERT_FALSE(offset.ok());
  EXPECT_EQ(offset.error().field, "utc_offset_minutes");
  const auto empty = testing::demo_city_copy("no-roads");
  std::filesystem::remove(empty / "road_graph.swg");
  auto missing = CallModel::build(empty, testing::taxonomy(), {});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, Errc::kNotFound);
  EXPECT_NE(missing.error().message.find("import-osm"), std::string::npos)
      << missing.error().message;
}

}  // namespace
}  // namespace shouwang::sim
