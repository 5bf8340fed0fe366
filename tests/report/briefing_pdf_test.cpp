// The bulletin printed to PDF by headless chromium, its pages rendered to PNG images by
// poppler, and checked the way a reader would: the title is the first line, a chart is on
// the first page in its colours, and a table is there with its header and rows — in
// zh-CN and in en.

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <sstream>
#include <string>
#include <unistd.h>

#include <gtest/gtest.h>

#include <shouwang/base/child_process.h>
#include <shouwang/report/briefing_report.h>

#include "report/png_image.h"
#include "report/sample_briefing.h"
#include "report/svg_chart.h"

namespace shouwang::report {
namespace {

namespace fs = std::filesystem;

using testing::Rgb;

Rgb hex(std::string_view colour) {
  const auto part = [&](std::size_t at) {
    return std::stoi(std::string(colour.substr(at, 2)), nullptr, 16);
  };
  return {part(1), part(3), part(5)};
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class BriefingPdf : public ::testing::TestWithParam<Language> {
 protected:
  void SetUp() override {
    chromium_ = find_chromium();
    pdftoppm_ = find_program("pdftoppm");
    pdftotext_ = find_program("pdftotext");
    if (chromium_.empty() || pdftoppm_.empty() || pdftotext_.empty()) {
      const std::string why =
          "needs chromium and poppler-utils (scripts/install-deps.sh installs both); missing: " +
          std::string(chromium_.empty() ? "chromium " : "") +
          (pdftoppm_.empty() || pdftotext_.empty() ? "pdftoppm/pdftotext" : "");
      std::cerr << "SKIPPED: " << why << "\n";
      GTEST_SKIP() << why;
    }
    dir_ = fs::temp_directory_path() / ("shouwang-pdf-test-" + std::to_string(::getpid()) + "-" +
                                        (GetParam() == Language::kZh ? "zh" : "en"));
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    if (!dir_.empty())
      fs::remove_all(dir_, ec);
  }

  int run(std::vector<std::string> args) {
    const auto status =
        run_program({std::move(args), dir_ / "tool.log", std::chrono::seconds(120)});
    EXPECT_TRUE(status.ok());
    return status.ok() ? *status : -1;
  }

  std::string chromium_, pdftoppm_, pdftotext_;
  fs::path dir_;
};

TEST_P(BriefingPdf, PagesShowTheTitleAChartAndATable) {
  const Language language = GetParam();
  const bool zh = language == Language::kZh;
  BriefingContext context;
  context.language = language;
  context.centre_name = zh ? "守望市公安局" : "Shouwang City PSB";
  const auto html = render_briefing_html(testing::sample_briefing(), context);
  ASSERT_TRUE(html.ok());
  const fs::path page = dir_ / "briefing.html";
  std::ofstream(page) << *html;
  const fs::path pdf = dir_ / "briefing.pdf";
  const Status printed = print_pdf(page, pdf, chromium_);
  ASSERT_TRUE(printed.ok()) << printed.error().message;

  // The text of page 1: the title first, then the period; a table's header and a row.
  ASSERT_EQ(
      run({pdftotext_, "-layout", "-f", "1", "-l", "1", pdf.string(), (dir_ / "p1.txt").string()}),
      0);
  const std::string text = read_file(dir_ / "p1.txt");
  std::istringstream lines(text);
  std::string first;
  while (std::getline(lines, first) && first.find_first_not_of(" \t\f") == std::string::npos) {
  }
  const std::string title = zh ? "守望市公安局110警情日报" : "Shouwang City PSB — 110 Daily";
  EXPECT_NE(first.find(title), std::string::npos) << "first line: " << first;
  const std::regex header(zh ? "类别\\s+本期\\s+去年同期\\s+同比\\s+上期\\s+环比"
                             : "Group\\s+This period\\s+Last year\\s+YoY\\s+Previous\\s+PoP");
  EXPECT_TRUE(std::regex_search(text, header)) << text;
  const std::regex row(zh ? "刑事\\s+31\\s+40\\s+-22\\.50%\\s+32\\s+-3\\.1\\d%"
                          : "Criminal\\s+31\\s+40\\s+-22\\.50%\\s+32\\s+-3\\.1\\d%");
  EXPECT_TRUE(std::regex_search(text, row)) << text;

  // The image of page 1: the groups chart's bars in both series' colours, the table's
  // header band, and the red masthead rule.
  ASSERT_EQ(run({pdftoppm_, "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf.string(),
                 (dir_ / "p1").string()}),
            0);
  std::string why;
  const auto png = testing::read_png(dir_ / "p1.png", &why);
  ASSERT_TRUE(png.has_value()) << why;
  const testing::PngImage& image = *png;
  ASSERT_GT(image.width, 400);
  EXPECT_GT(image.count_near(hex(detail::kCurrentColour), 10), 400U) << "the current bars";
  EXPECT_GT(image.count_near(hex(detail::kLastYearColour), 10), 300U) << "last year's bars";
  EXPECT_GT(image.count_near(hex("#e9eef5"), 4), 1000U) << "a table header";
  EXPECT_GT(image.count_near(hex("#b00000"), 25), 300U) << "the title and its rule";

  // Every page renders: the map page too.
  ASSERT_EQ(run({pdftoppm_, "-png", "-r", "20", pdf.string(), (dir_ / "all").string()}), 0);
  std::size_t pages = 0;
  for (const auto& e : fs::directory_iterator(dir_)) {
    if (!e.path().filename().string().starts_with("all"))
      continue;
    ++pages;
    const auto page_image = testing::read_png(e.path(), &why);
    ASSERT_TRUE(page_image.has_value()) << e.path() << ": " << why;
    EXPECT_NEAR(page_image->width, 165, 2) << "A4 at 20 dpi";
  }
  EXPECT_GE(pages, 2U);
}

INSTANTIATE_TEST_SUITE_P(Languages, BriefingPdf, ::testing::Values(Language::kZh, Language::kEn),
                         [](const ::testing::TestParamInfo<Language>& language) {
                           return language.param == Language::kZh ? std::string("zh_CN")
                                                                  : std::string("en");
                         });

}  // namespace
}  // namespace shouwang::report
