#pragma once
// What every back end checks before an append is queued, so that a bad draft is refused
// with a clear message and nothing of its append is written.

#include <string>
#include <string_view>
#include <vector>

#include <shouwang/base/result.h>
#include <shouwang/store/event.h>

namespace shouwang::store::detail {

// kInvalidArgument naming the draft (by position) and the field: an empty list, an empty
// or over-long type, an entity id that is empty or holds a control character, a payload
// that is not a JSON object.
Status check_drafts(const std::vector<EventDraft>& drafts);

// Entity ids stored in one text column, separated by U+001F (unit separator), which
// check_drafts keeps out of the ids themselves.
std::string join_entities(const std::vector<std::string>& ids);
std::vector<std::string> split_entities(std::string_view joined);
// The same into views of `joined`, reusing `out`'s storage.
void split_entities(std::string_view joined, std::vector<std::string_view>& out);

}  // namespace shouwang::store::detail
