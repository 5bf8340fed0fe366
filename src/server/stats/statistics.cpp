#include <shouwang/cad/record_id.h>
#include <shouwang/server/statistics.h>

namespace shouwang::server {
namespace {

analytics::HistorySchema schema_of(const StatisticsContext& context) {
  analytics::HistorySchema schema;
  schema.groups = reporting_group_names();
  if (context.utc_offset_at)
    schema.utc_offset_minutes = context.utc_offset_at;
  else
    schema.utc_offset_minutes = [offset = context.utc_offset_minutes](std::int64_t) {
      return offset;
    };
  schema.grid_origin = context.grid_origin;
  return schema;
}

}  // namespace

Statistics::Statistics(StatisticsContext context)
    : context_(std::move(context)), history_(schema_of(context_)) {}

void Statistics::upsert_incident(const cad::Incident& incident, const cad::State& state) {
  history_.upsert(incident_record(incident, state, context_));
  for (const OrderId id : incident.orders) {
    if (const cad::Order* order = state.find(id))
      history_.upsert(order_record(*order, state));
  }
}

void Statistics::rebuild(const cad::State& state) {
  analytics::IncidentHistory fresh(schema_of(context_));
  std::unique_lock lock(mutex_);
  history_ = std::move(fresh);
  for (const auto& [id, incident] : state.incidents)
    upsert_incident(incident, state);
  history_.settle();
}

void Statistics::apply(const Committed& committed, const cad::State& durable) {
  std::vector<IncidentId> touched;
  const auto touch = [&](IncidentId id) {
    if (id.valid() && std::find(touched.begin(), touched.end(), id) == touched.end())
      touched.push_back(id);
  };
  for (const auto& event : committed.events) {
    for (const auto& entity : event.body.entities) {
      if (auto id = cad::parse_incident_id(entity); id.ok()) {
        touch(*id);
      } else if (auto order = cad::parse_order_id(entity); order.ok()) {
        if (const cad::Order* o = durable.find(*order))
          touch(o->incident);
      } else if (auto call = cad::parse_call_id(entity); call.ok()) {
        if (const cad::Call* c = durable.find(*call))
          touch(c->incident);
      }
    }
  }
  if (touched.empty())
    return;
  std::unique_lock lock(mutex_);
  for (const IncidentId id : touched) {
    if (const cad::Incident* incident = durable.find(id))
      upsert_incident(*incident, durable);
  }
  history_.settle();
}

}  // namespace shouwang::server
