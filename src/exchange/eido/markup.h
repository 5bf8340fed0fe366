#pragma once
// Text inside markup: EIDO notes are HTML5 and locations are PIDF-LO (XML), while our texts
// are plain. Escaping and unescaping are exact inverses for any text: unescape(escape(t))
// == t.

#include <string>
#include <string_view>

#include <shouwang/base/text.h>

namespace shouwang::exchange::eido {

// Replaces & < > " ' with character references (base/text.h).
using shouwang::escape_markup;

// Decodes the five named references above (and &apos;) and numeric ones (&#65; &#x41;);
// anything else, including references to code points that are not characters, is kept as
// written.
std::string unescape_markup(std::string_view text);

// The shortest decimal text that reads back as the same double ("31.2304", "1e-05").
std::string format_number(double value);

}  // namespace shouwang::exchange::eido
