#include <gtest/gtest.h>

#include <set>
#include <string>

#include <shouwang/base/result.h>

namespace shouwang {
namespace {

Result<int> parse_positive(int v) {
  if (v <= 0) return Error(Errc::kInvalidArgument, "must be positive", "v");
  return v;
}

TEST(Result, CarriesValueOrError) {
  const auto good = parse_positive(3);
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 3);
  const auto bad = parse_positive(-1);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, Errc::kInvalidArgument);
  EXPECT_EQ(bad.error().field, "v");
  EXPECT_EQ(bad.value_or(9), 9);
  EXPECT_EQ(bad.error().to_string(), "invalid_argument: must be positive (field: v)");
}

TEST(Result, StatusIsOkByDefault) {
  Status s;
  EXPECT_TRUE(s.ok());
  Status failed = Error(Errc::kNotFound, "no such unit");
  EXPECT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().message, "no such unit");
}

TEST(Errc, NamesAreUniqueAndStatusesFit) {
  const Errc all[] = {Errc::kInvalidArgument, Errc::kOutOfRange,      Errc::kNotFound,
                      Errc::kAlreadyExists,   Errc::kConflict,        Errc::kInvalidTransition,
                      Errc::kUnauthenticated, Errc::kPermissionDenied, Errc::kIoError,
                      Errc::kCorrupt,         Errc::kUnavailable,     Errc::kInternal};
  std::set<std::string> names;
  for (Errc e : all) names.insert(std::string(errc_name(e)));
  EXPECT_EQ(names.size(), std::size(all));
  EXPECT_EQ(errc_http_status(Errc::kInvalidArgument), 400);
  EXPECT_EQ(errc_http_status(Errc::kUnauthenticated), 401);
  EXPECT_EQ(errc_http_status(Errc::kPermissionDenied), 403);
  EXPECT_EQ(errc_http_status(Errc::kNotFound), 404);
  EXPECT_EQ(errc_http_status(Errc::kInvalidTransition), 409);
  EXPECT_EQ(errc_http_status(Errc::kCorrupt), 500);
  EXPECT_EQ(errc_http_status(Errc::kUnavailable), 503);
}

}  // namespace
}  // namespace shouwang
