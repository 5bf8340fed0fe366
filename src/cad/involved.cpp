#include <algorithm>
#include <array>

#include <shouwang/cad/involved.h>

#include "cad/enum_names.h"

namespace shouwang::cad {
namespace {

constexpr std::array<EnumName<InvolvedKind>, 2> kKinds{{
    {InvolvedKind::kPerson, "person"},
    {InvolvedKind::kVehicle, "vehicle"},
}};

constexpr std::array<EnumName<PersonRole>, 6> kPersonRoles{{
    {PersonRole::kCaller, "caller"},
    {PersonRole::kVictim, "victim"},
    {PersonRole::kSuspect, "suspect"},
    {PersonRole::kWitness, "witness"},
    {PersonRole::kParty, "party"},
    {PersonRole::kOther, "other"},
}};

constexpr std::array<EnumName<VehicleRole>, 4> kVehicleRoles{{
    {VehicleRole::kInvolved, "involved"},
    {VehicleRole::kSuspect, "suspect"},
    {VehicleRole::kVictim, "victim"},
    {VehicleRole::kOther, "other"},
}};

constexpr std::array<std::string_view, 8> kPersonFields{
    "name", "gender", "id_number", "phone", "birth_date", "address", "nationality", "description"};

constexpr std::array<std::string_view, 8> kVehicleFields{
    "plate", "plate_colour", "vehicle_type", "colour", "make", "model", "vin", "description"};

}  // namespace

std::string_view to_string(InvolvedKind kind) {
  return name_in<InvolvedKind>(kKinds, kind);
}
std::optional<InvolvedKind> parse_involved_kind(std::string_view name) {
  return value_in<InvolvedKind>(kKinds, name);
}

std::string_view to_string(PersonRole role) {
  return name_in<PersonRole>(kPersonRoles, role);
}
std::optional<PersonRole> parse_person_role(std::string_view name) {
  return value_in<PersonRole>(kPersonRoles, name);
}

std::string_view to_string(VehicleRole role) {
  return name_in<VehicleRole>(kVehicleRoles, role);
}
std::optional<VehicleRole> parse_vehicle_role(std::string_view name) {
  return value_in<VehicleRole>(kVehicleRoles, name);
}

std::span<const std::string_view> person_field_names() {
  return kPersonFields;
}
std::span<const std::string_view> vehicle_field_names() {
  return kVehicleFields;
}

bool is_field_name(InvolvedKind kind, std::string_view field) {
  const auto names = kind == InvolvedKind::kPerson ? person_field_names() : vehicle_field_names();
  return std::find(names.begin(), names.end(), field) != names.end();
}

}  // namespace shouwang::cad
