#pragma once
// An incident (警情): what the centre handles, made from one or more calls. Nothing in it
// is destroyed: merges and links are recorded on both sides, notes, cautions, location
// candidates, persons and vehicles are append-only, and every status change is kept.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <shouwang/base/clock.h>
#include <shouwang/base/ids.h>
#include <shouwang/cad/caution.h>
#include <shouwang/cad/incident_status.h>
#include <shouwang/cad/involved.h>
#include <shouwang/cad/location.h>
#include <shouwang/cad/missed_deadline.h>
#include <shouwang/cad/status_change.h>

namespace shouwang::cad {

inline constexpr int kDefaultPriority = 3;  // for an incident created without a type

// Where the current priority came from.
enum class PrioritySource : std::uint8_t {
  kDefault,      // kDefaultPriority, no type known yet
  kTypeDefault,  // the default priority of the incident's type
  kDispatcher,   // set by a person; a later type change keeps it
};
std::string_view to_string(PrioritySource source);
std::optional<PrioritySource> parse_priority_source(std::string_view name);

struct IncidentLink {
  IncidentId other;
  std::string reason;
  UtcTime at;
  std::string by;
  friend bool operator==(const IncidentLink&, const IncidentLink&) = default;
};

struct Transfer {
  std::string to_agency;  // "119", "120", "122", "12345" or another centre's code
  std::string reason;
  UtcTime at;
  std::string by;
  friend bool operator==(const Transfer&, const Transfer&) = default;
};

// The incident's milestones (domain.md, "Timestamps to record"); the calls keep their own
// start and answer times, the orders their own steps.
struct IncidentTimes {
  UtcTime created;
  std::optional<UtcTime> accepted;
  std::optional<UtcTime> first_order_issued;
  std::optional<UtcTime> first_order_received;
  std::optional<UtcTime> first_signed_for;
  std::optional<UtcTime> first_en_route;
  std::optional<UtcTime> first_arrived;
  std::optional<UtcTime> first_feedback;
  std::optional<UtcTime> scene_closed;  // 处置完毕 (scene cleared)
  std::optional<UtcTime> terminated;    // 已终结 (closed)
  std::optional<UtcTime> archived;
  friend bool operator==(const IncidentTimes&, const IncidentTimes&) = default;
};

struct Incident {
  IncidentId id;
  IncidentStatus status = IncidentStatus::kAccepting;
  std::string summary;
  std::string created_by;

  std::string type_code;            // local taxonomy code; empty until classified
  std::string common_type;          // the type's common code at the time it was set
  int priority = kDefaultPriority;  // 1 (most urgent) .. 4
  PrioritySource priority_source = PrioritySource::kDefault;
  std::string disposition;  // disposition code; empty until set
  std::string station;      // responsible station's code; empty until assigned
  bool station_by_dispatcher = false;  // set by a person, so locations no longer move it

  std::vector<CallId> calls;  // in the order attached
  IncidentId merged_into;     // valid once merged
  std::vector<IncidentId> merged_from;
  std::vector<IncidentLink> links;
  std::optional<Transfer> transfer;

  IncidentLocation location;
  std::vector<Caution> cautions;
  std::vector<Note> notes;
  std::vector<Person> persons;
  std::vector<Vehicle> vehicles;

  std::vector<OrderId> orders;  // every order of the incident, children too, in issue order
  IncidentTimes times;
  std::vector<StatusChange<IncidentStatus>> history;
  std::vector<MissedDeadline> missed;  // pending too long without an order
  friend bool operator==(const Incident&, const Incident&) = default;
};

}  // namespace shouwang::cad
