#pragma once
// What people and terminals ask the domain to do. A command names the entities it acts
// on and carries what it adds; who issued it and when come with it to decide() (see
// decide.h). Each struct's kName is its stable snake_case name.

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <shouwang/base/clock.h>
#include <shouwang/base/geo.h>
#include <shouwang/base/ids.h>
#include <shouwang/cad/call.h>
#include <shouwang/cad/caution.h>
#include <shouwang/cad/involved.h>
#include <shouwang/cad/key_site.h>
#include <shouwang/cad/location.h>
#include <shouwang/cad/missed_deadline.h>
#include <shouwang/cad/order.h>
#include <shouwang/cad/unit.h>
#include <shouwang/cad/warning.h>

namespace shouwang::cad {

// ---- calls -----------------------------------------------------------------------------

// Records a call. started_at <= answered_at.
struct ReceiveCall {
  static constexpr std::string_view kName = "receive_call";
  CallChannel channel = CallChannel::kVoice;
  std::string caller_number;
  std::string caller_name;
  std::string summary;
  UtcTime started_at;
  UtcTime answered_at;
};

// Closes a call that does not become an incident (misdial, silence, nuisance).
struct DismissCall {
  static constexpr std::string_view kName = "dismiss_call";
  CallId call;
  std::string reason;
};

// Opens an incident, from a call or (call invalid) from a unit's own report. Without a
// priority (0) the type's default applies, or kDefaultPriority without a type.
struct CreateIncident {
  static constexpr std::string_view kName = "create_incident";
  CallId call;
  std::string summary;
  std::string type_code;
  int priority = 0;
};

// Attaches a call to an existing open incident as a duplicate (重复报警).
struct MergeCall {
  static constexpr std::string_view kName = "merge_call";
  CallId call;
  IncidentId incident;
};

// ---- incident lifecycle ----------------------------------------------------------------

struct AcceptIncident {  // 受理: needs a type
  static constexpr std::string_view kName = "accept_incident";
  IncidentId incident;
};

// Merges a duplicate incident into another (并案); the duplicate keeps its data.
struct MergeIncident {
  static constexpr std::string_view kName = "merge_incident";
  IncidentId incident;
  IncidentId into;
  std::string reason;
};

// Records that two incidents are related (串并案线索), in both.
struct LinkIncidents {
  static constexpr std::string_view kName = "link_incidents";
  IncidentId incident;
  IncidentId other;
  std::string reason;
};

// Hands the incident to another agency (移交).
struct TransferIncident {
  static constexpr std::string_view kName = "transfer_incident";
  IncidentId incident;
  std::string to_agency;
  std::string reason;
};

// Withdraws an invalid or withdrawn incident (撤销 / 无效警情).
struct CancelIncident {
  static constexpr std::string_view kName = "cancel_incident";
  IncidentId incident;
  std::string reason;
};

// Handling at the scene is finished (处置完毕); needs a disposition, given here or before.
struct CloseScene {
  static constexpr std::string_view kName = "close_scene";
  IncidentId incident;
  std::string disposition;  // optional if already set
};

struct TerminateIncident {  // 终结
  static constexpr std::string_view kName = "terminate_incident";
  IncidentId incident;
};

struct ArchiveIncident {  // 存档
  static constexpr std::string_view kName = "archive_incident";
  IncidentId incident;
};

// ---- incident details ------------------------------------------------------------------

struct SetType {
  static constexpr std::string_view kName = "set_type";
  IncidentId incident;
  std::string type_code;
};

struct SetPriority {
  static constexpr std::string_view kName = "set_priority";
  IncidentId incident;
  int priority = 0;  // 1..4
  std::string reason;
};

// Names the station responsible for the incident (管辖单位). The server derives it from the
// confirmed location (source "location"); a dispatcher may set it (source "dispatcher"),
// and then a later location no longer moves it. The code is checked against the
// organisation tree by the caller; here it must be 1..32 letters, digits, '-' or '_'.
struct AssignStation {
  static constexpr std::string_view kName = "assign_station";
  IncidentId incident;
  std::string station;
  std::string source = "dispatcher";  // "dispatcher" or "location"
  std::string reason;
};

struct SetDisposition {
  static constexpr std::string_view kName = "set_disposition";
  IncidentId incident;
  std::string code;
};

// A location candidate; without observed_at, the command's time. A positioned candidate
// needs an uncertainty radius >= 0; a candidate needs a position or text (or both).
struct AddLocationCandidate {
  static constexpr std::string_view kName = "add_location_candidate";
  IncidentId incident;
  LocationSource source = LocationSource::kCallerText;
  std::string text;
  std::optional<LatLon> position;
  Meters uncertainty{0.0};
  std::optional<UtcTime> observed_at;
};

struct ConfirmLocation {
  static constexpr std::string_view kName = "confirm_location";
  IncidentId incident;
  std::size_t candidate = 0;  // index
};

struct AddCaution {
  static constexpr std::string_view kName = "add_caution";
  IncidentId incident;
  CautionKind kind = CautionKind::kOther;
  int count = 0;
  std::string detail;
};

struct AddNote {
  static constexpr std::string_view kName = "add_note";
  IncidentId incident;
  std::string text;
};

struct AddPerson {
  static constexpr std::string_view kName = "add_person";
  IncidentId incident;
  PersonRole role = PersonRole::kOther;
  std::map<std::string, std::string> fields;  // names from person_field_names()
};

struct AddVehicle {
  static constexpr std::string_view kName = "add_vehicle";
  IncidentId incident;
  VehicleRole role = VehicleRole::kInvolved;
  std::map<std::string, std::string> fields;  // names from vehicle_field_names()
};

// Marks one field of a person or vehicle as checked by the command's actor.
struct VerifyField {
  static constexpr std::string_view kName = "verify_field";
  IncidentId incident;
  InvolvedKind kind = InvolvedKind::kPerson;
  std::size_t index = 0;
  std::string field;
};

// ---- dispatch orders -------------------------------------------------------------------

// Issues an order (派警). With reissue_of, replaces that returned order, to another target;
// a returned child order's replacement is a child of the same parent. A registered unit
// must be on duty and neither out of service nor retired. When the dispatcher sent the
// unit over better-ranked recommended ones, `bypassed` names those and `bypass_reason`
// says why (both recorded with the order; a reason is required when any is bypassed).
struct IssueOrder {
  static constexpr std::string_view kName = "issue_order";
  IncidentId incident;
  OrderTarget target;
  std::string instructions;
  OrderId reissue_of;
  std::vector<std::string> bypassed{};
  std::string bypass_reason{};
};

// A station that signed for an order passes it on to its units / officers / vehicles.
struct SplitOrder {
  static constexpr std::string_view kName = "split_order";
  OrderId order;
  std::vector<OrderTarget> targets;
  std::string instructions;
};

struct AcknowledgeOrder {  // the target's terminal received it (送达)
  static constexpr std::string_view kName = "acknowledge_order";
  OrderId order;
};

struct SignFor {  // 签收
  static constexpr std::string_view kName = "sign_for";
  OrderId order;
};

struct EnRoute {  // 出警
  static constexpr std::string_view kName = "en_route";
  OrderId order;
};

// 到达现场. `source` says how the arrival became known: "terminal" (the unit reported it,
// the default), "gps" (the server saw the unit stop at the scene) or "dispatcher".
struct Arrive {
  static constexpr std::string_view kName = "arrive";
  OrderId order;
  std::string source = "terminal";
};

struct GiveFeedback {  // 反馈
  static constexpr std::string_view kName = "give_feedback";
  OrderId order;
  std::string text;
};

struct CompleteOrder {
  static constexpr std::string_view kName = "complete_order";
  OrderId order;
};

struct CancelOrder {
  static constexpr std::string_view kName = "cancel_order";
  OrderId order;
  std::string reason;
};

struct ReturnOrder {  // 退单
  static constexpr std::string_view kName = "return_order";
  OrderId order;
  std::string reason;
};

// ---- units and duty ---------------------------------------------------------------------

// Adds a unit to the roster. The id is its callsign, a code (code_text.h); the station a
// code the caller checked against the organisation tree.
struct RegisterUnit {
  static constexpr std::string_view kName = "register_unit";
  std::string unit;
  UnitProfile profile;
};

// Replaces a unit's profile as a whole (what it is, not what it does).
struct UpdateUnit {
  static constexpr std::string_view kName = "update_unit";
  std::string unit;
  UnitProfile profile;
};

// Takes a unit off the roster for good; it must be off duty. Its records stay.
struct RetireUnit {
  static constexpr std::string_view kName = "retire_unit";
  std::string unit;
  std::string reason;
};

// Duty reporting (勤务报备): the unit goes on shift with this crew (at least one officer),
// vehicle, equipment and patrol area, and becomes available.
struct StartShift {
  static constexpr std::string_view kName = "start_shift";
  std::string unit;
  std::vector<std::string> crew;
  std::string vehicle;
  std::vector<std::string> equipment;
  std::string patrol_area;
};

// The unit goes off shift; it must have no open order and no raised emergency.
struct EndShift {
  static constexpr std::string_view kName = "end_shift";
  std::string unit;
};

// A person sets the status of an on-duty unit without an open order: available,
// conditionally available (with a reason) or out of service (with a reason, and the
// expected return if known). The order statuses (dispatched .. on scene) follow the
// unit's orders and are never set directly.
struct SetUnitStatus {
  static constexpr std::string_view kName = "set_unit_status";
  std::string unit;
  UnitStatus status = UnitStatus::kAvailable;
  std::string reason;
  std::optional<UtcTime> expected_return;
};

// Officer in danger (一键报警): from the unit's terminal, or for it.
struct RaiseEmergency {
  static constexpr std::string_view kName = "raise_emergency";
  std::string unit;
  std::string note;
  std::optional<LatLon> position;
};

// The unit is safe again; a reason is required.
struct ClearEmergency {
  static constexpr std::string_view kName = "clear_emergency";
  std::string unit;
  std::string reason;
};

// ---- deadlines ---------------------------------------------------------------------------

// The server's timer found a deadline passed unmet (deadlines.h); recorded once per order
// (or incident, for kPending) and kind, so it escalates once and a restart does not
// repeat it. For a missed sign-for, `offered_unit` is the next unit the dispatcher is
// offered (may be empty). Not a REST command: only the server's own timer issues it.
struct RecordMissedDeadline {
  static constexpr std::string_view kName = "record_missed_deadline";
  DeadlineKind kind = DeadlineKind::kSignFor;
  IncidentId incident;
  OrderId order;  // invalid for kPending
  UtcTime due;
  std::string offered_unit{};
};

// ---- early warning -----------------------------------------------------------------------

// The server's daily scan of the incident history found an area's count beyond expectation
// (warning.h); refused as kConflict when that day, area and subject already has a warning,
// so a restart or a second scan raises nothing twice. Not a REST command: only the
// server's own watch issues it.
struct RaiseWarning {
  static constexpr std::string_view kName = "raise_warning";
  WarningSubject subject;
  std::vector<WarningEvidence> evidence;
};

// The area's station acknowledges a warning and says what it will do (required).
struct AcknowledgeWarning {
  static constexpr std::string_view kName = "acknowledge_warning";
  WarningId warning;
  std::string response;
};

// ---- quick-response circles ----------------------------------------------------------------

// Registers a key site (重点部位) with its promised response time (key_site.h). The id is a
// code; the station one the caller checked against the organisation tree.
struct RegisterSite {
  static constexpr std::string_view kName = "register_site";
  std::string site;
  SiteProfile profile;
};

// Replaces a site's profile as a whole.
struct UpdateSite {
  static constexpr std::string_view kName = "update_site";
  std::string site;
  SiteProfile profile;
};

// Takes a site off the registry (its open gap, if any, closes with it); a reason is required.
struct RetireSite {
  static constexpr std::string_view kName = "retire_site";
  std::string site;
  std::string reason;
};

// Registers a post, patrol area or checkpoint units stand at.
struct RegisterPost {
  static constexpr std::string_view kName = "register_post";
  std::string post;
  PostProfile profile;
};

struct UpdatePost {
  static constexpr std::string_view kName = "update_post";
  std::string post;
  PostProfile profile;
};

struct RetirePost {
  static constexpr std::string_view kName = "retire_post";
  std::string post;
  std::string reason;
};

// The server's circle watch found no available unit within the site's promise (the last
// one left: `left_by`, if known). Refused as kConflict while the site has an open gap, so a
// restart does not open it twice. Not a REST command.
struct OpenCoverageGap {
  static constexpr std::string_view kName = "open_coverage_gap";
  std::string site;
  std::string left_by;
  std::optional<MoveUp> move_up;
};

// A unit (`covered_by`, if known) covers the site again. Not a REST command.
struct CloseCoverageGap {
  static constexpr std::string_view kName = "close_coverage_gap";
  std::string site;
  std::string covered_by;
};

using Command =
    std::variant<ReceiveCall, DismissCall, CreateIncident, MergeCall, AcceptIncident, MergeIncident,
                 LinkIncidents, TransferIncident, CancelIncident, CloseScene, TerminateIncident,
                 ArchiveIncident, SetType, SetPriority, AssignStation, SetDisposition, AddLocationCandidate,
                 ConfirmLocation, AddCaution, AddNote, AddPerson, AddVehicle, VerifyField,
                 IssueOrder, SplitOrder, AcknowledgeOrder, SignFor, EnRoute, Arrive, GiveFeedback,
                 CompleteOrder, CancelOrder, ReturnOrder, RegisterUnit, UpdateUnit, RetireUnit,
                 StartShift, EndShift, SetUnitStatus, RaiseEmergency, ClearEmergency, RecordMissedDeadline,
                 RaiseWarning, AcknowledgeWarning, RegisterSite, UpdateSite, RetireSite, RegisterPost,
                 UpdatePost, RetirePost, OpenCoverageGap, CloseCoverageGap>;

// The command's kName.
std::string_view command_name(const Command& command);

}  // namespace shouwang::cad
