#include <algorithm>

#include <shouwang/cad/record_id.h>

#include "cad/apply/appliers.h"

namespace shouwang::cad {
namespace {

MissedDeadline read_missed(const EventMeta& e, const FieldReader& p) {
  MissedDeadline missed;
  missed.kind = p.enumeration<DeadlineKind>("deadline", parse_deadline_kind);
  missed.due = p.time("due");
  missed.noticed = e.time;
  if (p.has("offered_unit"))
    missed.offered_unit = p.string("offered_unit");
  return missed;
}

void add_once(std::vector<MissedDeadline>& list, MissedDeadline missed, const std::string& owner) {
  if (std::any_of(list.begin(), list.end(), [&](const MissedDeadline& m) { return m.kind == missed.kind; }))
    throw EventMismatch(owner + " already missed its " + std::string(to_string(missed.kind)) + " deadline");
  list.push_back(std::move(missed));
}

}  // namespace

void apply_order_deadline_missed(State& s, const EventMeta& e, const FieldReader& p) {
  MissedDeadline missed = read_missed(e, p);
  Order& order = order_for(s, p.order_id("order_id"));
  add_once(order.missed, std::move(missed), "order " + to_string(order.id));
}

void apply_incident_deadline_missed(State& s, const EventMeta& e, const FieldReader& p) {
  MissedDeadline missed = read_missed(e, p);
  Incident& incident = incident_for(s, p.incident_id("incident_id"));
  add_once(incident.missed, std::move(missed), "incident " + to_string(incident.id));
}

}  // namespace shouwang::cad
