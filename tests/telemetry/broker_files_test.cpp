#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>

#include <shouwang/server/telemetry/broker_files.h>

#include "telemetry/telemetry_testing.h"

namespace shouwang::server::telemetry {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

std::string read(const fs::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

BrokerSetup a_setup() {
  BrokerSetup setup;
  setup.port = 18830;
  setup.server.password = "server-secret";
  setup.units = {{"A-01", "pw-a01"}, {"B-02", "pw:b02"}};
  return setup;
}

// What `mosquitto_passwd -b FILE A-01 secret123` wrote with its random salt.
TEST(BrokerFiles, TheHashIsMosquittoPasswdsFormat) {
  const std::string salt("\xf6\xd6\x1a\x3d\xea\x2a\x9d\xf2\x76\x1b\x61\xc5", 12);
  EXPECT_EQ(mosquitto_password_hash("secret123", salt, 101),
            "$7$101$9tYaPeoqnfJ2G2HF$+TjsbE1DzgH93/Jz+mULODHUktDv7uBJ5AYPsfkInrzEZeajXNHyMo6mL9SVyPJmZmPss8L9KNNXMTL/"
            "pew1/A==");
}

TEST(BrokerFiles, EachHashHasAFreshSalt) {
  const std::regex shape(R"(\$7\$1000\$[A-Za-z0-9+/]{16}\$[A-Za-z0-9+/]{86}==)");
  const std::string a = mosquitto_password_hash("same", 1000);
  const std::string b = mosquitto_password_hash("same", 1000);
  EXPECT_TRUE(std::regex_match(a, shape)) << a;
  EXPECT_TRUE(std::regex_match(b, shape)) << b;
  EXPECT_NE(a, b);
}

TEST(BrokerFiles, TheFilesNameEveryAccountAndTheRules) {
  TempDir dir("broker");
  const auto files = write_broker_files(dir.path(), a_setup());
  ASSERT_TRUE(files.ok()) << files.error().to_string();

  const std::string passwords = read(files->passwords);
  EXPECT_TRUE(std::regex_search(passwords, std::regex(R"((^|\n)shouwang\.server:\$7\$1000\$)"))) << passwords;
  EXPECT_TRUE(std::regex_search(passwords, std::regex(R"(\nA-01:\$7\$1000\$)"))) << passwords;
  EXPECT_TRUE(std::regex_search(passwords, std::regex(R"(\nB-02:\$7\$1000\$)"))) << passwords;
  EXPECT_EQ(passwords.find("pw-a01"), std::string::npos);

  const std::string acl = read(files->acl);
  EXPECT_NE(acl.find("pattern write shouwang/units/%u/position\n"), std::string::npos) << acl;
  EXPECT_NE(acl.find("user shouwang.server\ntopic read shouwang/units/+/position\n"), std::string::npos) << acl;

  const std::string conf = read(files->config);
  EXPECT_NE(conf.find("listener 18830 127.0.0.1\n"), std::string::npos) << conf;
  EXPECT_NE(conf.find("allow_anonymous false\n"), std::string::npos);
  EXPECT_NE(conf.find("password_file " + files->passwords.string() + "\n"), std::string::npos);
  EXPECT_NE(conf.find("acl_file " + files->acl.string() + "\n"), std::string::npos);
  EXPECT_NE(conf.find("persistence false\n"), std::string::npos);
  EXPECT_EQ(conf.find("\nuser "), std::string::npos);  // Mosquitto's default

  const auto owner_only = fs::perms::owner_read | fs::perms::owner_write;
  EXPECT_EQ(fs::status(files->passwords).permissions(), owner_only);
  EXPECT_EQ(fs::status(files->acl).permissions(), owner_only);
  EXPECT_FALSE(fs::exists(files->passwords.string() + ".partial"));
}

TEST(BrokerFiles, RewritingReplacesTheFiles) {
  TempDir dir("broker");
  ASSERT_TRUE(write_broker_files(dir.path(), a_setup()).ok());
  BrokerSetup fewer = a_setup();
  fewer.units.pop_back();
  fewer.run_as_user = "root";
  const auto files = write_broker_files(dir.path(), fewer);
  ASSERT_TRUE(files.ok());
  EXPECT_EQ(read(files->passwords).find("B-02:"), std::string::npos);
  EXPECT_NE(read(files->config).find("\nuser root\n"), std::string::npos);
}

TEST(BrokerFiles, BadAccountsAndSettingsAreNamed) {
  TempDir dir("broker");
  auto refused = [&](auto change) {
    BrokerSetup setup = a_setup();
    change(setup);
    const auto files = write_broker_files(dir.path(), setup);
    if (files.ok()) return std::string("(accepted)");
    EXPECT_EQ(files.error().code, Errc::kInvalidArgument);
    return files.error().field;
  };
  EXPECT_EQ(refused([](BrokerSetup& s) { s.units[1].username = "B 02"; }), "units[1].username");
  EXPECT_EQ(refused([](BrokerSetup& s) { s.units[1].username = "+"; }), "units[1].username");
  EXPECT_EQ(refused([](BrokerSetup& s) { s.units[1].username = "A-01"; }), "units[1].username");
  EXPECT_EQ(refused([](BrokerSetup& s) { s.units[0].password = ""; }), "units[0].password");
  EXPECT_EQ(refused([](BrokerSetup& s) { s.units[0].password = "two\nlines"; }), "units[0].password");
  EXPECT_EQ(refused([](BrokerSetup& s) { s.server.password = ""; }), "server.password");
  EXPECT_EQ(refused([](BrokerSetup& s) { s.server.username = "srv:1"; }), "server.username");
  EXPECT_EQ(refused([](BrokerSetup& s) { s.server.username = "A-01"; }), "units[0].username");
  EXPECT_EQ(refused([](BrokerSetup& s) { s.port = 0; }), "port");
  EXPECT_EQ(refused([](BrokerSetup& s) { s.pbkdf2_iterations = 0; }), "pbkdf2_iterations");
  EXPECT_EQ(refused([](BrokerSetup& s) { s.units.clear(); }), "(accepted)");
}

}  // namespace
}  // namespace shouwang::server::telemetry
