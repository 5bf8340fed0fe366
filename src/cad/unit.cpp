#include <shouwang/cad/unit.h>

#include <algorithm>
#include <array>

#include "cad/enum_names.h"

namespace shouwang::cad {
namespace {

using T = UnitType;

constexpr std::array<EnumName<T>, 7> kNames{{
    {T::kPatrolCar, "patrol_car"},
    {T::kFootPatrol, "foot_patrol"},
    {T::kMotorcycle, "motorcycle"},
    {T::kPtu, "ptu"},
    {T::kTraffic, "traffic"},
    {T::kBoat, "boat"},
    {T::kOther, "other"},
}};

constexpr std::array<EnumName<T>, 7> kZhNames{{
    {T::kPatrolCar, "巡逻车"},
    {T::kFootPatrol, "步巡"},
    {T::kMotorcycle, "摩托车巡逻"},
    {T::kPtu, "特警"},
    {T::kTraffic, "交警"},
    {T::kBoat, "船艇"},
    {T::kOther, "其他"},
}};

}  // namespace

std::string_view to_string(UnitType type) {
  return name_in<T>(kNames, type);
}

std::string_view zh_name(UnitType type) {
  return name_in<T>(kZhNames, type);
}

std::optional<UnitType> parse_unit_type(std::string_view name) {
  return value_in<T>(kNames, name);
}

std::vector<std::string> missing_capabilities(const Unit& unit, const std::vector<std::string>& required) {
  std::vector<std::string> missing;
  const auto& has = unit.profile.capabilities;
  for (const auto& capability : required) {
    if (!std::binary_search(has.begin(), has.end(), capability))
      missing.push_back(capability);
  }
  return missing;
}

}  // namespace shouwang::cad
