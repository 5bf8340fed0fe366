// The incident lifecycle: accepting, merging, linking, transferring, cancelling, closing,
// terminating and archiving.

#include <algorithm>

#include <shouwang/cad/event_types.h>
#include <shouwang/cad/record_id.h>

#include "cad/decide/cascade.h"
#include "cad/decide/handlers.h"
#include "cad/decide/refusals.h"

namespace shouwang::cad {
namespace {

std::size_t count_open_orders(const Decision& d, const Incident& incident) {
  return static_cast<std::size_t>(
      std::count_if(incident.orders.begin(), incident.orders.end(), [&](OrderId id) {
        const Order* order = d.state().find(id);
        return order != nullptr && is_open(order->status);
      }));
}

}  // namespace

Status handle(Decision& d, const AcceptIncident& c) {
  auto incident = d.incident(c.incident);
  if (!incident.ok())
    return incident.error();
  const Incident& i = **incident;
  if (auto s = require_step(i, IncidentStatus::kAccepted, "accept the incident"); !s.ok())
    return s;
  if (i.type_code.empty()) {
    return Error(
        Errc::kInvalidArgument,
        "incident " + to_string(i.id) + " has no type yet; set its type before accepting it",
        "type_code");
  }
  change_status(d, i, IncidentStatus::kAccepted, "");
  return {};
}

Status handle(Decision& d, const MergeIncident& c) {
  auto source = d.incident(c.incident);
  if (!source.ok())
    return source.error();
  auto target = d.incident(c.into, "into");
  if (!target.ok())
    return target.error();
  const Incident& from = **source;
  const Incident& into = **target;
  if (from.id == into.id) {
    return Error(Errc::kInvalidArgument, "an incident cannot be merged into itself", "into");
  }
  if (auto s = require_step(from, IncidentStatus::kMerged, "merge the incident"); !s.ok())
    return s;
  if (!is_open(into.status)) {
    return refuse(into, "merge another incident into it", "merge only into an open incident",
                  "into");
  }
  if (const auto open = count_open_orders(d, from); open > 0) {
    return Error(Errc::kConflict,
                 "incident " + to_string(from.id) + " still has " + std::to_string(open) +
                     " open dispatch order(s); cancel or complete them before merging it",
                 "incident");
  }
  d.emit(event_type::kIncidentMerged, {to_string(from.id), to_string(into.id)},
         {{"incident_id", to_string(from.id)}, {"into", to_string(into.id)}, {"reason", c.reason}});
  change_status(d, from, IncidentStatus::kMerged, c.reason);
  return {};
}

Status handle(Decision& d, const LinkIncidents& c) {
  auto first = d.incident(c.incident);
  if (!first.ok())
    return first.error();
  auto second = d.incident(c.other, "other");
  if (!second.ok())
    return second.error();
  if (c.incident == c.other) {
    return Error(Errc::kInvalidArgument, "an incident cannot be linked to itself", "other");
  }
  const auto& links = (*first)->links;
  if (std::any_of(links.begin(), links.end(),
                  [&](const IncidentLink& link) { return link.other == c.other; })) {
    return Error(
        Errc::kAlreadyExists,
        "incidents " + to_string(c.incident) + " and " + to_string(c.other) + " are already linked",
        "other");
  }
  d.emit(event_type::kIncidentLinked, {to_string(c.incident), to_string(c.other)},
         {{"incident_id", to_string(c.incident)},
          {"other", to_string(c.other)},
          {"reason", c.reason}});
  return {};
}

Status handle(Decision& d, const TransferIncident& c) {
  auto incident = d.incident(c.incident);
  if (!incident.ok())
    return incident.error();
  const Incident& i = **incident;
  if (auto s = require_step(i, IncidentStatus::kTransferredOut, "transfer the incident"); !s.ok()) {
    return s;
  }
  if (auto s = require_text(c.to_agency, "to_agency", "the receiving agency"); !s.ok())
    return s;
  end_open_orders(d, i, "incident transferred to " + c.to_agency);
  d.emit(event_type::kIncidentTransferred, {to_string(i.id)},
         {{"incident_id", to_string(i.id)}, {"to_agency", c.to_agency}, {"reason", c.reason}});
  change_status(d, i, IncidentStatus::kTransferredOut, c.reason);
  return {};
}

Status handle(Decision& d, const CancelIncident& c) {
  auto incident = d.incident(c.incident);
  if (!incident.ok())
    return incident.error();
  const Incident& i = **incident;
  if (auto s = require_step(i, IncidentStatus::kCancelled, "cancel the incident"); !s.ok())
    return s;
  if (auto s = require_text(c.reason, "reason", "the reason for cancelling"); !s.ok())
    return s;
  end_open_orders(d, i, "incident cancelled: " + c.reason);
  change_status(d, i, IncidentStatus::kCancelled, c.reason);
  return {};
}

Status handle(Decision& d, const CloseScene& c) {
  auto incident = d.incident(c.incident);
  if (!incident.ok())
    return incident.error();
  const Incident& i = **incident;
  if (auto s = require_step(i, IncidentStatus::kSceneClosed, "close the scene"); !s.ok())
    return s;
  if (!c.disposition.empty() && d.taxonomy().dispositions.find(c.disposition) == nullptr) {
    return Error(Errc::kNotFound, "disposition code '" + c.disposition + "' is not in the taxonomy",
                 "disposition");
  }
  if (c.disposition.empty() && i.disposition.empty()) {
    return Error(Errc::kInvalidArgument,
                 "incident " + to_string(i.id) + " has no disposition; give one to close the scene",
                 "disposition");
  }
  if (!c.disposition.empty() && c.disposition != i.disposition) {
    d.emit(
        event_type::kIncidentDispositionSet, {to_string(i.id)},
        {{"incident_id", to_string(i.id)}, {"code", c.disposition}, {"previous", i.disposition}});
  }
  end_open_orders(d, i, "incident scene closed");
  change_status(d, i, IncidentStatus::kSceneClosed, "");
  return {};
}

Status handle(Decision& d, const TerminateIncident& c) {
  auto incident = d.incident(c.incident);
  if (!incident.ok())
    return incident.error();
  const Incident& i = **incident;
  if (auto s = require_step(i, IncidentStatus::kTerminated, "terminate the incident"); !s.ok()) {
    return s;
  }
  end_open_orders(d, i, "incident terminated");
  change_status(d, i, IncidentStatus::kTerminated, "");
  return {};
}

Status handle(Decision& d, const ArchiveIncident& c) {
  auto incident = d.incident(c.incident);
  if (!incident.ok())
    return incident.error();
  const Incident& i = **incident;
  if (auto s = require_step(i, IncidentStatus::kArchived, "archive the incident"); !s.ok())
    return s;
  change_status(d, i, IncidentStatus::kArchived, "");
  return {};
}

}  // namespace shouwang::cad
