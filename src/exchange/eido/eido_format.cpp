#include "exchange/eido/eido_format.h"

#include <array>
#include <cstdio>
#include <cstdlib>
#include <utility>

namespace shouwang::exchange::eido {
namespace {

template <typename Enum, std::size_t N>
std::string_view name_of(const std::array<std::pair<Enum, std::string_view>, N>& table, Enum value) {
  for (const auto& [e, name] : table) {
    if (e == value)
      return name;
  }
  return {};
}

template <typename Enum, std::size_t N>
std::optional<Enum> value_of(const std::array<std::pair<Enum, std::string_view>, N>& table,
                             std::string_view name) {
  for (const auto& [e, text] : table) {
    if (text == name)
      return e;
  }
  return std::nullopt;
}

using cad::CautionKind;
using cad::LocationSource;
using cad::OrderStatus;
using cad::PersonRole;
using cad::TargetKind;
using cad::VehicleRole;

constexpr std::array<std::pair<PersonRole, std::string_view>, 6> kPersonRoles{{
    {PersonRole::kCaller, "Caller"},
    {PersonRole::kVictim, "Victim"},
    {PersonRole::kSuspect, "Suspect"},
    {PersonRole::kWitness, "Witness"},
    {PersonRole::kParty, "Involved"},
    {PersonRole::kOther, "Other"},
}};

constexpr std::array<std::pair<VehicleRole, std::string_view>, 4> kVehicleRoles{{
    {VehicleRole::kInvolved, "Involved"},
    {VehicleRole::kSuspect, "Suspect"},
    {VehicleRole::kVictim, "Victim"},
    {VehicleRole::kOther, "Other"},
}};

constexpr std::array<std::pair<CautionKind, std::string_view>, 5> kCautions{{
    {CautionKind::kArmed, "Weapons"},
    {CautionKind::kHazardousGoods, "HazardousMaterials"},
    {CautionKind::kInjured, "Injury"},
    {CautionKind::kTrapped, "Entrapment"},
    {CautionKind::kOther, "Other"},
}};

constexpr std::array<std::pair<LocationSource, std::string_view>, 6> kMethods{{
    {LocationSource::kCallerText, "Manual"},
    {LocationSource::kMatchedAddress, "Manual"},
    {LocationSource::kHandsetGnss, "GPS"},
    {LocationSource::kSmsLinkGps, "A-GPS"},
    {LocationSource::kCellSector, "Cell"},
    {LocationSource::kMapPin, "Manual"},
}};

}  // namespace

std::string format_time(UtcTime time, std::int32_t offset_minutes) {
  // Shift to local wall-clock time, print it as if it were UTC, then swap the "Z" for the
  // offset; to_iso8601 always prints six fractional digits.
  const UtcTime local = time.plus_micros(std::int64_t{offset_minutes} * 60 * 1'000'000);
  std::string text = local.to_iso8601();
  if (!text.empty() && text.back() == 'Z')
    text.pop_back();
  const int minutes = std::abs(offset_minutes);
  char zone[16];
  std::snprintf(zone, sizeof zone, "%c%02d:%02d", offset_minutes < 0 ? '-' : '+', minutes / 60,
                minutes % 60);
  return text + zone;
}

std::string urn(std::string_view kind, std::string_view key, std::string_view agency) {
  std::string out = "urn:emergency:uid:";
  out.append(kind).append("id:").append(key).append(":").append(agency);
  return out;
}

std::string record_key(std::string_view component_id) {
  constexpr std::string_view kPrefix = "urn:emergency:uid:";
  if (!component_id.starts_with(kPrefix))
    return std::string(component_id);
  const std::string_view rest = component_id.substr(kPrefix.size());
  const auto first = rest.find(':');
  if (first == std::string_view::npos)
    return std::string(component_id);
  const auto second = rest.find(':', first + 1);
  if (second == std::string_view::npos)
    return std::string(component_id);
  return std::string(rest.substr(first + 1, second - first - 1));
}

std::string agent_id(std::string_view user, std::string_view agency) {
  std::string out(user);
  out.append("@").append(agency);
  return out;
}

std::string user_of_agent(std::string_view agent, std::string_view agency) {
  if (!agency.empty() && agent.size() > agency.size() + 1 && agent.ends_with(agency) &&
      agent[agent.size() - agency.size() - 1] == '@') {
    return std::string(agent.substr(0, agent.size() - agency.size() - 1));
  }
  return std::string(agent);
}

std::string_view incident_status_common(cad::IncidentStatus status) {
  return cad::is_open(status) ? "Active" : "Closed";
}

std::string_view person_role_registry(PersonRole role) {
  return name_of(kPersonRoles, role);
}
std::optional<PersonRole> person_role_from_registry(std::string_view text) {
  return value_of(kPersonRoles, text);
}

std::string_view vehicle_role_registry(VehicleRole role) {
  return name_of(kVehicleRoles, role);
}
std::optional<VehicleRole> vehicle_role_from_registry(std::string_view text) {
  return value_of(kVehicleRoles, text);
}

std::string_view caution_common(CautionKind kind) {
  return name_of(kCautions, kind);
}
std::string_view caution_severity(CautionKind kind) {
  return kind == CautionKind::kArmed || kind == CautionKind::kHazardousGoods ? "high" : "normal";
}
std::optional<CautionKind> caution_from_common(std::string_view text) {
  return value_of(kCautions, text);
}

std::string_view location_type(LocationSource source) {
  switch (source) {
    case LocationSource::kHandsetGnss:
    case LocationSource::kSmsLinkGps:
    case LocationSource::kCellSector:
      return "Caller";  // where the caller's device is
    default:
      return "Incident";  // where the caller or a person says it happened
  }
}

std::string_view location_method(LocationSource source) {
  return name_of(kMethods, source);
}

std::optional<LocationSource> source_from_method(std::string_view method, bool positioned) {
  if (method == "GPS")
    return LocationSource::kHandsetGnss;
  if (method == "A-GPS")
    return LocationSource::kSmsLinkGps;
  if (method == "Cell" || method == "Triangulation")
    return LocationSource::kCellSector;
  if (positioned)
    return LocationSource::kMapPin;
  return LocationSource::kCallerText;
}

std::string_view resource_type(TargetKind) {
  // Every target of a 110 centre is law enforcement; the kind itself goes into
  // emergencyResourceTypeInternalText.
  return "Law Enforcement";
}

std::string_view primary_unit_status(const cad::Order& order) {
  return cad::is_open(order.status) ? "NotAvailable" : "Available";
}

std::string_view secondary_unit_status(const cad::Order& order) {
  switch (order.status) {
    case OrderStatus::kIssued:
      return "Dispatched";
    case OrderStatus::kSignedFor:
      return "AcknowledgedTransmission";
    case OrderStatus::kEnRoute:
      return "EnRoute";
    case OrderStatus::kArrived:
      return "OnScene";
    case OrderStatus::kFeedback:
      // Feedback is not a unit status; say how far the unit itself got.
      if (order.times.arrived)
        return "OnScene";
      return order.times.en_route ? "EnRoute" : "AcknowledgedTransmission";
    case OrderStatus::kDone:
      return "Cleared";
    case OrderStatus::kCancelled:
    case OrderStatus::kReturned:
      return "AssignmentCanceled";
  }
  return "Dispatched";
}

OrderStatus status_from_secondary(std::string_view text) {
  if (text == "AcknowledgedTransmission")
    return OrderStatus::kSignedFor;
  if (text == "EnRoute")
    return OrderStatus::kEnRoute;
  if (text == "OnScene" || text == "Arrived" || text == "Cleared")
    return OrderStatus::kArrived;
  if (text == "AssignmentCanceled")
    return OrderStatus::kCancelled;
  return OrderStatus::kIssued;
}

std::string_view agency_type_of(std::string_view agency) {
  if (agency == "119")
    return "fire";
  if (agency == "120")
    return "ems";
  return "police";
}

}  // namespace shouwang::exchange::eido
