#include <array>

#include <shouwang/cad/reporting_group.h>

#include "cad/enum_names.h"

namespace shouwang::cad {
namespace {

using G = ReportingGroup;

constexpr std::array<G, 8> kAll{
    G::kCriminal, G::kPublicOrder,           G::kTraffic,     G::kFire, G::kAssistance,
    G::kDispute,  G::kRobberySnatchingTheft, G::kTelecomFraud};

constexpr std::array<EnumName<G>, 8> kNames{{
    {G::kCriminal, "criminal"},
    {G::kPublicOrder, "public_order"},
    {G::kTraffic, "traffic"},
    {G::kFire, "fire"},
    {G::kAssistance, "assistance"},
    {G::kDispute, "dispute"},
    {G::kRobberySnatchingTheft, "robbery_snatching_theft"},
    {G::kTelecomFraud, "telecom_fraud"},
}};

constexpr std::array<EnumName<G>, 8> kZhNames{{
    {G::kCriminal, "刑事"},
    {G::kPublicOrder, "治安"},
    {G::kTraffic, "交通"},
    {G::kFire, "火灾"},
    {G::kAssistance, "群众求助"},
    {G::kDispute, "纠纷"},
    {G::kRobberySnatchingTheft, "两抢一盗"},
    {G::kTelecomFraud, "电信网络诈骗"},
}};

}  // namespace

std::span<const ReportingGroup> all_reporting_groups() {
  return kAll;
}

std::string_view to_string(ReportingGroup group) {
  return name_in<G>(kNames, group);
}

std::string_view zh_name(ReportingGroup group) {
  return name_in<G>(kZhNames, group);
}

std::optional<ReportingGroup> parse_reporting_group(std::string_view name) {
  return value_in<G>(kNames, name);
}

}  // namespace shouwang::cad
