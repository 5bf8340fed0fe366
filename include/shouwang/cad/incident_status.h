#pragma once
// The CN 110 incident lifecycle as an explicit state machine.
//
//   accepting ─▶ accepted ─▶ dispatched ─▶ units_out ─▶ arrived ─▶ feedback
//   受理中        已受理        已派警         已出警        已到达      已反馈
//                   │            │              │            │          │
//                   └────────────┴──────┬───────┴────────────┴──────────┘
//                                       ▼
//                                 scene_closed ─▶ terminated ─▶ archived
//                                 处置完毕         已终结          已存档
//
//   any open status ─▶ transferred_out (移交), merged (并案), cancelled (撤销/无效)
//   transferred_out, merged, cancelled ─▶ archived
//
// dispatched, units_out, arrived and feedback are reached only from the incident's
// dispatch orders (first order issued, first unit en route, first arrival, first
// feedback); a status never moves backwards. incident_transitions() is the complete table;
// decide() refuses, and apply() treats as corrupt, any step not in it.

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace shouwang::cad {

enum class IncidentStatus : std::uint8_t {
  kAccepting,       // 受理中: the call taker is taking the details
  kAccepted,        // 已受理: classified, waiting for dispatch
  kDispatched,      // 已派警: at least one dispatch order issued
  kUnitsOut,        // 已出警: at least one unit en route
  kArrived,         // 已到达: at least one unit on scene
  kFeedback,        // 已反馈: at least one unit reported back
  kSceneClosed,     // 处置完毕: handling at the scene is finished
  kTerminated,      // 已终结: closed with a disposition
  kArchived,        // 已存档: read-only from now on
  kTransferredOut,  // 已移交: handed to another agency (119, 120, 122, another centre)
  kMerged,          // 已并案: a duplicate merged into another incident
  kCancelled,       // 已撤销: invalid or withdrawn
};

std::string_view to_string(IncidentStatus status);  // "units_out"
std::string_view zh_name(IncidentStatus status);    // "已出警"
std::optional<IncidentStatus> parse_incident_status(std::string_view name);

struct IncidentTransition {
  IncidentStatus from;
  IncidentStatus to;
  std::string_view trigger;  // the command or order event that takes the step
};

// Every allowed step, in lifecycle order.
std::span<const IncidentTransition> incident_transitions();
bool incident_transition_allowed(IncidentStatus from, IncidentStatus to);

// Open: work on the incident continues; calls may join it, and it may be closed,
// cancelled, transferred or merged (accepting .. feedback).
bool is_open(IncidentStatus status);
// Dispatch orders may be issued (accepted .. feedback).
bool accepts_orders(IncidentStatus status);
// Type and disposition may still be corrected (open, or scene_closed).
bool is_classifiable(IncidentStatus status);
// Notes, location candidates, cautions, persons and vehicles may be added (anything but
// merged and archived: a merged incident's details belong to the incident it joined).
bool is_editable(IncidentStatus status);

// The progress milestones reached through orders, ranked: dispatched 1, units_out 2,
// arrived 3, feedback 4; 0 for every other status.
int progress_rank(IncidentStatus status);

}  // namespace shouwang::cad
