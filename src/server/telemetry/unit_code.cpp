#include <shouwang/server/telemetry/unit_code.h>

#include <cassert>

namespace shouwang::server::telemetry {
namespace {

constexpr std::string_view kTopicPrefix = "shouwang/units/";
constexpr std::string_view kTopicSuffix = "/position";

bool is_code_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

}  // namespace

bool is_valid_unit_code(std::string_view code) {
  if (code.empty() || code.size() > kMaxUnitCodeLength) return false;
  for (const char c : code) {
    if (!is_code_char(c)) return false;
  }
  return true;
}

std::string position_topic(std::string_view unit) {
  assert(is_valid_unit_code(unit));
  std::string topic(kTopicPrefix);
  topic += unit;
  topic += kTopicSuffix;
  return topic;
}

std::optional<std::string_view> unit_of_position_topic(std::string_view topic) {
  if (!topic.starts_with(kTopicPrefix) || !topic.ends_with(kTopicSuffix)) return std::nullopt;
  if (topic.size() < kTopicPrefix.size() + kTopicSuffix.size()) return std::nullopt;
  const std::string_view unit =
      topic.substr(kTopicPrefix.size(), topic.size() - kTopicPrefix.size() - kTopicSuffix.size());
  if (!is_valid_unit_code(unit)) return std::nullopt;
  return unit;
}

}  // namespace shouwang::server::telemetry
