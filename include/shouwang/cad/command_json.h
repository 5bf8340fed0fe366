#pragma once
// Commands written as JSON objects, the way the HTTP API and scenario files carry them:
// the command's kName picks the struct, the object's members are the struct's fields
// (ids in text form, times ISO 8601, enumerations by their snake_case names, a location
// as lat / lon, a target as {kind, id, name}). docs/api/ lists every command's body.
//
// Decoding is strict, because a silently ignored field is a lost instruction: a member the
// command does not have, a wrong type, a missing required field or a malformed id is
// kInvalidArgument with `field` naming it ("target.kind"); an unknown command name is
// kNotFound with field "command". Whether the command makes sense for the state is
// decide()'s question, not this one's.

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include <shouwang/base/clock.h>
#include <shouwang/base/result.h>
#include <shouwang/cad/commands.h>

namespace shouwang::cad {

// `now` stands in for the times a call-taking console leaves out (a call's started_at
// and answered_at default to the moment the command arrives).
Result<Command> decode_command(std::string_view name, std::string_view json_text, UtcTime now);
// As above from a parsed document (the server adds the ids bound by the URL path).
Result<Command> decode_command_json(std::string_view name, const nlohmann::json& object, UtcTime now);

// The names of every command, in the order of the Command variant.
const std::vector<std::string_view>& command_names();
// Commands only the server itself issues (its timers' record_missed_deadline,
// raise_warning and the circle watch's coverage gaps): they decode,
// for scenario files, but no API route accepts them.
bool server_only(std::string_view name);
// The members a command's JSON object may have (required and optional).
const std::vector<std::string_view>& command_fields(std::string_view name);

}  // namespace shouwang::cad
