#pragma once
// The statistics projection: the columnar incident history (analytics/incident_history.h)
// built from the domain state at start-up and kept current by every commit, so that
// statistics never read the event log. The server is the only module that knows both
// sides: it turns cad incidents and orders into analytics records.
//
// Thread-safe: commits write under an exclusive lock, queries read under a shared one.

#include <functional>
#include <shared_mutex>
#include <string>
#include <string_view>

#include <shouwang/analytics/incident_history.h>
#include <shouwang/cad/state.h>
#include <shouwang/cad/taxonomy.h>
#include <shouwang/osm/jurisdictions.h>
#include <shouwang/server/command_service.h>

namespace shouwang::server {

// What the server knows about the organisation that the records need.
struct StatisticsContext {
  const cad::Taxonomy* taxonomy = nullptr;
  // The sub-bureau (分局) of a station code; empty when none or unknown.
  std::function<std::string(std::string_view station)> district_of = [](std::string_view) {
    return std::string();
  };
  std::int32_t utc_offset_minutes = 480;
  // The offset at an instant (seconds since the epoch) for a zone with daylight saving;
  // null: utc_offset_minutes all year.
  std::function<int(std::int64_t utc_seconds)> utc_offset_at;
  LatLon grid_origin{};  // south-west corner of the hotspot grid (the city's bounding box)
};

// A station's sub-bureau in `map` (which must outlive the function).
std::function<std::string(std::string_view station)> district_lookup(const osm::Jurisdictions& map);

// The reporting group names, in cad::ReportingGroup order: bit i of a record's groups.
std::vector<std::string> reporting_group_names();

analytics::IncidentRecord incident_record(const cad::Incident& incident, const cad::State& state,
                                          const StatisticsContext& context);
analytics::OrderRecord order_record(const cad::Order& order, const cad::State& state);

class Statistics {
 public:
  explicit Statistics(StatisticsContext context);

  // Replaces the history with one built from `state`.
  void rebuild(const cad::State& state);
  // Brings the incidents and orders a commit touched up to date (on the writer thread).
  void apply(const Committed& committed, const cad::State& durable);

  // Runs `read(history)` under a shared lock.
  template <typename F>
  auto read(F&& read) const {
    std::shared_lock lock(mutex_);
    return read(static_cast<const analytics::IncidentHistory&>(history_));
  }
  [[nodiscard]] const StatisticsContext& context() const { return context_; }

 private:
  void upsert_incident(const cad::Incident& incident, const cad::State& state);

  StatisticsContext context_;
  mutable std::shared_mutex mutex_;
  analytics::IncidentHistory history_;
};

}  // namespace shouwang::server
