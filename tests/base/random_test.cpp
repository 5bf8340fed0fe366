#include <gtest/gtest.h>

#include <array>
#include <cmath>

#include <shouwang/base/random.h>

namespace shouwang {
namespace {

TEST(Rng, SameSeedSameSequenceOtherSeedOther) {
  Rng a(7), b(7), c(8);
  bool differs = false;
  for (int i = 0; i < 100; ++i) {
    const auto x = a.next_u64();
    EXPECT_EQ(x, b.next_u64());
    differs = differs || x != c.next_u64();
  }
  EXPECT_TRUE(differs);
}

TEST(Rng, UniformIntStaysInRangeAndIsEven) {
  Rng rng(42);
  std::array<int, 10> counts{};
  constexpr int kDraws = 100'000;
  for (int i = 0; i < kDraws; ++i) {
    const auto v = rng.uniform_int(-3, 6);
    ASSERT_GE(v, -3);
    ASSERT_LE(v, 6);
    ++counts[static_cast<std::size_t>(v + 3)];
  }
  // Chi-square with 9 degrees of freedom: 27.9 is the 0.1 % critical value.
  double chi2 = 0.0;
  for (int c : counts) chi2 += (c - kDraws / 10.0) * (c - kDraws / 10.0) / (kDraws / 10.0);
  EXPECT_LT(chi2, 27.9);
}

TEST(Rng, Uniform01AndNormalHaveTheRightMoments) {
  Rng rng(3);
  double sum = 0, sum_n = 0, sum_n2 = 0;
  constexpr int kDraws = 200'000;
  for (int i = 0; i < kDraws; ++i) {
    const double u = rng.uniform01();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    sum += u;
    const double n = rng.normal(10.0, 2.0);
    sum_n += n;
    sum_n2 += n * n;
  }
  EXPECT_NEAR(sum / kDraws, 0.5, 0.005);
  const double mean = sum_n / kDraws;
  EXPECT_NEAR(mean, 10.0, 0.03);
  EXPECT_NEAR(std::sqrt(sum_n2 / kDraws - mean * mean), 2.0, 0.03);
}

TEST(Rng, ForksAreStableAndIndependent) {
  const Rng parent(99);
  Rng f1 = parent.fork(1), f1_again = parent.fork(1), f2 = parent.fork(2);
  const auto x = f1.next_u64();
  EXPECT_EQ(x, f1_again.next_u64());
  EXPECT_NE(x, f2.next_u64());
}

TEST(Rng, SequenceIsPinnedAcrossPlatforms) {
  // xoshiro256** seeded through splitmix64: these values must never change, or every
  // generated demo city changes with them. The expected values come from an independent
  // implementation of the published algorithms.
  Rng rng(1);
  const std::uint64_t first = rng.next_u64();
  const std::uint64_t second = rng.next_u64();
  Rng again(1);
  EXPECT_EQ(again.next_u64(), first);
  EXPECT_EQ(first, 0xb3f2af6d0fc710c5ULL);
  EXPECT_EQ(second, 0x853b559647364ceaULL);
}

}  // namespace
}  // namespace shouwang
