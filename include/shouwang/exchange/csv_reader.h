#pragma once
// Reads CSV text as RFC 4180 describes it, one record at a time: fields separated by
// commas, records by CRLF, LF or a lone CR; a field in double quotes may hold commas,
// line breaks and doubled quotes (""). The text is UTF-8; a leading byte-order mark is
// skipped. Two departures from the RFC, both for real exports: a quote inside an unquoted
// field is kept as a character (12" PIPE), and blank lines between records are skipped
// and counted rather than read as one-field records.
//
// A malformed record (text after a closing quote, a quoted field never closed, bytes that
// are not UTF-8) is still returned, with its problem: the caller reports and skips it, and
// the reader carries on with the next record.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace shouwang::exchange {

struct CsvProblem {
  std::size_t field = 0;  // 0-based index of the offending field
  std::string message;
};

struct CsvRecord {
  std::vector<std::string> fields;
  std::size_t line = 0;       // physical line (1-based) where the record starts
  std::size_t last_line = 0;  // physical line where it ends (later when fields hold line breaks)
  std::optional<CsvProblem> problem;
};

// Reads records from `text`, which must outlive the reader. Not thread-safe.
class CsvReader {
 public:
  explicit CsvReader(std::string_view text);

  // The next record into `record` (its buffers are reused); false at the end of the text.
  bool next(CsvRecord& record);

  // Blank lines skipped so far.
  [[nodiscard]] std::size_t blank_lines() const { return blank_lines_; }

 private:
  // Reads one field starting at pos_; true when a comma follows (more fields to come).
  bool read_field(std::string& out, CsvRecord& record);
  bool at_line_end() const;
  void consume_line_end();

  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  std::size_t blank_lines_ = 0;
};

// True when `text` is well-formed UTF-8.
bool is_valid_utf8(std::string_view text);

// One record as a CSV line (with a trailing "\r\n"): fields with commas, quotes, line
// breaks or a leading byte-order mark are quoted, quotes doubled. The inverse of CsvReader, for writing rows back out.
std::string format_csv_record(const std::vector<std::string>& fields);

}  // namespace shouwang::exchange
