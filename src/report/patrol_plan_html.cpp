#include <cstdio>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include <shouwang/base/text.h>
#include <shouwang/report/patrol_plan_report.h>

#include "report/words.h"

namespace shouwang::report {
namespace {

using nlohmann::json;

struct Words {
  std::string_view title, day_shift, night_shift, station, rank, place, share, expected, recent,
      initials, none, basis, generated;
};

constexpr Words kZh{
    "巡逻防控建议",
    "白班",
    "夜班",
    "派出所",
    "序号",
    "位置（网格中心）",
    "预测占比",
    "本班预计警情",
    "近28天同时段警情",
    "巡逻民警签名",
    "本辖区暂无足够历史警情，无法给出建议。",
    "依据：同一时段（白班08:00–20:00，夜班20:00–08:00）的历史警情，多尺度核密度预测；网格边长",
    "生成时间"};
constexpr Words kEn{
    "Patrol plan",
    "day shift",
    "night shift",
    "Station",
    "#",
    "Place (cell centre)",
    "Share of forecast",
    "Expected this shift",
    "Same hours, last 28 days",
    "Patrol officer's initials",
    "Not enough past incidents in this area for a plan.",
    "Basis: past incidents of the same hours (day 08:00–20:00, night 20:00–08:00), multi-scale "
    "kernel density forecast; cell side",
    "Generated"};

constexpr std::string_view kStyle = R"css(
@page { size: A4; margin: 14mm; }
body { font-family: "Noto Sans CJK SC", "Noto Sans", "DejaVu Sans", sans-serif; font-size: 10.5pt;
       color: #1a1a1a; max-width: 182mm; margin: 0 auto; }
h1 { text-align: center; font-size: 18pt; margin: 6px 0 2px; }
p.shift { text-align: center; margin: 0 0 10px; }
section { break-inside: avoid; margin: 0 0 14px; }
h2 { font-size: 12.5pt; margin: 10px 0 4px; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; }
th, td { border: 1px solid #8c8c8c; padding: 3px 6px; }
th { background: #e9eef5; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.sign { width: 28mm; }
p.notes { font-size: 8.5pt; color: #444; border-top: 1px solid #aaa; padding-top: 6px; }
@media screen { body { padding: 16px; } }
)css";

std::string number(double v, int digits) {
  char text[32];
  std::snprintf(text, sizeof text, "%.*f", digits, v);
  return text;
}

}  // namespace

std::string render_patrol_plan_html(const json& plan, const BriefingContext& context) {
  const bool en = context.language == Language::kEn;
  const Words& w = en ? kEn : kZh;
  const json& shift = plan["shift"];
  const bool night = shift["kind"] == "night";
  std::string html = "<!DOCTYPE html>\n<html lang=\"" + std::string(en ? "en" : "zh-CN") +
                     "\"><head><meta charset=\"utf-8\"><title>" + std::string(w.title) +
                     "</title><style>" + std::string(kStyle) + "</style></head><body>\n";
  html += "<h1>" + std::string(w.title) + "</h1>\n<p class=\"shift\">" +
          escape_markup(shift["local_begin"].get<std::string>()) + " – " +
          escape_markup(shift["local_end"].get<std::string>()) + " · " +
          std::string(night ? w.night_shift : w.day_shift) + "</p>\n";
  for (const json& station : plan["stations"]) {
    html += "<section><h2>" +
            escape_markup(detail::area_name(context, station["code"].get<std::string>())) +
            "</h2>\n";
    if (station["cells"].empty()) {
      html += "<p>" + std::string(w.none) + "</p></section>\n";
      continue;
    }
    html += "<table><thead><tr><th>" + std::string(w.rank) + "</th><th>" + std::string(w.place) +
            "</th><th>" + std::string(w.share) + "</th><th>" + std::string(w.expected) +
            "</th><th>" + std::string(w.recent) + "</th><th>" + std::string(w.initials) +
            "</th></tr></thead><tbody>\n";
    for (const json& c : station["cells"]) {
      html += "<tr><td class=\"num\">" + std::to_string(c["rank"].get<int>()) + "</td><td>" +
              number(c["lat"].get<double>(), 5) + ", " + number(c["lon"].get<double>(), 5) +
              "</td><td class=\"num\">" + number(100.0 * c["share"].get<double>(), 2) +
              "%</td><td class=\"num\">" + number(c["expected"].get<double>(), 2) +
              "</td><td class=\"num\">" + std::to_string(c["recent"].get<int>()) +
              "</td><td class=\"sign\"></td></tr>\n";
    }
    html += "</tbody></table></section>\n";
  }
  html += "<p class=\"notes\">" + std::string(w.basis) + " " +
          number(plan["cell_m"].get<double>(), 0) + (en ? " m. " : " 米。") +
          std::string(w.generated) + (en ? ": " : "：") + escape_markup(context.generated_at) +
          "</p>\n</body></html>\n";
  return html;
}

}  // namespace shouwang::report
