#include "cad/command_reader.h"

#include <shouwang/cad/command_json.h>

#include "cad/json/field_reader.h"

namespace shouwang::cad::testing {
namespace {

// Scenario files may give a call's times relative to the step ("started_ago_s": 20).
void resolve_relative_times(nlohmann::json& with, UtcTime now) {
  for (const auto& [relative, absolute, fallback] :
       {std::tuple{"started_ago_s", "started_at", 20.0}, std::tuple{"answered_ago_s", "answered_at", 5.0}}) {
    if (with.contains(absolute))
      continue;
    const double seconds = with.contains(relative) ? with[relative].get<double>() : fallback;
    with.erase(relative);
    with[absolute] = now.plus_micros(-static_cast<std::int64_t>(seconds * 1e6)).to_iso8601();
  }
}

}  // namespace

Command read_command(const std::string& name, const nlohmann::json& with, UtcTime now) {
  nlohmann::json object = with.is_null() ? nlohmann::json::object() : with;
  if (name == "receive_call" && object.is_object())
    resolve_relative_times(object, now);
  auto command = decode_command_json(name, object, now);
  if (!command)
    throw JsonFormatError(command.error().message, command.error().field);
  return *command;
}

}  // namespace shouwang::cad::testing
