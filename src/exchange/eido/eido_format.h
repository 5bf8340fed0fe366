#pragma once
// The EIDO vocabulary shared by export and import: member names, component ids, NENA time
// stamps, and the mapping of our codes to the EIDO registries (NENA-STA-021 section 3) and
// back. docs/eido.md gives the same tables for people.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <shouwang/base/clock.h>
#include <shouwang/base/ids.h>
#include <shouwang/base/result.h>
#include <shouwang/cad/caution.h>
#include <shouwang/cad/incident_status.h>
#include <shouwang/cad/involved.h>
#include <shouwang/cad/location.h>
#include <shouwang/cad/order.h>

namespace shouwang::exchange::eido {

// Our extension member, present in components that carry more than EIDO has a place for.
inline constexpr std::string_view kExt = "shouwang";
inline constexpr std::string_view kContextVocab = "./JSON-LD_Contexts/EmergencyIncidentDataObjectType.jsonld";

// ---- time stamps ------------------------------------------------------------------------

// A NENA time stamp (RFC 3339 with a UTC offset) with microseconds:
// "2026-11-22T08:00:00.000000+08:00". Precondition: |offset| < 24 h.
std::string format_time(UtcTime time, std::int32_t offset_minutes);

// ---- component ids ----------------------------------------------------------------------

// "urn:emergency:uid:<kind>id:<key>:<agency>", the pattern of NENA incident and call ids.
std::string urn(std::string_view kind, std::string_view key, std::string_view agency);
// The <key> of such an id, or the whole text for any other id.
std::string record_key(std::string_view component_id);

// An agent's $id: "<user>@<agency>".
std::string agent_id(std::string_view user, std::string_view agency);
// The user back from an agent $id whose agency is `agency` (the suffix is removed when
// present, so agents of other systems keep their full identifier).
std::string user_of_agent(std::string_view agent, std::string_view agency);

// ---- registries --------------------------------------------------------------------------

// Incident Status registry: "Active" while open, "Closed" after.
std::string_view incident_status_common(cad::IncidentStatus status);

// Person Role registry and back; nullopt for a value we do not know.
std::string_view person_role_registry(cad::PersonRole role);
std::optional<cad::PersonRole> person_role_from_registry(std::string_view text);

// Vehicle Relationship Type registry and back.
std::string_view vehicle_role_registry(cad::VehicleRole role);
std::optional<cad::VehicleRole> vehicle_role_from_registry(std::string_view text);

// Caution type registry value and severity for a caution kind; the kind back.
std::string_view caution_common(cad::CautionKind kind);
std::string_view caution_severity(cad::CautionKind kind);
std::optional<cad::CautionKind> caution_from_common(std::string_view text);

// Location type registry value and the PIDF-LO method (RFC 4119 registry) of a source; a
// source back from a method (nullopt when the method says nothing we use).
std::string_view location_type(cad::LocationSource source);
std::string_view location_method(cad::LocationSource source);
std::optional<cad::LocationSource> source_from_method(std::string_view method, bool positioned);

// Emergency Resource Type registry value of a target kind.
std::string_view resource_type(cad::TargetKind kind);
// Primary and Secondary Unit Status registry values of an order.
std::string_view primary_unit_status(const cad::Order& order);
std::string_view secondary_unit_status(const cad::Order& order);
// The order status a secondary unit status of another system stands for (issued when it
// says nothing we use).
cad::OrderStatus status_from_secondary(std::string_view text);

// Agency types (IANA urn:emergency:service:responder without the prefix) of an agency our
// centre transfers incidents to: 119 fire, 120 ambulance, 122 traffic police, else police.
std::string_view agency_type_of(std::string_view agency);

}  // namespace shouwang::exchange::eido
