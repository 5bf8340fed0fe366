// The bulletin as one self-contained HTML page (briefing_report.h): A4, print-ready, the
// charts inline as SVG.

#include <cmath>

#include <nlohmann/json.hpp>

#include <shouwang/base/text.h>
#include <shouwang/report/briefing_report.h>

#include "report/briefing_tables.h"
#include "report/svg_chart.h"
#include "report/words.h"

namespace shouwang::report {
namespace {

using nlohmann::json;
using namespace detail;

constexpr std::string_view kStyle = R"css(
@page { size: A4; margin: 16mm 14mm 16mm 14mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Noto Sans", "DejaVu Sans", sans-serif; color: #1a1a1a;
       font-size: 10.5pt; line-height: 1.5; margin: 0 auto; max-width: 182mm; }
header.masthead { text-align: center; border-bottom: 3px solid #b00000; padding-bottom: 6px;
                  margin-bottom: 4px; }
header.masthead h1 { font-family: "Noto Serif CJK SC", "Noto Serif", serif; color: #b00000;
                     font-size: 21pt; letter-spacing: 0.04em; margin: 8px 0 4px; }
header.masthead .period { font-size: 11.5pt; margin: 0; }
.rule { border-top: 1px solid #b00000; margin: 0 0 12px; }
section { margin: 0 0 12px; }
section h2 { font-family: "Noto Serif CJK SC", "Noto Serif", serif; font-size: 13pt;
             margin: 12px 0 6px; break-after: avoid; }
section p { margin: 0 0 6px; text-align: justify; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 8px; font-size: 9pt;
        break-inside: auto; }
th, td { border: 1px solid #8c8c8c; padding: 2px 5px; }
th { background: #e9eef5; font-weight: 600; text-align: center; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total td { font-weight: 700; background: #f4f4f4; }
tr { break-inside: avoid; }
figure { margin: 4px 0 8px; break-inside: avoid; }
.lead { break-inside: avoid; break-after: avoid; }
svg.chart { max-width: 100%; height: auto; font-size: 11px; }
svg.chart text.axis, svg.chart text.category { fill: #444; }
svg.chart text.value { fill: #1a1a1a; font-weight: 600; }
svg.chart text.marker { fill: #b00000; font-weight: 700; font-size: 10px; }
.notes { border-top: 1px solid #aaa; margin-top: 14px; padding-top: 6px; font-size: 8.5pt;
         color: #444; }
.notes p { margin: 0 0 3px; }
.alarm td:first-child { color: #b00000; font-weight: 700; white-space: nowrap; }
@media screen { body { padding: 16px; } }
)css";

std::string esc(std::string_view text) {
  return escape_markup(text);
}

std::string table_html(const Table& t) {
  std::string out = "<table data-table=\"" + esc(t.id) + "\"" +
                    (t.id == "alarms" ? " class=\"alarm\"" : "") + "><thead><tr>";
  for (const std::string& h : t.header)
    out += "<th>" + esc(h) + "</th>";
  out += "</tr></thead><tbody>";
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const bool total = t.total_row && r + 1 == t.rows.size();
    out += total ? "<tr class=\"total\">" : "<tr>";
    for (const Cell& cell : t.rows[r])
      out += cell.format == CellFormat::kText ? "<td>" + esc(cell.text) + "</td>"
                                              : "<td class=\"num\">" + esc(cell.text) + "</td>";
    out += "</tr>";
  }
  return out + "</tbody></table>";
}

std::vector<double> numbers(const json& values) {
  std::vector<double> out;
  for (const json& v : values)
    out.push_back(v.is_number() ? v.get<double>() : std::nan(""));  // null: no such position
  return out;
}

std::string series_name(Language l, std::string_view key) {
  return std::string(word(l, key));
}

std::string groups_chart(const json& b, const BriefingContext& c, const std::string& title) {
  CategoryChart chart;
  chart.title = title;
  Series current{series_name(c.language, "chart.current"), kCurrentColour, {}};
  Series last_year{series_name(c.language, "chart.last_year"), kLastYearColour, {}};
  for (const json& row : b["groups"]) {
    chart.categories.push_back(group_name(c.language, row["key"][0].get<std::string>()));
    current.values.push_back(row["current"].get<double>());
    last_year.values.push_back(row["last_year"].get<double>());
  }
  // English names are long: the chart grows wider than the page and scales down.
  if (c.language == Language::kEn)
    chart.width = 900;
  chart.series = {std::move(current), std::move(last_year)};
  return bar_chart(chart);
}

std::string trend_chart(const json& b, const BriefingContext& c, const std::string& title) {
  const json& tr = b["trend"];
  CategoryChart chart;
  chart.title = title;
  for (const json& label : tr["labels"]) {
    const std::string text = label;
    chart.categories.push_back(tr["unit"] == "hour" ? text : text.substr(5));  // "11-22"
  }
  chart.series = {
      {series_name(c.language, "chart.current"), kCurrentColour, numbers(tr["current"])},
      {series_name(c.language, "chart.last_year"), kLastYearColour, numbers(tr["last_year"])},
      {series_name(c.language, "chart.previous"), kPreviousColour, numbers(tr["previous"])}};
  return line_chart(chart);
}

std::string league_chart(const json& b, const BriefingContext& c, const std::string& title) {
  std::vector<ShareBar> bars;
  for (const json& row : b["league"]["rows"]) {
    if (row["within_standard"].is_null())
      continue;
    bars.push_back({area_name(c, row["key"].get<std::string>()),
                    row["within_standard"].get<double>(),
                    share_text(row["within_standard"]) + " (" +
                        std::to_string(row["n"].get<std::int64_t>()) + ")"});
  }
  if (bars.empty())
    return {};
  return share_bars(title, bars, 0.8);
}

std::string map_chart(const json& b, const BriefingContext& c, const std::string& title) {
  const json& h = b["hotspots"];
  HotspotMap map;
  map.title = title;
  map.cell_lat = h["cell_degrees"]["lat"];
  map.cell_lon = h["cell_degrees"]["lon"];
  map.legend = {series_name(c.language, "chart.fewer"), series_name(c.language, "chart.more")};
  for (const json& cell : h["cells"])
    map.cells.push_back({cell["south"], cell["west"], cell["count"].get<double>()});
  if (c.org != nullptr) {
    const std::string level = b["scope"]["level"];
    const std::string code = b["scope"]["code"];
    for (const osm::OrgUnit& unit : c.org->units()) {
      if (unit.level != osm::OrgLevel::kStation)
        continue;
      if (level == "station" && unit.code != code)
        continue;
      if (level == "district" && unit.parent != code)
        continue;
      for (const osm::AreaPolygon& polygon : unit.area)
        map.outlines.push_back({polygon.outer});
    }
  }
  return hotspot_map(map);
}

std::string chart_of(Chart chart, const json& b, const BriefingContext& c,
                     const std::string& title) {
  switch (chart) {
    case Chart::kGroups:
      return groups_chart(b, c, title);
    case Chart::kTrend:
      return trend_chart(b, c, title);
    case Chart::kLeague:
      return league_chart(b, c, title);
    case Chart::kHotspots:
      return map_chart(b, c, title);
    case Chart::kNone:
      break;
  }
  return {};
}

}  // namespace

Result<std::string> render_briefing_html(const json& briefing, const BriefingContext& context) {
  auto doc = build_document(briefing, context);
  if (!doc)
    return doc.error();
  const Language l = context.language;
  std::string out = "<!DOCTYPE html>\n<html lang=\"";
  out += l == Language::kZh ? "zh-CN" : "en";
  out += "\"><head><meta charset=\"utf-8\"><title>" + esc(doc->title) + " " + esc(doc->subtitle) +
         "</title><style>";
  out += kStyle;
  out += "</style></head><body>";
  out += "<header class=\"masthead\"><h1 data-testid=\"title\">" + esc(doc->title) +
         "</h1><p class=\"period\">" + esc(doc->subtitle) +
         "</p></header><div class=\"rule\"></div>";
  for (const Section& s : doc->sections) {
    // The heading, its sentence and its chart stay on one page; tables may break.
    out += "<section id=\"" + esc(s.id) + "\"><div class=\"lead\"><h2>" + esc(s.heading) + "</h2>";
    if (!s.paragraph.empty())
      out += "<p>" + esc(s.paragraph) + "</p>";
    const std::string chart = chart_of(s.chart, briefing, context, s.heading);
    if (!chart.empty())
      out += "<figure>" + chart + "</figure>";
    out += "</div>";
    for (const Table& t : s.tables) {
      // The trend is read from its chart; its table is in the workbook.
      if (t.id != "trend")
        out += table_html(t);
    }
    out += "</section>";
  }
  out += "<div class=\"notes\">";
  for (const std::string& note : doc->notes)
    out += "<p>" + esc(note) + "</p>";
  out +=
      "<p>" + esc(word(l, "footer.scope")) + (l == Language::kZh ? "：" : ": ") + esc(doc->scope);
  if (!context.generated_at.empty())
    out += (l == Language::kZh ? "　" : " · ") + esc(word(l, "footer.generated")) +
           (l == Language::kZh ? "：" : ": ") + esc(context.generated_at);
  out += "</p></div></body></html>\n";
  return out;
}

}  // namespace shouwang::report
