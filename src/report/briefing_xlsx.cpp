// The bulletin's tables as an XLSX workbook (briefing_report.h) with libxlsxwriter: one
// sheet per table, the title above it, numbers stored as numbers with a number format
// (durations as Excel times, shares and changes as percentages), and the reporting groups
// charted against their 同比 base as in the HTML page.

#include <memory>
#include <set>
#include <xlsxwriter.h>

#include <nlohmann/json.hpp>

#include <shouwang/report/briefing_report.h>

#include "report/briefing_tables.h"
#include "report/words.h"

namespace shouwang::report {
namespace {

using namespace detail;

struct Formats {
  lxw_format* title = nullptr;
  lxw_format* header = nullptr;
  lxw_format* text = nullptr;
  lxw_format* count = nullptr;
  lxw_format* change = nullptr;
  lxw_format* share = nullptr;
  lxw_format* duration = nullptr;
  lxw_format* decimal = nullptr;
  lxw_format* total_text = nullptr;
  lxw_format* total_count = nullptr;
};

lxw_format* bordered(lxw_workbook* book, const char* number_format, bool bold) {
  lxw_format* f = workbook_add_format(book);
  format_set_border(f, LXW_BORDER_THIN);
  if (number_format != nullptr)
    format_set_num_format(f, number_format);
  if (bold)
    format_set_bold(f);
  return f;
}

Formats make_formats(lxw_workbook* book) {
  Formats f;
  f.title = workbook_add_format(book);
  format_set_bold(f.title);
  format_set_font_size(f.title, 14);
  format_set_font_color(f.title, 0xB00000);
  f.header = bordered(book, nullptr, true);
  format_set_bg_color(f.header, 0xE9EEF5);
  format_set_align(f.header, LXW_ALIGN_CENTER);
  f.text = bordered(book, nullptr, false);
  f.count = bordered(book, "0", false);
  f.change = bordered(book, "+0.00%;-0.00%;0.00%", false);
  f.share = bordered(book, "0.0%", false);
  f.duration = bordered(book, "[m]:ss", false);
  f.decimal = bordered(book, "0.00", false);
  f.total_text = bordered(book, nullptr, true);
  f.total_count = bordered(book, "0", true);
  return f;
}

lxw_format* format_of(const Cell& cell, const Formats& f, bool total) {
  switch (cell.format) {
    case CellFormat::kText:
      return total ? f.total_text : f.text;
    case CellFormat::kCount:
      return total ? f.total_count : f.count;
    case CellFormat::kChange:
      return f.change;
    case CellFormat::kShare:
      return f.share;
    case CellFormat::kDuration:
      return f.duration;
    case CellFormat::kDecimal:
      return f.decimal;
  }
  return f.text;
}

// A sheet name Excel accepts: at most 31 characters (UTF-8 kept whole), none of []:*?/\,
// and unique in the workbook.
std::string sheet_name(std::string name, std::set<std::string>& used) {
  std::string clean;
  std::size_t characters = 0;
  for (std::size_t i = 0; i < name.size() && characters < 28;) {
    const auto c = static_cast<unsigned char>(name[i]);
    const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    const std::string part = name.substr(i, len);
    if (part.size() != 1 || std::string_view("[]:*?/\\'").find(part[0]) == std::string::npos)
      clean += part;
    i += len;
    ++characters;
  }
  std::string unique = clean;
  for (int n = 2; used.contains(unique); ++n)
    unique = clean + " " + std::to_string(n);
  used.insert(unique);
  return unique;
}

// Column widths from the longest text in each column (CJK characters count double).
void fit_columns(lxw_worksheet* sheet, const Table& t) {
  std::vector<double> widths(t.header.size(), 6);
  const auto measure = [&](std::size_t col, const std::string& text) {
    double w = 0;
    for (std::size_t i = 0; i < text.size();) {
      const auto c = static_cast<unsigned char>(text[i]);
      const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      w += len >= 3 ? 2.1 : 1.1;
      i += len;
    }
    if (col < widths.size())
      widths[col] = std::max(widths[col], std::min(w + 2, 80.0));
  };
  for (std::size_t c = 0; c < t.header.size(); ++c)
    measure(c, t.header[c]);
  for (const auto& row : t.rows)
    for (std::size_t c = 0; c < row.size(); ++c)
      measure(c, row[c].text);
  for (std::size_t c = 0; c < widths.size(); ++c)
    worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c],
                         nullptr);
}

constexpr lxw_row_t kHeaderRow = 2;

void write_table(lxw_worksheet* sheet, const Table& t, const std::string& heading,
                 const BriefingDocument& doc, const Formats& f) {
  worksheet_write_string(sheet, 0, 0, (doc.title + " " + doc.subtitle + " — " + heading).c_str(),
                         f.title);
  for (std::size_t c = 0; c < t.header.size(); ++c)
    worksheet_write_string(sheet, kHeaderRow, static_cast<lxw_col_t>(c), t.header[c].c_str(),
                           f.header);
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const bool total = t.total_row && r + 1 == t.rows.size();
    const auto row = static_cast<lxw_row_t>(kHeaderRow + 1 + r);
    for (std::size_t c = 0; c < t.rows[r].size(); ++c) {
      const Cell& cell = t.rows[r][c];
      const auto col = static_cast<lxw_col_t>(c);
      lxw_format* format = format_of(cell, f, total);
      if (!cell.value) {
        worksheet_write_string(sheet, row, col, cell.text.c_str(),
                               cell.format == CellFormat::kText ? format : f.text);
      } else if (cell.format == CellFormat::kDuration) {
        worksheet_write_number(sheet, row, col, *cell.value / 86'400.0, format);
      } else {
        worksheet_write_number(sheet, row, col, *cell.value, format);
      }
    }
  }
  fit_columns(sheet, t);
  worksheet_freeze_panes(sheet, kHeaderRow + 1, 0);
}

// The groups' current counts against last year's, as a column chart beside the table.
void chart_groups(lxw_workbook* book, lxw_worksheet* sheet, const std::string& name, const Table& t,
                  Language language) {
  const std::size_t rows = t.rows.size() - (t.total_row ? 1 : 0);
  if (rows == 0)
    return;
  lxw_chart* chart = workbook_add_chart(book, LXW_CHART_COLUMN);
  const std::string quoted = "'" + name + "'";
  const auto first = static_cast<lxw_row_t>(kHeaderRow + 1);
  const auto last = static_cast<lxw_row_t>(kHeaderRow + rows);
  const std::string categories =
      "=" + quoted + "!$A$" + std::to_string(first + 1) + ":$A$" + std::to_string(last + 1);
  const auto column = [&](char col) {
    return "=" + quoted + "!$" + std::string(1, col) + "$" + std::to_string(first + 1) + ":$" +
           std::string(1, col) + "$" + std::to_string(last + 1);
  };
  lxw_chart_series* current = chart_add_series(chart, categories.c_str(), column('B').c_str());
  chart_series_set_name(current, std::string(word(language, "chart.current")).c_str());
  lxw_chart_series* last_year = chart_add_series(chart, categories.c_str(), column('C').c_str());
  chart_series_set_name(last_year, std::string(word(language, "chart.last_year")).c_str());
  worksheet_insert_chart(sheet, static_cast<lxw_row_t>(last + 3), 0, chart);
}

}  // namespace

Status write_briefing_xlsx(const nlohmann::json& briefing, const BriefingContext& context,
                           const std::filesystem::path& path) {
  auto doc = build_document(briefing, context);
  if (!doc)
    return doc.error();
  lxw_workbook* book = workbook_new(path.string().c_str());
  if (book == nullptr)
    return Error(Errc::kIoError, path.string() + ": cannot create the workbook");
  const Formats formats = make_formats(book);
  std::set<std::string> used;
  for (const Section& s : doc->sections) {
    for (const Table& t : s.tables) {
      // The section's heading without its number names the first sheet; further tables of
      // the section take their own name.
      std::string base = s.name;
      if (&t != &s.tables.front())
        base = std::string(word(context.language, "sheet." + t.id));
      const std::string name = sheet_name(base, used);
      lxw_worksheet* sheet = workbook_add_worksheet(book, name.c_str());
      if (sheet == nullptr) {
        workbook_close(book);
        return Error(Errc::kInternal, "the workbook refused the sheet '" + name + "'");
      }
      write_table(sheet, t, s.heading, *doc, formats);
      if (t.id == "groups")
        chart_groups(book, sheet, name, t, context.language);
    }
  }
  if (const lxw_error e = workbook_close(book); e != LXW_NO_ERROR)
    return Error(Errc::kIoError, path.string() + ": " + lxw_strerror(e));
  return {};
}

}  // namespace shouwang::report
