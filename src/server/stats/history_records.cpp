// cad incidents and orders as the analytics history records them.

#include <shouwang/cad/record_id.h>
#include <shouwang/cad/reporting_group.h>
#include <shouwang/server/statistics.h>

namespace shouwang::server {
namespace {

using analytics::Milestone;
using analytics::OrderStep;

analytics::Instant instant(const std::optional<UtcTime>& t) {
  return t ? analytics::Instant(t->micros()) : std::nullopt;
}

void put(analytics::IncidentRecord& r, Milestone m, const std::optional<UtcTime>& t) {
  r.times[static_cast<std::size_t>(m)] = instant(t);
}

void put(analytics::OrderRecord& r, OrderStep s, const std::optional<UtcTime>& t) {
  r.times[static_cast<std::size_t>(s)] = instant(t);
}

analytics::Standing standing_of(cad::IncidentStatus status) {
  switch (status) {
    case cad::IncidentStatus::kMerged:
      return analytics::Standing::kMerged;
    case cad::IncidentStatus::kCancelled:
      return analytics::Standing::kCancelled;
    default:
      return analytics::Standing::kCounted;
  }
}

analytics::OrderEnd end_of(cad::OrderStatus status) {
  switch (status) {
    case cad::OrderStatus::kDone:
      return analytics::OrderEnd::kDone;
    case cad::OrderStatus::kCancelled:
      return analytics::OrderEnd::kCancelled;
    case cad::OrderStatus::kReturned:
      return analytics::OrderEnd::kReturned;
    default:
      return analytics::OrderEnd::kOpen;
  }
}

}  // namespace

std::function<std::string(std::string_view station)> district_lookup(
    const osm::Jurisdictions& map) {
  return [&map](std::string_view station) {
    const osm::OrgUnit* unit = map.find(station);
    if (unit == nullptr || unit->level != osm::OrgLevel::kStation)
      return std::string();
    const osm::OrgUnit* parent = map.find(unit->parent);
    return parent != nullptr && parent->level == osm::OrgLevel::kSubBureau ? parent->code
                                                                           : std::string();
  };
}

std::vector<std::string> reporting_group_names() {
  std::vector<std::string> names;
  for (const cad::ReportingGroup g : cad::all_reporting_groups())
    names.emplace_back(cad::to_string(g));
  return names;
}

analytics::IncidentRecord incident_record(const cad::Incident& incident, const cad::State& state,
                                          const StatisticsContext& context) {
  analytics::IncidentRecord r;
  r.id = cad::to_string(incident.id);
  r.type_code = incident.type_code;
  if (context.taxonomy != nullptr) {
    if (const cad::IncidentType* type = context.taxonomy->types.find(incident.type_code)) {
      for (const cad::ReportingGroup g : type->groups)
        r.groups |= 1u << static_cast<unsigned>(g);
    }
  }
  r.priority = incident.priority;
  r.station = incident.station;
  if (!r.station.empty())
    r.district = context.district_of(r.station);
  if (const cad::LocationCandidate* where = cad::effective_location(incident.location))
    r.position = where->position;
  r.standing = standing_of(incident.status);

  if (!incident.calls.empty()) {
    if (const cad::Call* first = state.find(incident.calls.front())) {
      r.officer_initiated = first->channel == cad::CallChannel::kOfficer;
      put(r, Milestone::kCallStart, first->started_at);
      put(r, Milestone::kAnswered, first->answered_at);
    }
  }
  const cad::IncidentTimes& t = incident.times;
  put(r, Milestone::kCreated, t.created);
  put(r, Milestone::kAccepted, t.accepted);
  put(r, Milestone::kFirstIssued, t.first_order_issued);
  put(r, Milestone::kFirstReceived, t.first_order_received);
  put(r, Milestone::kFirstSignedFor, t.first_signed_for);
  put(r, Milestone::kFirstEnRoute, t.first_en_route);
  put(r, Milestone::kFirstArrived, t.first_arrived);
  put(r, Milestone::kFirstFeedback, t.first_feedback);
  put(r, Milestone::kSceneClosed, t.scene_closed);
  put(r, Milestone::kTerminated, t.terminated);

  std::optional<UtcTime> first_arrival;
  for (const OrderId id : incident.orders) {
    const cad::Order* order = state.find(id);
    if (order == nullptr || !order->times.arrived)
      continue;
    if (!first_arrival || *order->times.arrived < *first_arrival) {
      first_arrival = order->times.arrived;
      r.first_arrived_unit = order->target.id;
    }
  }
  return r;
}

analytics::OrderRecord order_record(const cad::Order& order, const cad::State& state) {
  analytics::OrderRecord r;
  r.id = cad::to_string(order.id);
  r.incident = cad::to_string(order.incident);
  r.target = order.target.id;
  if (order.target.kind == cad::TargetKind::kStation) {
    r.station = order.target.id;
  } else if (order.target.kind == cad::TargetKind::kUnit) {
    if (const cad::Unit* unit = state.find_unit(order.target.id))
      r.station = unit->profile.station;
  }
  if (r.station.empty() && order.parent.valid()) {  // an officer or vehicle of a station's order
    if (const cad::Order* parent = state.find(order.parent);
        parent && parent->target.kind == cad::TargetKind::kStation)
      r.station = parent->target.id;
  }
  if (r.station
          .empty()) {  // a target the roster does not know: the incident's station answers for it
    if (const cad::Incident* incident = state.find(order.incident))
      r.station = incident->station;
  }
  r.end = end_of(order.status);
  const cad::OrderTimes& t = order.times;
  put(r, OrderStep::kIssued, t.issued);
  put(r, OrderStep::kReceived, t.received);
  put(r, OrderStep::kSignedFor, t.signed_for);
  put(r, OrderStep::kEnRoute, t.en_route);
  put(r, OrderStep::kArrived, t.arrived);
  put(r, OrderStep::kFeedback, t.feedback);
  put(r, OrderStep::kDone, t.done);
  return r;
}

}  // namespace shouwang::server
