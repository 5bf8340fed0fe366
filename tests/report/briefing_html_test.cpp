// The bulletin page and workbook made from a briefing written by hand: the title and the
// sections in bulletin order, the figures as a reader sees them, the charts, escaping,
// both languages complete, and the XLSX holding numbers as numbers.

#include <filesystem>
#include <regex>
#include <string>
#include <zip.h>

#include <gtest/gtest.h>

#include <shouwang/report/briefing_report.h>

#include "report/sample_briefing.h"
#include "report/svg_chart.h"
#include "report/words.h"

namespace shouwang::report {
namespace {

using nlohmann::json;

std::string render(Language language, const json& briefing = testing::sample_briefing()) {
  BriefingContext context;
  context.language = language;
  context.centre_name = language == Language::kZh ? "守望市公安局" : "Shouwang PSB";
  context.generated_at = "2026-11-23 08:00";
  auto html = render_briefing_html(briefing, context);
  EXPECT_TRUE(html.ok()) << (html.ok() ? "" : html.error().message);
  return html.ok() ? *html : std::string();
}

std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    ++n;
  return n;
}

// The text of the table element with data-table="id".
std::string table_of(const std::string& html, const std::string& id) {
  const std::size_t begin = html.find("<table data-table=\"" + id + "\"");
  if (begin == std::string::npos)
    return {};
  return html.substr(begin, html.find("</table>", begin) - begin);
}

TEST(BriefingHtml, TheChinesePageReadsLikeABulletin) {
  const std::string html = render(Language::kZh);
  EXPECT_NE(html.find("<h1 data-testid=\"title\">守望市公安局110警情日报</h1>"), std::string::npos);
  EXPECT_NE(html.find("<p class=\"period\">2026年11月22日</p>"), std::string::npos);
  // The sections in bulletin order, numbered in Chinese.
  std::size_t at = 0;
  for (const char* heading :
       {"一、警情总体情况", "二、分类警情", "三、分时段警情", "四、主要警情类别", "五、辖区警情",
        "六、出警时效", "七、到场时效排名", "八、警情热点", "九、连续零刑事发案", "十、平安指数",
        "十一、预警提示"}) {
    const std::size_t found = html.find(heading, at);
    ASSERT_NE(found, std::string::npos) << heading;
    at = found;
  }
  // The headline sentence with 同比 and 环比 as a bulletin says them.
  EXPECT_NE(
      html.find("全市共接报警情212起，同比上升6.00%（去年同期200起），环比下降3.64%（上期220起）"),
      std::string::npos);
  EXPECT_NE(html.find("其中刑事警情31起，同比下降22.50%"), std::string::npos);
  EXPECT_NE(html.find("接警至到场中位时间5:43"), std::string::npos);
  // Groups: eight rows and the total, fire against no base is 新增.
  const std::string groups = table_of(html, "groups");
  EXPECT_EQ(count_of(groups, "<tr"), 1U + 8U + 1U);
  EXPECT_NE(groups.find("<td>两抢一盗</td>"), std::string::npos);
  EXPECT_NE(groups.find("<td class=\"num\">新增</td>"), std::string::npos);
  EXPECT_NE(groups.find("<tr class=\"total\"><td>合计</td><td class=\"num\">212</td>"),
            std::string::npos);
  // Response: durations as minutes and seconds, shares as percentages.
  const std::string response = table_of(html, "response");
  EXPECT_NE(response.find(
                "<td>P1</td><td class=\"num\">30</td><td class=\"num\">5:10</td><td "
                "class=\"num\">4:50</td><td class=\"num\">7:15</td><td class=\"num\">5.0%</td>"),
            std::string::npos)
      << response;
  EXPECT_NE(html.find("出警时效不含民警巡查发现的警情"), std::string::npos);
  // The sign-for buckets: 150 of 200 within 30 s.
  const std::string sign_for = table_of(html, "sign_for");
  EXPECT_NE(
      sign_for.find("<td>0:00–0:30</td><td class=\"num\">150</td><td class=\"num\">75.0%</td>"),
      std::string::npos)
      << sign_for;
  EXPECT_NE(table_of(html, "streaks").find("<td class=\"num\">43</td>"), std::string::npos);
  EXPECT_NE(table_of(html, "alarms").find("治安警情同比上升40.00%（30→42起），请关注。"),
            std::string::npos);
  EXPECT_NE(html.find("生成时间：2026-11-23 08:00"), std::string::npos);
}

TEST(BriefingHtml, ChartsAreDrawnWithTheirFigures) {
  const std::string html = render(Language::kZh);
  EXPECT_EQ(count_of(html, "<svg "), 4U) << "groups, trend, league, hotspots";
  // Groups: one bar per group and series, the current bars in the current colour.
  const std::size_t groups = html.find("<svg ", html.find("二、分类警情"));
  const std::string chart = html.substr(groups, html.find("</svg>", groups) - groups);
  EXPECT_EQ(count_of(chart, "data-series=\"0\""), 8U);
  EXPECT_EQ(count_of(chart, "data-series=\"1\""), 8U);
  EXPECT_NE(chart.find(std::string("fill=\"") + std::string(detail::kCurrentColour)),
            std::string::npos);
  EXPECT_NE(chart.find(">60</text>"), std::string::npos) << "the value over the assistance bar";
  // The trend: three lines over 24 hours.
  const std::size_t trend = html.find("<svg ", html.find("三、分时段警情"));
  const std::string line = html.substr(trend, html.find("</svg>", trend) - trend);
  EXPECT_EQ(count_of(line, "<polyline"), 3U);
  // The map: three cells shaded, the busiest darkest, numbered.
  const std::size_t map = html.find("<svg ", html.find("八、警情热点"));
  const std::string cells = html.substr(map, html.find("</svg>", map) - map);
  EXPECT_EQ(count_of(cells, "data-count="), 3U);
  EXPECT_NE(cells.find("fill=\"#b30000\" data-count=\"14\""), std::string::npos);
  EXPECT_EQ(count_of(cells, "<circle"), 3U);
}

TEST(BriefingHtml, NamesAreEscaped) {
  const std::string html = render(Language::kZh);
  EXPECT_NE(html.find("S&lt;1&gt;"), std::string::npos);
  EXPECT_EQ(html.find("S<1>"), std::string::npos);
}

TEST(BriefingHtml, TheEnglishPageHasNoChineseAndNoKeys) {
  const std::string html = render(Language::kEn);
  EXPECT_NE(html.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(html.find("Shouwang PSB — 110 Daily Briefing"), std::string::npos);
  EXPECT_NE(html.find("22 November 2026"), std::string::npos);
  EXPECT_NE(html.find("the city recorded 212, up 6.00% on the same period last year (200)"),
            std::string::npos);
  EXPECT_NE(html.find("11. Alarms"), std::string::npos);
  // No CJK ideograph (U+4E00..U+9FFF: UTF-8 lead bytes E4..E9) anywhere in the page.
  for (std::size_t i = 0; i < html.size(); ++i) {
    const auto c = static_cast<unsigned char>(html[i]);
    ASSERT_FALSE(c >= 0xE4 && c <= 0xE9)
        << "Chinese in the English page near: " << html.substr(i > 60 ? i - 60 : 0, 120);
  }
  // Every word was found: no key of the word table is printed as such.
  for (const std::string& page : {html, render(Language::kZh)}) {
    const std::regex key(
        R"((section|col|kpi|note|part|alarm|chart|row|group|kind|footer|sheet)\.[a-z_0-9]+)");
    std::smatch m;
    EXPECT_FALSE(std::regex_search(page, m, key)) << "untranslated: " << m.str();
  }
}

TEST(BriefingHtml, EveryWordHasBothLanguages) {
  for (const std::string_view key : detail::word_keys()) {
    EXPECT_FALSE(detail::word(Language::kZh, key).empty()) << key;
    EXPECT_FALSE(detail::word(Language::kEn, key).empty()) << key;
  }
}

TEST(BriefingHtml, AMissingSectionIsNamed) {
  json briefing = testing::sample_briefing();
  briefing.erase("league");
  BriefingContext context;
  const auto html = render_briefing_html(briefing, context);
  ASSERT_FALSE(html.ok());
  EXPECT_EQ(html.error().code, Errc::kInvalidArgument);
  EXPECT_EQ(html.error().field, "league");
}

TEST(BriefingHtml, AStationsBriefingNamesItAndHasNoAreaTable) {
  json briefing = testing::sample_briefing();
  briefing["scope"] = {{"level", "station"}, {"code", "S2"}};
  briefing["areas"] = json::array();
  const std::string html = render(Language::kZh, briefing);
  EXPECT_NE(html.find("守望市公安局110警情日报（S2）"), std::string::npos);
  EXPECT_EQ(html.find("辖区警情"), std::string::npos);
  EXPECT_NE(html.find("五、出警时效"), std::string::npos) << "the sections renumbered";
}

// ---- XLSX ----

std::string entry(zip_t* archive, const std::string& name) {
  zip_stat_t st;
  if (zip_stat(archive, name.c_str(), 0, &st) != 0)
    return {};
  zip_file_t* file = zip_fopen(archive, name.c_str(), 0);
  std::string text(st.size, '\0');
  zip_fread(file, text.data(), st.size);
  zip_fclose(file);
  return text;
}

TEST(BriefingXlsx, SheetsHoldTheTablesWithNumbersAsNumbers) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("briefing-test-" + std::to_string(::getpid()) + ".xlsx");
  BriefingContext context;
  context.language = Language::kZh;
  ASSERT_TRUE(write_briefing_xlsx(testing::sample_briefing(), context, path).ok());
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, &error);
  ASSERT_NE(archive, nullptr) << "not a zip archive";
  const std::string workbook = entry(archive, "xl/workbook.xml");
  for (const char* sheet : {"警情总体情况", "分类警情", "分时段警情", "出警时效", "签收用时分布",
                            "警情热点", "预警提示"})
    EXPECT_NE(workbook.find(std::string("name=\"") + sheet + "\""), std::string::npos) << sheet;
  // Sheet 2 is the groups: the current count of the criminal group is a number cell, the
  // 同比 change a number with a percent format.
  const std::string groups = entry(archive, "xl/worksheets/sheet2.xml");
  EXPECT_NE(groups.find("<v>31</v>"), std::string::npos) << groups.substr(0, 2000);
  EXPECT_NE(groups.find("<v>-0.225</v>"), std::string::npos);
  EXPECT_NE(entry(archive, "xl/sharedStrings.xml").find("两抢一盗"), std::string::npos);
  EXPECT_FALSE(entry(archive, "xl/charts/chart1.xml").empty()) << "the groups chart";
  EXPECT_NE(entry(archive, "xl/styles.xml").find("[m]:ss"), std::string::npos);
  zip_close(archive);
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace shouwang::report
