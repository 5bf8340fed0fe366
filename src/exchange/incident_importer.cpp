#include <shouwang/exchange/incident_importer.h>

#include <utility>

#include <shouwang/cad/rebuild.h>

#include "exchange/row_commands.h"

namespace shouwang::exchange {
namespace {

struct PendingRejection {
  RowRejection rejection;
  std::vector<std::string> fields;
};

std::string source_note(const ImportSource& source, const ImportRow& row) {
  std::string note = "Imported from " + source.file_name;
  if (!source.entry_name.empty()) note += " (" + source.entry_name + ")";
  note += " line " + std::to_string(row.line);
  if (!row.external_id.empty()) note += "; source record " + row.external_id;
  return note;
}

}  // namespace

Result<ImportReport> IncidentImporter::run(store::EventLog* log, const ImportSource& source,
                                           const ImportMapping& mapping, const ImportOptions& options) const {
  if (log == nullptr && !options.dry_run) return Error(Errc::kInvalidArgument, "an import needs an event log", "log");
  if (options.batch_rows == 0) return Error(Errc::kInvalidArgument, "a batch needs at least one row", "batch");

  ImportReport report;
  report.file_sha256 = source.sha256;
  report.mapping_sha256 = mapping.sha256;

  // The state as the log has it, and how far earlier runs of this file got.
  cad::State state;
  std::optional<FoundCheckpoint> found;
  if (log != nullptr) {
    auto rebuilt = cad::rebuild_state(*log);
    if (!rebuilt) return rebuilt.error();
    state = std::move(rebuilt->state);
    report.last_seq = rebuilt->seq;
    auto latest = find_latest_checkpoint(*log, source.sha256);
    if (!latest) return latest.error();
    found = std::move(latest).value();
  }

  CsvReader reader(source.text);
  CsvRecord record;
  if (!reader.next(record)) return Error(Errc::kInvalidArgument, source.file_name + " is empty: it has no header line");
  if (record.problem) {
    return Error(Errc::kInvalidArgument, source.file_name + ": the header line is malformed: " + record.problem->message);
  }
  auto converter = RowConverter::bind(mapping, record.fields);
  if (!converter) return converter.error();

  ImportCheckpoint& totals = report.totals;
  if (found) {
    totals = found->checkpoint;
    report.rows_already_done = totals.rows_done;
    report.resumed_after_line = totals.line;
    for (std::uint64_t i = 0; i < totals.rows_done; ++i) {
      if (!reader.next(record)) {
        return Error(Errc::kCorrupt, "the checkpoint at event " + std::to_string(found->seq) + " covers " +
                                         std::to_string(totals.rows_done) + " rows, but " + source.file_name +
                                         " has only " + std::to_string(i));
      }
    }
  } else {
    totals.file_sha256 = source.sha256;
    totals.mapping_sha256 = mapping.sha256;
    totals.file = source.file_name;
  }
  bool have_record = reader.next(record);
  if (!have_record) {
    report.nothing_left = true;
    report.blank_lines = reader.blank_lines();
    return report;
  }
  if (found && totals.mapping_sha256 != mapping.sha256) {
    return Error(Errc::kConflict,
                 source.file_name + " was partly imported (" + std::to_string(totals.rows_done) +
                     " rows, up to line " + std::to_string(totals.line) + ") with another mapping (sha256 " +
                     totals.mapping_sha256 + "); finish it with that mapping so that every row is read the same way",
                 "mapping");
  }

  const store::Actor actor{"import", "system", source.file_name};
  std::vector<store::EventDraft> drafts;
  std::vector<PendingRejection> pending;
  while (have_record) {
    drafts.clear();
    pending.clear();
    std::size_t rows_in_batch = 0;
    while (have_record && rows_in_batch < options.batch_rows) {
      ++report.rows_read;
      RowOutcome outcome = converter->convert(record);
      if (auto* row = std::get_if<ImportRow>(&outcome)) {
        const std::string station = options.station_at ? options.station_at(row->position) : std::string();
        Status recorded =
            detail::record_row(decider_, state, *row, actor, source_note(source, *row), station, drafts);
        if (recorded) {
          ++report.imported;
          ++totals.imported;
          if (!row->unmapped_type.empty()) ++report.unmapped_types[row->unmapped_type];
        } else if (recorded.error().code == Errc::kCorrupt) {
          return recorded.error();
        } else {
          outcome = RowRejection{record.line, "", RejectReason::kDomainRefusal, recorded.error().message};
        }
      }
      if (auto* rejected = std::get_if<RowRejection>(&outcome)) {
        ++report.skipped;
        ++report.skipped_by_reason[static_cast<std::size_t>(rejected->reason)];
        ++totals.skipped;
        ++totals.skipped_by_reason[std::string(to_string(rejected->reason))];
        report.rejections.push_back(*rejected);
        if (options.on_rejected) pending.push_back({*rejected, record.fields});
      }
      ++totals.rows_done;
      totals.line = record.last_line;
      ++rows_in_batch;
      have_record = reader.next(record);
    }

    // The batch's events and its checkpoint: durable together or not at all.
    drafts.push_back(checkpoint_draft(totals, actor, clock_.now()));
    report.events_appended += drafts.size();
    if (!options.dry_run) {
      auto appended = log->append(std::move(drafts));
      drafts = {};
      if (!appended) return appended.error();
      report.last_seq = appended->last;
    }
    ++report.batches;
    for (const PendingRejection& p : pending) options.on_rejected(p.rejection, p.fields);
    if (options.on_batch) options.on_batch({totals.rows_done, report.imported, report.skipped});
    if (options.stop_after_batches != 0 && report.batches >= options.stop_after_batches && have_record) {
      report.stopped_early = true;
      break;
    }
  }
  report.blank_lines = reader.blank_lines();
  return report;
}

}  // namespace shouwang::exchange
