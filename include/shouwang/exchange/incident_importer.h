#pragma once
// Bulk load of historical incident records into the event log, through the domain.
//
//   CSV text ──▶ CsvReader ──▶ RowConverter ──▶ ImportRow ──▶ commands ──▶ Decider ──▶ events
//                                  │                                            │
//                                  ▼                                     apply to the state
//                          RowRejection (reported, skipped)                     │
//                                                                               ▼
//                   every N rows: one EventLog::append of the batch's events + import.checkpoint
//
// Each row becomes the commands of one call and one incident (and its order), decided by
// cad::Decider against the current state with `now` the row's own historical times, and
// applied to the state so that the next command sees them; no event is written by hand.
// The import starts from the state rebuilt from the log and continues after the latest
// checkpoint of the same file (import_checkpoint.h), so a rerun after a crash imports each
// row exactly once and a rerun of a finished import imports nothing.
//
// The events carry the actor {user "import", role "system", workstation: the file name}.

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <shouwang/base/clock.h>
#include <shouwang/base/result.h>
#include <shouwang/cad/decide.h>
#include <shouwang/exchange/csv_reader.h>
#include <shouwang/exchange/import_checkpoint.h>
#include <shouwang/exchange/import_mapping.h>
#include <shouwang/exchange/import_source.h>
#include <shouwang/exchange/row_converter.h>
#include <shouwang/store/event_log.h>

namespace shouwang::exchange {

struct ImportProgress {
  std::uint64_t rows_done = 0;  // from the start of the file, earlier runs included
  std::uint64_t imported = 0;   // in this run
  std::uint64_t skipped = 0;    // in this run
};

struct ImportOptions {
  std::size_t batch_rows = 1000;  // rows per append (each append also carries a checkpoint)
  bool dry_run = false;           // decide and apply in memory only; append nothing
  // Stop after this many batches were appended, as if the process had been killed right
  // after that append (for tests of resumption); 0 runs to the end of the file.
  std::size_t stop_after_batches = 0;
  // Called for each skipped row once its batch is durable (at the end of the batch in a
  // dry run), with the row's fields as read: for a rejects file. A crash between a batch's
  // append and these calls loses them; the checkpoint's counts still hold the rows.
  std::function<void(const RowRejection&, const std::vector<std::string>& fields)> on_rejected;
  // Called after each batch.
  std::function<void(const ImportProgress&)> on_batch;
  // The station whose area holds a position ("" for none). Each imported incident is
  // assigned the station of its location, as the live server assigns it, so that it
  // counts for that station in the statistics; null: incidents keep no station.
  std::function<std::string(LatLon)> station_at;
};

struct ImportReport {
  std::string file_sha256;
  std::string mapping_sha256;
  std::uint64_t rows_already_done = 0;  // covered by earlier runs (the checkpoint found)
  std::uint64_t resumed_after_line = 0;  // the last line those rows reach
  bool nothing_left = false;            // every row was done before this run
  bool stopped_early = false;           // options.stop_after_batches ended the run
  // This run.
  std::uint64_t rows_read = 0;
  std::uint64_t imported = 0;
  std::uint64_t skipped = 0;
  std::array<std::uint64_t, kRejectReasonCount> skipped_by_reason{};
  std::map<std::string, std::uint64_t> unmapped_types;  // source value -> rows given type.default
  std::vector<RowRejection> rejections;
  std::uint64_t batches = 0;
  std::uint64_t events_appended = 0;  // checkpoints included (counted in a dry run too)
  std::size_t blank_lines = 0;
  // The whole file so far, earlier runs included: the last checkpoint written (or found).
  ImportCheckpoint totals;
  std::uint64_t last_seq = 0;  // the log's last sequence number at the end
};

// Runs imports with one decider (centre and taxonomy) and one clock (the time of the
// checkpoints; the domain events carry the rows' own times). Not thread-safe.
class IncidentImporter {
 public:
  IncidentImporter(const cad::Decider& decider, const Clock& clock) : decider_(decider), clock_(clock) {}

  // Imports `source` through `mapping` into `log`. `log` may be null only for a dry run,
  // which then starts from an empty state. Errors: the log's own (the import stops; rows
  // of the unfinished batch are imported by the next run), a mapping that does not fit the
  // file's header, a file whose checkpoint names another mapping (kConflict), kCorrupt for
  // a checkpoint or domain event that does not fit.
  Result<ImportReport> run(store::EventLog* log, const ImportSource& source, const ImportMapping& mapping,
                           const ImportOptions& options) const;

 private:
  const cad::Decider& decider_;
  const Clock& clock_;
};

}  // namespace shouwang::exchange
