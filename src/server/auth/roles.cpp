#include <shouwang/server/roles.h>

#include <array>
#include <utility>

namespace shouwang::server {
namespace {

constexpr std::array<std::pair<Role, std::string_view>, 7> kNames{{
    {Role::kCallTaker, "call_taker"},
    {Role::kDispatcher, "dispatcher"},
    {Role::kCommander, "commander"},
    {Role::kStationOfficer, "station_officer"},
    {Role::kAnalyst, "analyst"},
    {Role::kAdmin, "admin"},
    {Role::kUnitTerminal, "unit_terminal"},
}};

}  // namespace

std::string_view to_string(Role role) {
  for (const auto& [r, name] : kNames) {
    if (r == role) return name;
  }
  return "unknown";
}

std::optional<Role> parse_role(std::string_view name) {
  for (const auto& [r, n] : kNames) {
    if (n == name) return r;
  }
  return std::nullopt;
}

}  // namespace shouwang::server
