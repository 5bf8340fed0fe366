#include <array>

#include <shouwang/cad/order.h>

#include "cad/enum_names.h"

namespace shouwang::cad {
namespace {

constexpr std::array<EnumName<TargetKind>, 4> kNames{{
    {TargetKind::kStation, "station"},
    {TargetKind::kUnit, "unit"},
    {TargetKind::kOfficer, "officer"},
    {TargetKind::kVehicle, "vehicle"},
}};

}  // namespace

std::string_view to_string(TargetKind kind) {
  return name_in<TargetKind>(kNames, kind);
}

std::optional<TargetKind> parse_target_kind(std::string_view name) {
  return value_in<TargetKind>(kNames, name);
}

}  // namespace shouwang::cad
