#pragma once
// A unit (警力单元): a patrol car, foot patrol, motorcycle, PTU team or boat that orders
// are sent to. Its record holds what it is (registered once, edited rarely) and what it is
// doing now: its duty shift (勤务报备), its status and the orders it works, and an
// emergency (officer in danger) that every console must show at once. Live positions are
// not here: they arrive many times a second and are kept outside the event log
// (telemetry), so the domain state stays small and the log holds only decisions.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <shouwang/base/clock.h>
#include <shouwang/base/geo.h>
#include <shouwang/base/ids.h>
#include <shouwang/cad/status_change.h>
#include <shouwang/cad/unit_status.h>

namespace shouwang::cad {

enum class UnitType : std::uint8_t {
  kPatrolCar,   // 巡逻车
  kFootPatrol,  // 步巡
  kMotorcycle,  // 摩托车巡逻
  kPtu,         // 特警 / 巡特警队 (police tactical unit)
  kTraffic,     // 交警
  kBoat,        // 船艇
  kOther,
};
std::string_view to_string(UnitType type);  // "patrol_car"
std::string_view zh_name(UnitType type);    // "巡逻车"
std::optional<UnitType> parse_unit_type(std::string_view name);

// What a unit is: registered, then edited as a whole. Lists are sorted and unique.
struct UnitProfile {
  std::string name;                       // for display: "城东巡逻1车"
  UnitType type = UnitType::kPatrolCar;
  std::string station;                    // the station it belongs to (org code)
  std::vector<std::string> capabilities;  // what it can handle: "patrol", "traffic" …
  std::vector<std::string> equipment;     // what it always carries
  std::optional<LatLon> home_post;        // where it waits when not on a task
  std::vector<std::string> devices;       // radio / GPS terminal ids
  friend bool operator==(const UnitProfile&, const UnitProfile&) = default;
};

// One duty shift (勤务报备): who is on board and with what, where they patrol.
struct DutyShift {
  std::vector<std::string> crew;       // officers' badge numbers, first is in charge
  std::string vehicle;                 // plate, may be empty for a foot patrol
  std::vector<std::string> equipment;  // carried this shift, besides the unit's own
  std::string patrol_area;             // a named beat or area, may be empty
  UtcTime started_at;
  std::string started_by;
  friend bool operator==(const DutyShift&, const DutyShift&) = default;
};

// An officer-in-danger alarm, raised by the unit's terminal (or for it) and cleared by a
// dispatcher or commander once the unit is safe.
struct UnitEmergency {
  UtcTime raised_at;
  std::string raised_by;
  std::string note;
  std::optional<LatLon> position;  // as the terminal reported it, if it did
  friend bool operator==(const UnitEmergency&, const UnitEmergency&) = default;
};

struct Unit {
  std::string id;  // callsign, a code (code_text.h); orders name the unit by it
  UnitProfile profile;
  UtcTime registered_at;
  bool retired = false;  // no longer in service; kept for the records that name it

  UnitStatus status = UnitStatus::kOffDuty;
  std::optional<DutyShift> shift;  // while on duty
  std::string status_reason;       // conditionally available / out of service: why
  std::optional<UtcTime> expected_return;  // out of service: when it should be back
  std::vector<OrderId> orders;     // its open orders, in the order issued
  std::optional<UnitEmergency> emergency;
  std::vector<StatusChange<UnitStatus>> history;
  friend bool operator==(const Unit&, const Unit&) = default;
};

// The capabilities in `required` the unit lacks (both lists sorted), in `required`'s order.
[[nodiscard]] std::vector<std::string> missing_capabilities(const Unit& unit,
                                                            const std::vector<std::string>& required);

}  // namespace shouwang::cad
