#pragma once
// JSON written straight into a string, for answers large and frequent enough that building
// a nlohmann::json tree first costs more than the work behind them (a recommendation over a
// thousand units is asked for many times a minute). The caller writes a well-formed
// document: keys inside objects, a value after each key; the writer adds the commas and
// escapes the strings. Numbers: integers exactly, doubles in their shortest round-trip
// form (non-finite ones as null, which JSON cannot otherwise carry).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace shouwang {

class JsonText {
 public:
  JsonText& begin_object();
  JsonText& end_object();
  JsonText& begin_array();
  JsonText& end_array();
  JsonText& key(std::string_view name);

  JsonText& string(std::string_view text);
  JsonText& number(std::int64_t n);
  JsonText& number(double x);
  JsonText& boolean(bool b);
  JsonText& null();

  // The text so far; the writer is empty afterwards.
  [[nodiscard]] std::string take();

 private:
  void before_value();  // the comma between elements; nothing right after a key

  std::string out_;
  std::vector<bool> empty_;  // per open container: nothing in it yet
  bool after_key_ = false;
};

// `text` as a JSON string literal, quotes included.
void append_json_string(std::string& out, std::string_view text);

}  // namespace shouwang
