#pragma once
// The REST address of every domain command: POST `pattern` runs `command`, with the
// pattern's {parameters} bound into the command's fields of the same name.

#include <span>
#include <string_view>

#include <shouwang/server/router.h>

namespace shouwang::server {
struct ApiServices;
}

namespace shouwang::server::api {

enum class Answers { kIncident, kCall, kOrder, kUnit, kWarning, kSite, kPost };

struct CommandRoute {
  std::string_view pattern;
  std::string_view command;
  Answers answers = Answers::kIncident;
  bool creates = false;         // 201 Created
  std::string_view numeric_param;  // a path parameter that is a number (the candidate index)
};

std::span<const CommandRoute> command_routes();
void add_command_routes(Router& router, ApiServices& api);

}  // namespace shouwang::server::api
