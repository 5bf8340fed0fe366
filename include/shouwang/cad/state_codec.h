#pragma once
// The state as canonical JSON text, for snapshots and for comparing states: objects have
// sorted keys, there is no insignificant white space, ids are in their text form and
// times are ISO 8601 UTC with microseconds. Equal states give identical text, and
// parse_state(serialize_state(s)) == s. docs/domain-model.md describes the layout.

#include <string>
#include <string_view>

#include <shouwang/base/result.h>
#include <shouwang/cad/state.h>

namespace shouwang::cad {

// Version 2 added units, version 3 early-warning directives, version 4 key sites and
// posts; an older snapshot has none of what it predates and still reads.
inline constexpr int kStateFormatVersion = 4;
inline constexpr int kOldestStateFormatVersion = 1;

std::string serialize_state(const State& state);

// kCorrupt (naming what is wrong) for text that is not a state of this format version.
Result<State> parse_state(std::string_view text);

}  // namespace shouwang::cad
