#pragma once
// UTF-8 validity, checked before text from a command goes into an event payload: JSON
// text must be valid UTF-8, and a payload that cannot be written is refused, not mangled.

#include <string_view>

namespace shouwang::cad {

// True for well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF).
bool is_valid_utf8(std::string_view text);

}  // namespace shouwang::cad
