#include <array>

#include <shouwang/cad/incident_status.h>

#include "cad/enum_names.h"

namespace shouwang::cad {
namespace {

using S = IncidentStatus;

constexpr std::array<EnumName<S>, 12> kNames{{
    {S::kAccepting, "accepting"},
    {S::kAccepted, "accepted"},
    {S::kDispatched, "dispatched"},
    {S::kUnitsOut, "units_out"},
    {S::kArrived, "arrived"},
    {S::kFeedback, "feedback"},
    {S::kSceneClosed, "scene_closed"},
    {S::kTerminated, "terminated"},
    {S::kArchived, "archived"},
    {S::kTransferredOut, "transferred_out"},
    {S::kMerged, "merged"},
    {S::kCancelled, "cancelled"},
}};

constexpr std::array<EnumName<S>, 12> kZhNames{{
    {S::kAccepting, "受理中"},
    {S::kAccepted, "已受理"},
    {S::kDispatched, "已派警"},
    {S::kUnitsOut, "已出警"},
    {S::kArrived, "已到达"},
    {S::kFeedback, "已反馈"},
    {S::kSceneClosed, "处置完毕"},
    {S::kTerminated, "已终结"},
    {S::kArchived, "已存档"},
    {S::kTransferredOut, "已移交"},
    {S::kMerged, "已并案"},
    {S::kCancelled, "已撤销"},
}};

constexpr IncidentTransition kTransitions[] = {
    {S::kAccepting, S::kAccepted, "accept_incident"},
    {S::kAccepting, S::kTransferredOut, "transfer_incident"},
    {S::kAccepting, S::kMerged, "merge_incident"},
    {S::kAccepting, S::kCancelled, "cancel_incident"},

    {S::kAccepted, S::kDispatched, "order.issued (first order)"},
    {S::kAccepted, S::kSceneClosed, "close_scene (handled without dispatch)"},
    {S::kAccepted, S::kTransferredOut, "transfer_incident"},
    {S::kAccepted, S::kMerged, "merge_incident"},
    {S::kAccepted, S::kCancelled, "cancel_incident"},

    {S::kDispatched, S::kUnitsOut, "order.en_route (first unit en route)"},
    {S::kDispatched, S::kFeedback, "order.feedback (first feedback, before any unit moved)"},
    {S::kDispatched, S::kSceneClosed, "close_scene"},
    {S::kDispatched, S::kTransferredOut, "transfer_incident"},
    {S::kDispatched, S::kMerged, "merge_incident (no open orders)"},
    {S::kDispatched, S::kCancelled, "cancel_incident"},

    {S::kUnitsOut, S::kArrived, "order.arrived (first arrival)"},
    {S::kUnitsOut, S::kFeedback, "order.feedback (first feedback, before any arrival)"},
    {S::kUnitsOut, S::kSceneClosed, "close_scene"},
    {S::kUnitsOut, S::kTransferredOut, "transfer_incident"},
    {S::kUnitsOut, S::kMerged, "merge_incident (no open orders)"},
    {S::kUnitsOut, S::kCancelled, "cancel_incident"},

    {S::kArrived, S::kFeedback, "order.feedback (first feedback)"},
    {S::kArrived, S::kSceneClosed, "close_scene"},
    {S::kArrived, S::kTransferredOut, "transfer_incident"},
    {S::kArrived, S::kMerged, "merge_incident (no open orders)"},
    {S::kArrived, S::kCancelled, "cancel_incident"},

    {S::kFeedback, S::kSceneClosed, "close_scene"},
    {S::kFeedback, S::kTransferredOut, "transfer_incident"},
    {S::kFeedback, S::kMerged, "merge_incident (no open orders)"},
    {S::kFeedback, S::kCancelled, "cancel_incident"},

    {S::kSceneClosed, S::kTerminated, "terminate_incident"},
    {S::kTerminated, S::kArchived, "archive_incident"},
    {S::kTransferredOut, S::kArchived, "archive_incident"},
    {S::kMerged, S::kArchived, "archive_incident"},
    {S::kCancelled, S::kArchived, "archive_incident"},
};

}  // namespace

std::string_view to_string(IncidentStatus status) {
  return name_in<S>(kNames, status);
}

std::string_view zh_name(IncidentStatus status) {
  return name_in<S>(kZhNames, status);
}

std::optional<IncidentStatus> parse_incident_status(std::string_view name) {
  return value_in<S>(kNames, name);
}

std::span<const IncidentTransition> incident_transitions() {
  return kTransitions;
}

bool incident_transition_allowed(IncidentStatus from, IncidentStatus to) {
  for (const auto& t : kTransitions) {
    if (t.from == from && t.to == to)
      return true;
  }
  return false;
}

bool is_open(IncidentStatus status) {
  return status <= S::kFeedback;
}

bool accepts_orders(IncidentStatus status) {
  return status >= S::kAccepted && status <= S::kFeedback;
}

bool is_classifiable(IncidentStatus status) {
  return status <= S::kSceneClosed;
}

bool is_editable(IncidentStatus status) {
  return status != S::kMerged && status != S::kArchived;
}

int progress_rank(IncidentStatus status) {
  switch (status) {
    case S::kDispatched:
      return 1;
    case S::kUnitsOut:
      return 2;
    case S::kArrived:
      return 3;
    case S::kFeedback:
      return 4;
    default:
      return 0;
  }
}

}  // namespace shouwang::cad
