#pragma once
// Every text of an event must be well-formed UTF-8: PostgreSQL stores nothing else, and a
// log must read the same on either back end. A draft whose text is not UTF-8 is refused
// before it is queued (check_drafts calls this), with a message naming it, rather than
// failing the whole group-commit batch it would have joined.

#include <string_view>
#include <vector>

#include <shouwang/base/result.h>
#include <shouwang/store/event.h>

namespace shouwang::store::detail {

// Well-formed UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
bool is_utf8(std::string_view text);

// kInvalidArgument naming the draft (by position) and the field whose text is not UTF-8.
Status check_utf8(const std::vector<EventDraft>& drafts);

}  // namespace shouwang::store::detail
