#pragma once
// Years of incident history for a city, written through the event log: the call model's
// calls over a past period, each turned into the whole lifecycle a 110 centre records
// (call received, incident created, located, assigned to its station, accepted, order
// issued, received, signed for, en route, arrived, feedback, done, scene closed,
// terminated, archived), decided by cad::Decider with each step's own historical time.
// Nothing is written by hand, so the history obeys the domain's rules.
//
//   CallModel::generate(day) ──▶ per call: station (jurisdictions), responder (a registered
//   unit of the station, or the station itself), road travel time (CH) ──▶ timeline ──▶
//   commands ──▶ Decider ──▶ events ──▶ every batch of days: one EventLog::append + checkpoint
//
// Timestamps follow road travel: arrival comes at least the contraction hierarchy's travel
// time after the order was issued (plus sign-for and turnout), from the station's police
// post or the unit's home post; a station or unit busy with an earlier incident takes the
// next one only once it is done, so a busy hour delays dispatch.
//
// Progress is kept in the log: each batch ends with a `history.checkpoint` event (not a
// domain event) holding the plan and how far it got, durable together with the batch. A
// rerun with the same plan continues after the last checkpoint and a finished plan writes
// nothing; another plan on a log that already holds one is refused, so history is never
// doubled. The events carry the actor {user "history", role "system", workstation
// "gen-history"}.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>

#include <shouwang/base/clock.h>
#include <shouwang/base/result.h>
#include <shouwang/cad/decide.h>
#include <shouwang/osm/jurisdictions.h>
#include <shouwang/sim/call_model.h>
#include <shouwang/store/event_log.h>

namespace shouwang::sim {

// What a history holds: the calls with start <= at < end of the model with this seed and
// rate.
struct HistoryPlan {
  UtcTime start{};
  UtcTime end{};
  std::uint64_t seed = 1;
  double calls_per_day = 0;  // the model's rate (its default already applied)
  friend bool operator==(const HistoryPlan&, const HistoryPlan&) = default;
};

// How far a history got, as its latest checkpoint says.
struct HistoryCheckpoint {
  HistoryPlan plan{};
  UtcTime through{};            // every call before this instant is written
  std::uint64_t incidents = 0;  // written so far, earlier runs included
  std::uint64_t events = 0;     // domain events so far (checkpoints not counted)
  [[nodiscard]] bool complete() const { return through >= plan.end; }
};

// The latest checkpoint in the log; nullopt when it holds no generated history. kCorrupt
// for a checkpoint this code did not write.
Result<std::optional<HistoryCheckpoint>> find_history(const store::EventLog& log);

struct HistoryOptions {
  // Days are appended together (one append, one checkpoint) until they hold this many
  // incidents; a day is never split.
  std::size_t batch_incidents = 1000;
  // Stop after this many appends, as if killed right after (for tests of resumption); 0
  // runs to the end.
  std::size_t stop_after_batches = 0;
  // Called after each append.
  std::function<void(const HistoryCheckpoint&)> on_batch{};
};

struct HistoryReport {
  HistoryPlan plan{};
  bool nothing_left = false;            // the plan was finished by earlier runs
  std::optional<UtcTime> resumed_at{};  // where this run continued an earlier one
  bool stopped_early = false;           // options.stop_after_batches ended it
  // This run.
  std::uint64_t incidents = 0;
  std::uint64_t dispatched = 0;        // with an order; the rest were handled by telephone
  std::uint64_t unit_orders = 0;       // orders to registered units (the rest to stations)
  std::uint64_t estimated_travel = 0;  // scenes no road reached: travel from the distance
  std::uint64_t events = 0;            // domain events appended
  std::uint64_t batches = 0;
  double travel_seconds_total = 0;  // road travel of the dispatched incidents
  // The whole history so far: the last checkpoint written or found.
  HistoryCheckpoint totals{};
  std::uint64_t last_seq = 0;
};

// Writes histories for one city. Not thread-safe.
class HistoryWriter {
 public:
  // Loads the road network with its contraction hierarchy (road_graph.swg, contraction.swc,
  // snap_index.sws) and the place index (for the stations' police posts) from `data_dir`.
  // `org` gives the stations: an incident belongs to the station whose area holds it (the
  // nearest one outside every area). decider, model and org must outlive the writer.
  // Errors: the files' own; kInvalidArgument when `org` has no station and no city.
  static Result<std::unique_ptr<HistoryWriter>> open(const std::filesystem::path& data_dir,
                                                     const cad::Decider& decider,
                                                     const CallModel& model,
                                                     const osm::Jurisdictions& org);
  ~HistoryWriter();
  HistoryWriter(const HistoryWriter&) = delete;
  HistoryWriter& operator=(const HistoryWriter&) = delete;

  // Writes `plan` into `log` from the state the log holds. The plan's seed and rate must
  // be the model's (kInvalidArgument), start < end. kConflict when the log already holds
  // another plan's history. The log's own errors stop the run (the unfinished batch is
  // written by the next run); a command the domain refuses is kInternal, naming it.
  Result<HistoryReport> run(store::EventLog& log, const HistoryPlan& plan,
                            const HistoryOptions& options);

  struct Parts;

 private:
  explicit HistoryWriter(std::unique_ptr<Parts> parts);
  std::unique_ptr<Parts> parts_;
};

}  // namespace shouwang::sim
