#pragma once
// A unit's operational status (警力状态) as a state machine, and its mapping to the EIDO
// unit status (primary: can the unit take a call; secondary: what it is doing).
//
//   off_duty ──shift start──▶ available ◀──────────── (last open order ends) ─────┐
//      ▲                        │  ▲ │                                             │
//      └────shift end───────────┘  │ └─▶ conditionally_available (reason)          │
//                                  │         │                                     │
//   out_of_service (reason, expected return) ◀─ from any on-duty status            │
//                                                                                  │
//   order to the unit: dispatched ─▶ acknowledged ─▶ en_route ─▶ on_scene ─────────┘
//
// The order statuses drive dispatched .. on_scene (the unit follows its latest open
// order); a person sets available, conditionally available and out of service; duty
// reporting moves between off duty and available.

#include <cstdint>
#include <optional>
#include <string_view>

namespace shouwang::cad {

enum class UnitStatus : std::uint8_t {
  kOffDuty,                 // 未上岗
  kAvailable,               // 空闲 (on patrol or at post)
  kConditionallyAvailable,  // 有条件可用 (writing a report, at a meal: may be sent, marked)
  kDispatched,              // 已派警
  kAcknowledged,            // 已签收
  kEnRoute,                 // 出警途中
  kOnScene,                 // 已到场
  kOutOfService,            // 暂停勤务 (breakdown, custody transport …), reason + expected return
};

std::string_view to_string(UnitStatus status);  // "conditionally_available"
std::string_view zh_name(UnitStatus status);    // "有条件可用"
std::optional<UnitStatus> parse_unit_status(std::string_view name);

// On shift: every status but off duty.
bool on_duty(UnitStatus status);
// Working an order: dispatched .. on scene.
bool on_assignment(UnitStatus status);

// The EIDO unit status: primary Available / ConditionallyAvailable / NotAvailable and the
// secondary that says why (Dispatched, AcknowledgedTransmission, EnRoute, OnScene,
// OutofService, OffDuty, AvailableOnPatrol …).
struct EidoUnitStatus {
  std::string_view primary;
  std::string_view secondary;
};
EidoUnitStatus eido_status(UnitStatus status);

}  // namespace shouwang::cad
