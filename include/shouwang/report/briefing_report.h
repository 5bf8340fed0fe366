#pragma once
// Briefings as documents: the briefing JSON of the server (server/briefing.h) laid out as
// an official bulletin (警情通报) — a self-contained HTML page with its charts drawn in SVG
// (no script, no network: it prints and archives as it is), the same tables as an XLSX
// workbook, and a PDF printed from the HTML by headless chromium.
//
// The layout (docs/analytics.md, "Briefings"): title and period; 一 overview with the
// headline sentence and key figures; 二 reporting groups (table and 同比 chart); 三 trend;
// 四 leading incident types; 五 areas with rates per 10,000 residents; 六 response times;
// 七 the station league table; 八 the hotspot map; 九 zero-incident streaks; 十 the safety
// index; 十一 alarms. Every name is in the briefing's language, zh-CN or en.

#include <filesystem>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include <shouwang/base/result.h>
#include <shouwang/cad/taxonomy.h>
#include <shouwang/osm/jurisdictions.h>

namespace shouwang::report {

enum class Language : std::uint8_t { kZh, kEn };

struct BriefingContext {
  const cad::Taxonomy* taxonomy = nullptr;  // names of incident types; may be null
  const osm::Jurisdictions* org = nullptr;  // names and outlines of areas; may be null
  Language language = Language::kZh;
  std::string centre_name;   // the bureau in the title ("Shouwang City Public Security Bureau")
  std::string generated_at;  // shown in the footer, e.g. "2026-11-23 08:00"
};

// The bulletin as one HTML document. kInvalidArgument when `briefing` lacks a section.
Result<std::string> render_briefing_html(const nlohmann::json& briefing,
                                         const BriefingContext& context);

// The bulletin's tables as an XLSX workbook, one sheet per section, numbers as numbers.
Status write_briefing_xlsx(const nlohmann::json& briefing, const BriefingContext& context,
                           const std::filesystem::path& path);

// Prints an HTML file to PDF (A4) with headless chromium. kUnavailable when no chromium
// is found (`chromium` empty: $SHOUWANG_CHROMIUM, then chromium on PATH).
Status print_pdf(const std::filesystem::path& html, const std::filesystem::path& pdf,
                 const std::string& chromium = {});

// The chromium that print_pdf would use; empty when there is none.
std::string find_chromium();

}  // namespace shouwang::report
