// Golden distributions, worked out by hand with h = (n − 1)·p.

#include <vector>

#include <gtest/gtest.h>

#include <shouwang/analytics/distribution.h>

namespace shouwang::analytics {
namespace {

TEST(Distribution, PercentilesInterpolateBetweenClosestRanks) {
  const std::vector<double> one_to_ten{1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  EXPECT_DOUBLE_EQ(*percentile(one_to_ten, 0.5), 5.5);  // h = 4.5
  EXPECT_DOUBLE_EQ(*percentile(one_to_ten, 0.9), 9.1);  // h = 8.1: 9 + 0.1 × (10 − 9)
  EXPECT_DOUBLE_EQ(*percentile(one_to_ten, 0.0), 1.0);
  EXPECT_DOUBLE_EQ(*percentile(one_to_ten, 1.0), 10.0);
  // Response times in seconds: h = 4 × 0.9 = 3.6 → 420 + 0.6 × (900 − 420) = 708.
  const std::vector<double> arrivals{180, 240, 300, 420, 900};
  EXPECT_DOUBLE_EQ(*percentile(arrivals, 0.9), 708.0);
  EXPECT_DOUBLE_EQ(*percentile(arrivals, 0.5), 300.0);
  EXPECT_DOUBLE_EQ(*percentile(std::vector<double>{42}, 0.9), 42.0);
  EXPECT_FALSE(percentile(std::vector<double>{}, 0.5).has_value());
}

TEST(Distribution, ShareWithinCountsTheLimitItself) {
  const std::vector<double> arrivals{180, 240, 300, 420, 900};
  EXPECT_DOUBLE_EQ(*share_within(arrivals, 300), 0.6);  // 300 s is within 5 min
  EXPECT_DOUBLE_EQ(*share_within(arrivals, 299), 0.4);
  EXPECT_DOUBLE_EQ(*share_within(arrivals, 60), 0.0);
  EXPECT_DOUBLE_EQ(*share_within(arrivals, 1e9), 1.0);
  EXPECT_FALSE(share_within(std::vector<double>{}, 300).has_value());
}

TEST(Distribution, DescribeSortsAndSummarises) {
  const auto d = describe({900, 180, 420, 240, 300});
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->n, 5u);
  EXPECT_DOUBLE_EQ(d->mean, 408.0);  // 2040 / 5
  EXPECT_DOUBLE_EQ(d->median, 300.0);
  EXPECT_DOUBLE_EQ(d->p90, 708.0);
  EXPECT_DOUBLE_EQ(d->min, 180.0);
  EXPECT_DOUBLE_EQ(d->max, 900.0);
  EXPECT_FALSE(describe({}).has_value());
}

}  // namespace
}  // namespace shouwang::analytics
