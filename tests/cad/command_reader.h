#pragma once
// Commands written as JSON in scenario files: {"do": "sign_for", "with": {"order": "..."}}.
// The names are the commands' kName; the fields are the command struct's members, ids in
// text form. A malformed command throws JsonFormatError naming the field (a broken
// scenario file, not a domain refusal).

#include <string>

#include <nlohmann/json.hpp>

#include <shouwang/base/clock.h>
#include <shouwang/cad/commands.h>

namespace shouwang::cad::testing {

// `now` fills in call times given relative to the step ("started_ago_s").
Command read_command(const std::string& name, const nlohmann::json& with, UtcTime now);

}  // namespace shouwang::cad::testing
