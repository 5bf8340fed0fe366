#pragma once
// Persons and vehicles involved in an incident. Each field keeps whether someone checked
// it (against an ID card, a registration, a database) and who; unchecked data is shown as
// such, never silently trusted.

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <shouwang/base/clock.h>

namespace shouwang::cad {

struct FieldValue {
  std::string value;
  bool verified = false;
  std::string verified_by;
  std::optional<UtcTime> verified_at;
  friend bool operator==(const FieldValue&, const FieldValue&) = default;
};

enum class InvolvedKind : std::uint8_t { kPerson, kVehicle };
std::string_view to_string(InvolvedKind kind);
std::optional<InvolvedKind> parse_involved_kind(std::string_view name);

enum class PersonRole : std::uint8_t { kCaller, kVictim, kSuspect, kWitness, kParty, kOther };
std::string_view to_string(PersonRole role);  // "suspect"; kParty is 当事人
std::optional<PersonRole> parse_person_role(std::string_view name);

enum class VehicleRole : std::uint8_t { kInvolved, kSuspect, kVictim, kOther };
std::string_view to_string(VehicleRole role);
std::optional<VehicleRole> parse_vehicle_role(std::string_view name);

// The field names a person / vehicle may carry.
std::span<const std::string_view> person_field_names();   // name, gender, id_number, ...
std::span<const std::string_view> vehicle_field_names();  // plate, plate_colour, ...
bool is_field_name(InvolvedKind kind, std::string_view field);

struct Person {
  PersonRole role = PersonRole::kOther;
  std::map<std::string, FieldValue> fields;
  UtcTime added_at;
  std::string added_by;
  friend bool operator==(const Person&, const Person&) = default;
};

struct Vehicle {
  VehicleRole role = VehicleRole::kInvolved;
  std::map<std::string, FieldValue> fields;
  UtcTime added_at;
  std::string added_by;
  friend bool operator==(const Vehicle&, const Vehicle&) = default;
};

}  // namespace shouwang::cad
