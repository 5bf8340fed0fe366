#pragma once
// A patrol unit's code as its terminal and the broker know it ("A-01", "PX_114"), and the
// MQTT topic named after it. Codes are 1 to 32 ASCII letters, digits, '-' or '_', so a
// code never holds an MQTT wildcard, a topic separator or a password-file separator.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace shouwang::server::telemetry {

inline constexpr std::size_t kMaxUnitCodeLength = 32;

[[nodiscard]] bool is_valid_unit_code(std::string_view code);

// The subscription of the server: every unit's position topic.
inline constexpr std::string_view kPositionTopicFilter = "shouwang/units/+/position";

// "shouwang/units/{unit}/position". The unit must be a valid code (asserted).
[[nodiscard]] std::string position_topic(std::string_view unit);

// The unit code of a position topic; nullopt when the topic has another shape or its code
// is not valid. The view points into `topic`.
[[nodiscard]] std::optional<std::string_view> unit_of_position_topic(std::string_view topic);

}  // namespace shouwang::server::telemetry
