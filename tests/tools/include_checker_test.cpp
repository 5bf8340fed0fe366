#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "include_checker.h"

namespace shouwang::tools {
namespace {

namespace fs = std::filesystem;

const char* kRules = R"(# test rules
base:
routing: base
store: base
cad: base routing store
server: base routing store cad
)";

class IncludeCheckerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("shouwang-includes-" + std::to_string(::getpid()));
    fs::remove_all(root_);
    write("include/shouwang/cad/incident.h", "#pragma once\n#include <shouwang/base/ids.h>\n#include <vector>\n");
    write("src/cad/incident.cpp", "#include <shouwang/cad/incident.h>\n#include \"cad/detail/x.h\"\n");
    write("src/server/api.cpp", "#include <shouwang/cad/incident.h>\n#include <boost/beast.hpp>\n");
    rules_ = parse_rules(kRules, "rules.txt").value();
  }
  void TearDown() override { fs::remove_all(root_); }
  void write(const std::string& rel, const std::string& text) {
    fs::create_directories((root_ / rel).parent_path());
    std::ofstream(root_ / rel) << text;
  }
  fs::path root_;
  ModuleRules rules_;
};

TEST_F(IncludeCheckerTest, CleanTreePasses) { EXPECT_TRUE(check_tree(root_, rules_).empty()); }

TEST_F(IncludeCheckerTest, CadIncludingServerFails) {
  write("src/cad/dispatch.cpp", "#include <shouwang/cad/incident.h>\n  #  include <shouwang/server/router.h>\n");
  const auto v = check_tree(root_, rules_);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].file, "src/cad/dispatch.cpp");
  EXPECT_EQ(v[0].line, 2);
  EXPECT_EQ(v[0].message, "cad must not include server headers (cad may use: base routing store)");
}

TEST_F(IncludeCheckerTest, PublicHeaderOfALowerModuleFails) {
  write("include/shouwang/base/bad.h", "#include <shouwang/routing/graph.h>\n");
  const auto v = check_tree(root_, rules_);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].message, "base must not include routing headers (base may use: nothing)");
}

TEST_F(IncludeCheckerTest, PrivateHeadersOfAnotherModuleFail) {
  write("src/server/peek.cpp", "#include \"cad/detail/x.h\"\n");
  const auto v = check_tree(root_, rules_);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_NE(v[0].message.find("must not include private headers of cad"), std::string::npos);
}

TEST(IncludeRules, BadRuleFilesNameTheLine) {
  const auto no_colon = parse_rules("base:\ncad base\n", "r.txt");
  ASSERT_FALSE(no_colon.ok());
  EXPECT_NE(no_colon.error().message.find("r.txt:2"), std::string::npos);
  const auto unknown = parse_rules("base:\ncad: base nosuch\n", "r.txt");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().message.find("nosuch"), std::string::npos);
  EXPECT_FALSE(parse_rules("base:\nbase:\n", "r.txt").ok());
}

TEST(IncludeRules, TheProjectRulesFileParsesAndFollowsTheDesign) {
  std::ifstream in(std::string(SHOUWANG_SOURCE_DIR) + "/tools/check_includes/module_rules.txt");
  std::stringstream text;
  text << in.rdbuf();
  const auto rules = parse_rules(text.str(), "module_rules.txt");
  ASSERT_TRUE(rules.ok()) << rules.error().message;
  EXPECT_EQ(rules->size(), 10u);
  EXPECT_TRUE(rules->at("base").empty());
  EXPECT_EQ(rules->at("cad"), (std::set<std::string>{"base", "routing", "store"}));
  EXPECT_EQ(rules->at("exchange"), (std::set<std::string>{"base", "store", "cad"}));
  EXPECT_EQ(rules->at("server").size(), 8u);
  // Briefings render what the server computes: report never includes the server or analytics.
  EXPECT_EQ(rules->at("report"), (std::set<std::string>{"base", "osm", "cad", "routing"}));
  // The simulation drives the server from outside, over HTTP and MQTT: it never includes it.
  EXPECT_EQ(rules->at("sim"), (std::set<std::string>{"base", "routing", "osm", "store", "cad"}));
}

}  // namespace
}  // namespace shouwang::tools
