#include <shouwang/cad/unit_status.h>

#include <array>

#include "cad/enum_names.h"

namespace shouwang::cad {
namespace {

using S = UnitStatus;

constexpr std::array<EnumName<S>, 8> kNames{{
    {S::kOffDuty, "off_duty"},
    {S::kAvailable, "available"},
    {S::kConditionallyAvailable, "conditionally_available"},
    {S::kDispatched, "dispatched"},
    {S::kAcknowledged, "acknowledged"},
    {S::kEnRoute, "en_route"},
    {S::kOnScene, "on_scene"},
    {S::kOutOfService, "out_of_service"},
}};

constexpr std::array<EnumName<S>, 8> kZhNames{{
    {S::kOffDuty, "未上岗"},
    {S::kAvailable, "空闲"},
    {S::kConditionallyAvailable, "有条件可用"},
    {S::kDispatched, "已派警"},
    {S::kAcknowledged, "已签收"},
    {S::kEnRoute, "出警途中"},
    {S::kOnScene, "已到场"},
    {S::kOutOfService, "暂停勤务"},
}};

}  // namespace

std::string_view to_string(UnitStatus status) {
  return name_in<S>(kNames, status);
}

std::string_view zh_name(UnitStatus status) {
  return name_in<S>(kZhNames, status);
}

std::optional<UnitStatus> parse_unit_status(std::string_view name) {
  return value_in<S>(kNames, name);
}

bool on_duty(UnitStatus status) {
  return status != S::kOffDuty;
}

bool on_assignment(UnitStatus status) {
  return status == S::kDispatched || status == S::kAcknowledged || status == S::kEnRoute ||
         status == S::kOnScene;
}

EidoUnitStatus eido_status(UnitStatus status) {
  switch (status) {
    case S::kOffDuty:
      return {"NotAvailable", "OffDuty"};
    case S::kAvailable:
      return {"Available", "AvailableOnPatrol"};
    case S::kConditionallyAvailable:
      return {"ConditionallyAvailable", "AvailableOnAssignment"};
    case S::kDispatched:
      return {"NotAvailable", "Dispatched"};
    case S::kAcknowledged:
      return {"NotAvailable", "AcknowledgedTransmission"};
    case S::kEnRoute:
      return {"NotAvailable", "EnRoute"};
    case S::kOnScene:
      return {"NotAvailable", "OnScene"};
    case S::kOutOfService:
      return {"NotAvailable", "OutofService"};
  }
  return {"NotAvailable", "Unknown"};
}

}  // namespace shouwang::cad
