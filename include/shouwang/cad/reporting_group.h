#pragma once
// The incident groups that public-security bulletins report on. An incident type belongs
// to the groups it names and to every group of its ancestors, so a count for 刑事 includes
// every criminal sub-type.

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace shouwang::cad {

enum class ReportingGroup : std::uint8_t {
  kCriminal,               // 刑事
  kPublicOrder,            // 治安
  kTraffic,                // 交通
  kFire,                   // 火灾
  kAssistance,             // 群众求助
  kDispute,                // 纠纷
  kRobberySnatchingTheft,  // 两抢一盗
  kTelecomFraud,           // 电信网络诈骗
};

std::span<const ReportingGroup> all_reporting_groups();
std::string_view to_string(ReportingGroup group);  // "robbery_snatching_theft"
std::string_view zh_name(ReportingGroup group);    // "两抢一盗"
std::optional<ReportingGroup> parse_reporting_group(std::string_view name);

}  // namespace shouwang::cad
