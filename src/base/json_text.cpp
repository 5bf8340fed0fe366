#include <charconv>
#include <cmath>
#include <utility>

#include <shouwang/base/json_text.h>

namespace shouwang {

void append_json_string(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += "\\u00";
          out += kHex[(c >> 4) & 0xf];
          out += kHex[c & 0xf];
        } else {
          out += c;  // UTF-8 passes through as it is
        }
    }
  }
  out += '"';
}

void JsonText::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!empty_.empty()) {
    if (!empty_.back())
      out_ += ',';
    empty_.back() = false;
  }
}

JsonText& JsonText::begin_object() {
  before_value();
  out_ += '{';
  empty_.push_back(true);
  return *this;
}

JsonText& JsonText::end_object() {
  out_ += '}';
  empty_.pop_back();
  return *this;
}

JsonText& JsonText::begin_array() {
  before_value();
  out_ += '[';
  empty_.push_back(true);
  return *this;
}

JsonText& JsonText::end_array() {
  out_ += ']';
  empty_.pop_back();
  return *this;
}

JsonText& JsonText::key(std::string_view name) {
  before_value();
  append_json_string(out_, name);
  out_ += ':';
  after_key_ = true;
  return *this;
}

JsonText& JsonText::string(std::string_view text) {
  before_value();
  append_json_string(out_, text);
  return *this;
}

JsonText& JsonText::number(std::int64_t n) {
  before_value();
  char buffer[24];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, n).ptr;
  out_.append(buffer, end);
  return *this;
}

JsonText& JsonText::number(double x) {
  if (!std::isfinite(x))
    return null();
  before_value();
  char buffer[32];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, x).ptr;
  out_.append(buffer, end);
  return *this;
}

JsonText& JsonText::boolean(bool b) {
  before_value();
  out_ += b ? "true" : "false";
  return *this;
}

JsonText& JsonText::null() {
  before_value();
  out_ += "null";
  return *this;
}

std::string JsonText::take() {
  empty_.clear();
  after_key_ = false;
  return std::exchange(out_, {});
}

}  // namespace shouwang
