#pragma once
// The shape of the codes records name each other by (station codes, unit callsigns):
// 1..32 ASCII letters, digits, '-' or '_'. Safe in a URL path, an MQTT topic and a file
// name without escaping.

#include <string_view>

namespace shouwang::cad {

inline constexpr std::size_t kMaxCodeLength = 32;

bool is_code(std::string_view text);

}  // namespace shouwang::cad
