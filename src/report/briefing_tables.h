#pragma once
// The sections of a bulletin with their tables, built once from the briefing JSON and
// laid out twice: as HTML (with charts) and as XLSX sheets. Cells keep their numbers so
// that a workbook holds numbers, not text.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <shouwang/base/result.h>
#include <shouwang/report/briefing_report.h>

namespace shouwang::report::detail {

enum class CellFormat : std::uint8_t {
  kText,
  kCount,     // 312
  kChange,    // +4.35% (a percent change; absent base: 新增 / new)
  kShare,     // 41.2% (a share from 0 to 1)
  kDuration,  // 5:43 (seconds as minutes and seconds)
  kDecimal,   // 12.34
};

struct Cell {
  std::string text;             // as printed
  std::optional<double> value;  // the number behind it (XLSX); absent for text and "—"
  CellFormat format = CellFormat::kText;
};

struct Table {
  std::string id;  // the sheet and element name: "groups"
  std::vector<std::string> header;
  std::vector<std::vector<Cell>> rows;
  bool total_row = false;  // the last row is a total
};

enum class Chart : std::uint8_t { kNone, kGroups, kTrend, kHotspots, kLeague };

struct Section {
  std::string id;
  std::string heading;    // "二、分类警情"
  std::string paragraph;  // the section's sentence(s); may be empty
  std::vector<Table> tables;
  Chart chart = Chart::kNone;
  std::string name;  // the heading without its number: "分类警情" (set last)
};

struct BriefingDocument {
  std::string title;     // "守望市公安局110警情日报"
  std::string subtitle;  // the period: "2026年11月22日"
  std::string scope;     // the area: "全市" / "兴民派出所"
  std::vector<Section> sections;
  std::vector<std::string> notes;  // footnotes: what is counted, coverage
};

// kInvalidArgument naming a missing section of the briefing.
Result<BriefingDocument> build_document(const nlohmann::json& briefing,
                                        const BriefingContext& context);

// Cell constructors.
Cell text_cell(std::string text);
Cell no_number();  // "—" in a column of numbers
Cell count_cell(const nlohmann::json& v);
Cell change_cell(const nlohmann::json& percent, const nlohmann::json& base, Language language);
Cell share_cell(const nlohmann::json& v);
Cell duration_cell(const nlohmann::json& seconds);
Cell decimal_cell(const nlohmann::json& v, int decimals);

}  // namespace shouwang::report::detail
