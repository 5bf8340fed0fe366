#include <shouwang/sim/history.h>

#include <utility>

#include <shouwang/cad/rebuild.h>

#include "sim/calls/history_checkpoint.h"
#include "sim/calls/incident_planner.h"
#include "sim/calls/incident_recorder.h"
#include "sim/calls/place_loading.h"
#include "sim/calls/responders.h"
#include "sim/calls/road_network.h"
#include "sim/calls/road_travel.h"

namespace shouwang::sim {
namespace {

using namespace calls;

constexpr std::int64_t kMicrosPerDay = 86'400'000'000LL;

store::Actor history_actor() {
  return {"history", "system", "gen-history"};
}

}  // namespace

Result<std::optional<HistoryCheckpoint>> find_history(const store::EventLog& log) {
  std::optional<HistoryCheckpoint> latest;
  Status parsed;
  auto scanned = log.scan(1, [&](const store::EventView& event) {
    if (event.type != kHistoryCheckpointType)
      return true;
    auto checkpoint = parse_history_checkpoint(event.payload);
    if (!checkpoint) {
      parsed = Error(Errc::kCorrupt,
                     "event " + std::to_string(event.seq) + ": " + checkpoint.error().message);
      return false;
    }
    latest = std::move(checkpoint).value();
    return true;
  });
  if (!scanned)
    return scanned.error();
  if (!parsed)
    return parsed.error();
  return latest;
}

struct HistoryWriter::Parts {
  const cad::Decider* decider = nullptr;
  const CallModel* model = nullptr;
  const osm::Jurisdictions* org = nullptr;
  std::unique_ptr<RoadNetwork> roads;
  std::vector<Station> stations;
};

HistoryWriter::HistoryWriter(std::unique_ptr<Parts> parts) : parts_(std::move(parts)) {}
HistoryWriter::~HistoryWriter() = default;

Result<std::unique_ptr<HistoryWriter>> HistoryWriter::open(const std::filesystem::path& data_dir,
                                                           const cad::Decider& decider,
                                                           const CallModel& model,
                                                           const osm::Jurisdictions& org) {
  auto parts = std::make_unique<Parts>();
  parts->decider = &decider;
  parts->model = &model;
  parts->org = &org;
  auto roads = load_road_network(data_dir, true);
  if (!roads)
    return roads.error();
  parts->roads = std::move(roads).value();
  auto places = load_place_index(data_dir);
  if (!places)
    return places.error();
  auto stations = stations_of(org, *places);
  if (!stations)
    return stations.error();
  parts->stations = std::move(stations).value();
  return std::unique_ptr<HistoryWriter>(new HistoryWriter(std::move(parts)));
}

Result<HistoryReport> HistoryWriter::run(store::EventLog& log, const HistoryPlan& plan,
                                         const HistoryOptions& options) {
  const Parts& p = *parts_;
  if (plan.seed != p.model->options().seed || plan.calls_per_day != p.model->calls_per_day()) {
    return Error(Errc::kInvalidArgument, "the plan's seed and rate must be the call model's",
                 "plan");
  }
  if (!(plan.start < plan.end))
    return Error(Errc::kInvalidArgument, "the history must end after it starts", "plan");

  HistoryReport report;
  report.plan = plan;
  auto found = find_history(log);
  if (!found)
    return found.error();
  HistoryCheckpoint& totals = report.totals;
  totals.plan = plan;
  totals.through = plan.start;
  if (*found) {
    if ((*found)->plan != plan) {
      const HistoryPlan& other = (*found)->plan;
      return Error(Errc::kConflict,
                   "the log already holds generated history from " + other.start.to_iso8601() +
                       " to " + other.end.to_iso8601() + " (seed " + std::to_string(other.seed) +
                       ", " + std::to_string(other.calls_per_day) +
                       " calls a day); another would double it",
                   "plan");
    }
    totals = **found;
    if (totals.complete()) {
      report.nothing_left = true;
      report.last_seq = log.last_seq();
      return report;
    }
    report.resumed_at = totals.through;
  }

  auto rebuilt = cad::rebuild_state(log);
  if (!rebuilt)
    return rebuilt.error();
  cad::State state = std::move(rebuilt->state);
  report.last_seq = rebuilt->seq;
  Responders responders(p.stations, *p.org, state);
  RoadTravel travel(*p.roads);
  IncidentPlanner planner(p.decider->taxonomy(), plan.seed, plan.end, responders, travel);
  const store::Actor actor = history_actor();

  std::vector<store::EventDraft> drafts;
  std::uint64_t batch_incidents = 0, batch_events = 0;
  IncidentRecorder recorder(*p.decider, state, actor, drafts);
  while (totals.through < plan.end) {
    const UtcTime day_end = std::min(plan.end, totals.through.plus_micros(kMicrosPerDay));
    for (const GeneratedCall& call : p.model->generate(totals.through, day_end)) {
      const auto planned = planner.plan(call);
      if (!planned)
        continue;  // the model keeps only the taxonomy's types
      const std::size_t before = drafts.size();
      if (Status recorded = recorder.record(planned->facts, planned->timeline); !recorded)
        return recorded.error();
      batch_events += drafts.size() - before;
      ++batch_incidents;
    }
    totals.through = day_end;
    if (batch_incidents < options.batch_incidents && totals.through < plan.end)
      continue;

    // The days' events and their checkpoint: durable together or not at all.
    totals.incidents += batch_incidents;
    totals.events += batch_events;
    drafts.push_back(history_checkpoint_draft(totals, actor, totals.through));
    auto appended = log.append(std::move(drafts));
    drafts = {};
    if (!appended)
      return appended.error();
    report.last_seq = appended->last;
    report.incidents += batch_incidents;
    report.events += batch_events;
    ++report.batches;
    batch_incidents = batch_events = 0;
    if (options.on_batch)
      options.on_batch(totals);
    if (options.stop_after_batches != 0 && report.batches >= options.stop_after_batches &&
        totals.through < plan.end) {
      report.stopped_early = true;
      break;
    }
  }
  report.dispatched = planner.counts().dispatched;
  report.unit_orders = planner.counts().unit_orders;
  report.estimated_travel = planner.counts().estimated_travel;
  report.travel_seconds_total = planner.counts().travel_seconds_total;
  return report;
}

}  // namespace shouwang::sim
