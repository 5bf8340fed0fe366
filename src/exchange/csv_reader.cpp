#include <shouwang/exchange/csv_reader.h>

#include <cstdint>

namespace shouwang::exchange {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

}  // namespace

CsvReader::CsvReader(std::string_view text) : text_(text) {
  if (text_.starts_with(kByteOrderMark)) pos_ = kByteOrderMark.size();
}

bool CsvReader::at_line_end() const {
  return pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r');
}

void CsvReader::consume_line_end() {
  if (!at_line_end()) return;
  if (text_[pos_] == '\r') {
    ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
  } else {
    ++pos_;
  }
  ++line_;
}

bool CsvReader::next(CsvRecord& record) {
  while (at_line_end()) {
    consume_line_end();
    ++blank_lines_;
  }
  if (pos_ >= text_.size()) return false;

  record.line = line_;
  record.problem.reset();
  std::size_t count = 0;
  bool more = true;
  while (more) {
    if (count == record.fields.size()) record.fields.emplace_back();
    std::string& field = record.fields[count];
    field.clear();
    more = read_field(field, record);
    if (record.problem && record.problem->field == SIZE_MAX) record.problem->field = count;
    ++count;
  }
  record.fields.resize(count);
  record.last_line = line_;
  consume_line_end();

  if (!record.problem) {
    for (std::size_t i = 0; i < record.fields.size(); ++i) {
      if (!is_valid_utf8(record.fields[i])) {
        record.problem = CsvProblem{i, "the field holds bytes that are not UTF-8"};
        break;
      }
    }
  }
  return true;
}

// The field starts at pos_. A quoted field ends at its closing quote; anything between
// that quote and the next comma or line end makes the record malformed but is kept, so
// the fields after it stay in their columns. Problems are recorded with field SIZE_MAX,
// which next() replaces by the field's index.
bool CsvReader::read_field(std::string& out, CsvRecord& record) {
  const std::size_t n = text_.size();
  if (pos_ < n && text_[pos_] == '"') {
    const std::size_t opened_at = line_;
    ++pos_;
    while (true) {
      if (pos_ >= n) {
        if (!record.problem) {
          record.problem = CsvProblem{SIZE_MAX, "the quoted field opened on line " + std::to_string(opened_at) +
                                                    " is never closed"};
        }
        return false;
      }
      const char c = text_[pos_];
      if (c == '"') {
        if (pos_ + 1 < n && text_[pos_ + 1] == '"') {
          out.push_back('"');
          pos_ += 2;
          continue;
        }
        ++pos_;
        break;
      }
      if (c == '\r' || c == '\n') {
        // A line break inside the field: kept as written, counted as one physical line.
        out.push_back(c);
        ++pos_;
        if (c == '\r' && pos_ < n && text_[pos_] == '\n') {
          out.push_back('\n');
          ++pos_;
        }
        ++line_;
        continue;
      }
      std::size_t end = text_.find_first_of("\"\r\n", pos_);
      if (end == std::string_view::npos) end = n;
      out.append(text_.substr(pos_, end - pos_));
      pos_ = end;
    }
    if (pos_ >= n || at_line_end()) return false;
    if (text_[pos_] == ',') {
      ++pos_;
      return true;
    }
    if (!record.problem) record.problem = CsvProblem{SIZE_MAX, "text follows the closing quote of a quoted field"};
  }
  std::size_t end = text_.find_first_of(",\r\n", pos_);
  if (end == std::string_view::npos) end = n;
  out.append(text_.substr(pos_, end - pos_));
  pos_ = end;
  if (pos_ < n && text_[pos_] == ',') {
    ++pos_;
    return true;
  }
  return false;
}

bool is_valid_utf8(std::string_view text) {
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    std::uint32_t cp = 0;
    if ((c & 0xE0) == 0xC0) {
      length = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      length = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      length = 4;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + length > n) return false;
    for (std::size_t k = 1; k < length; ++k) {
      const auto cc = static_cast<unsigned char>(text[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    // Overlong forms, UTF-16 surrogates and code points above U+10FFFF are not UTF-8.
    if ((length == 2 && cp < 0x80) || (length == 3 && cp < 0x800) || (length == 4 && cp < 0x10000) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
      return false;
    }
    i += length;
  }
  return true;
}

std::string format_csv_record(const std::vector<std::string>& fields) {
  // One empty field written bare would be a blank line, which readers skip.
  if (fields.size() == 1 && fields.front().empty()) return "\"\"\r\n";
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out.push_back(',');
    const std::string& f = fields[i];
    // A field starting with a byte-order mark is quoted too: unquoted at the start of a
    // file, a reader would take the mark for the file's own and drop it.
    if (f.find_first_of(",\"\r\n") == std::string::npos && !std::string_view(f).starts_with(kByteOrderMark)) {
      out += f;
      continue;
    }
    out.push_back('"');
    for (const char c : f) {
      if (c == '"') out.push_back('"');
      out.push_back(c);
    }
    out.push_back('"');
  }
  out += "\r\n";
  return out;
}

}  // namespace shouwang::exchange
