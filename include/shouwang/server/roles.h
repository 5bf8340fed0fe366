#pragma once
// The people and machines that use the platform (design.md §6). A role says what kind of
// work a user does; the user's org scope (scope.h) says over which part of the city.

#include <cstdint>
#include <optional>
#include <string_view>

namespace shouwang::server {

enum class Role : std::uint8_t {
  kCallTaker,       // 接警员: takes calls, records and classifies incidents
  kDispatcher,      // 调度员: dispatches and follows incidents through
  kCommander,       // 指挥长: everything a dispatcher does, for the whole scope
  kStationOfficer,  // 派出所值班: signs for and handles the station's orders
  kAnalyst,         // 研判/统计: reads and analyses, changes nothing
  kAdmin,           // 系统管理员: manages accounts; reads operations, not incidents' people
  kUnitTerminal,    // 警务通 / 车载终端: one unit's orders and their steps
};

std::string_view to_string(Role role);
std::optional<Role> parse_role(std::string_view name);
// Every role, for listings and checks.
inline constexpr Role kAllRoles[] = {Role::kCallTaker,      Role::kDispatcher, Role::kCommander, Role::kStationOfficer,
                                     Role::kAnalyst,        Role::kAdmin,      Role::kUnitTerminal};

}  // namespace shouwang::server
