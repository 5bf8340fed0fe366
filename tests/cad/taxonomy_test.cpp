#include <set>
#include <string>

#include <gtest/gtest.h>

#include <shouwang/cad/taxonomy.h>

#include "cad/cad_fixture.h"

namespace shouwang::cad {
namespace {

const std::string kHeader = "code\tname_zh\tname_en\tcommon_code\tpriority\tcapabilities\tgroups\n";

Error parse_error(const std::string& rows) {
  auto parsed = IncidentTypes::parse(kHeader + rows, "types.tsv");
  EXPECT_FALSE(parsed.ok());
  return parsed.ok() ? Error() : parsed.error();
}

TEST(Taxonomy, ShippedTaxonomyLoadsWithEnoughTypesAndEveryReportingGroup) {
  const Taxonomy& taxonomy = testing::shipped_taxonomy();
  EXPECT_GE(taxonomy.types.size(), 60u);
  EXPECT_GE(taxonomy.dispositions.size(), 10u);
  std::set<ReportingGroup> groups;
  std::set<std::string> common_codes;
  int deepest = 0;
  for (const auto& type : taxonomy.types.all()) {
    groups.insert(type.groups.begin(), type.groups.end());
    EXPECT_TRUE(common_codes.insert(type.common_code).second) << "duplicate " << type.common_code;
    deepest = std::max(deepest, type.level);
    EXPECT_FALSE(type.name_zh.empty());
    EXPECT_FALSE(type.name_en.empty());
  }
  EXPECT_EQ(groups.size(), all_reporting_groups().size());
  EXPECT_EQ(deepest, kMaxTypeLevel);
}

TEST(Taxonomy, HierarchyAndInheritedGroups) {
  const IncidentTypes& types = testing::shipped_taxonomy().types;
  const auto chain = types.path("010501");
  ASSERT_EQ(chain.size(), 3u);
  EXPECT_EQ(chain[0]->name_zh, "刑事");
  EXPECT_EQ(chain[1]->name_zh, "盗窃");
  EXPECT_EQ(chain[2]->name_zh, "入室盗窃");
  EXPECT_EQ(chain[2]->common_code, "LAW.BURGLARY.RESIDENTIAL");
  EXPECT_TRUE(types.in_group("010501", ReportingGroup::kRobberySnatchingTheft));
  EXPECT_TRUE(types.in_group("010501", ReportingGroup::kCriminal));
  EXPECT_FALSE(types.in_group("010501", ReportingGroup::kTelecomFraud));
  EXPECT_TRUE(types.in_group("01060101", ReportingGroup::kTelecomFraud));
  EXPECT_TRUE(types.in_group("01060101", ReportingGroup::kCriminal));
  EXPECT_FALSE(types.children("0105").empty());
  EXPECT_EQ(types.find("99"), nullptr);
  EXPECT_TRUE(types.path("99").empty());
}

TEST(Taxonomy, ErrorsNameFileLineAndField) {
  struct Case {
    std::string rows;
    std::string field;
    std::string line;
  };
  const Case cases[] = {
      {"01\t刑事\tCriminal\tLAW\t5\tpatrol\tcriminal\n", "priority", "line 2"},
      {"01\t刑事\tCriminal\tLAW\t2\tpatrol\tcriminal\n0101\t杀人\tHomicide\tlaw\t1\t-\t-\n",
       "common_code", "line 3"},
      {"0101\t杀人\tHomicide\tLAW.X\t1\t-\t-\n", "code", "line 2"},
      {"01\t刑事\tCriminal\tLAW\t2\tpatrol\tcrime\n", "groups", "line 2"},
      {"01\t刑事\tCriminal\tLAW\t2\tPatrol\t-\n", "capabilities", "line 2"},
      {"# comment\n01\t刑事\tCriminal\tLAW\t2\tpatrol\n", "groups", "line 3"},
      {"01\t\tCriminal\tLAW\t2\tpatrol\t-\n", "name_zh", "line 2"},
      {"01\t刑事\tCriminal\tLAW\t2\t-\t-\n01\t刑事\tCriminal\tLAW2\t2\t-\t-\n", "code", "line 3"},
      {"123\tx\ty\tZ\t2\t-\t-\n", "code", "line 2"},
  };
  for (const auto& c : cases) {
    const Error e = parse_error(c.rows);
    EXPECT_EQ(e.code, Errc::kInvalidArgument) << c.rows;
    EXPECT_EQ(e.field, c.field) << e.message;
    EXPECT_NE(e.message.find("types.tsv " + c.line + ", field " + c.field), std::string::npos)
        << e.message;
  }
}

TEST(Taxonomy, WrongHeaderAndMissingFilesAreReported) {
  const auto bad_header = IncidentTypes::parse("code\tname\n01\tx\n", "t.tsv");
  ASSERT_FALSE(bad_header.ok());
  EXPECT_EQ(bad_header.error().field, "header");
  EXPECT_NE(bad_header.error().message.find("t.tsv line 1"), std::string::npos);

  const auto missing = load_taxonomy(testing::source_dir() / "no-such-dir");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, Errc::kIoError);
  EXPECT_NE(missing.error().message.find("incident_types.tsv"), std::string::npos);

  const auto dispositions = DispositionCodes::parse(
      "code\tname_zh\tname_en\tcommon_code\n10\t立案\tCase\tCASE\n10\t又\tAgain\tAGAIN\n", "d.tsv");
  ASSERT_FALSE(dispositions.ok());
  EXPECT_NE(dispositions.error().message.find("d.tsv line 3, field code"), std::string::npos);
}

}  // namespace
}  // namespace shouwang::cad
