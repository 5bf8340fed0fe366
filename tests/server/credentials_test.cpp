#include <gtest/gtest.h>

#include <set>

#include <shouwang/server/credentials.h>

namespace shouwang::server {
namespace {

TEST(Credentials, APasswordIsStoredAsAnArgon2idHashThatOnlyItMatches) {
  const auto hash = hash_password("值班长-2026!");
  ASSERT_TRUE(hash.ok()) << hash.error().message;
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u) << *hash;
  EXPECT_EQ(hash->find("值班长"), std::string::npos);
  EXPECT_TRUE(verify_password(*hash, "值班长-2026!"));
  EXPECT_FALSE(verify_password(*hash, "值班长-2026?"));
  EXPECT_FALSE(verify_password(*hash, ""));
  EXPECT_FALSE(needs_rehash(*hash));
}

TEST(Credentials, EachHashHasItsOwnSalt) {
  const auto a = hash_password("correct horse");
  const auto b = hash_password("correct horse");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(*a, *b);
  EXPECT_TRUE(verify_password(*b, "correct horse"));
}

TEST(Credentials, PasswordsOutsideTheLengthRulesAreRefused) {
  const auto short_one = hash_password("1234567");
  ASSERT_FALSE(short_one.ok());
  EXPECT_EQ(short_one.error().code, Errc::kInvalidArgument);
  EXPECT_EQ(short_one.error().field, "password");
  EXPECT_FALSE(hash_password(std::string(129, 'x')).ok());
  EXPECT_TRUE(check_password_rules(std::string(128, 'x')).ok());
}

TEST(Credentials, MalformedAndWeakerHashesAreHandled) {
  EXPECT_FALSE(verify_password("not a hash", "whatever1"));
  EXPECT_FALSE(verify_password(std::string(500, '$'), "whatever1"));
  EXPECT_TRUE(needs_rehash("$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA"));
}

TEST(Credentials, TokensAreRandomAndUrlSafe) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    const std::string token = random_token();
    ASSERT_EQ(token.size(), 43u);
    ASSERT_EQ(token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
              std::string::npos)
        << token;
    ASSERT_TRUE(seen.insert(token).second);
  }
  EXPECT_EQ(random_token(16).size(), 22u);
}

}  // namespace
}  // namespace shouwang::server
