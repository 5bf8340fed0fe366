// The importer end to end on a real SQLite event log: rows become domain records through
// decide/apply, bad rows are reported, and an import stopped at any point (after a batch,
// or with a batch lost in a failed append) continues so that each row is imported once.

#include <gtest/gtest.h>

#include <set>
#include <string>

#include <shouwang/cad/invariants.h>
#include <shouwang/cad/rebuild.h>
#include <shouwang/cad/record_id.h>
#include <shouwang/exchange/incident_importer.h>

#include "import_test_support.h"

namespace shouwang::exchange {
namespace {

using testing::kTestHeader;
using testing::kTestMapping;
using testing::TempDir;

// Fails every append after the first `good` ones, as a crash would lose them.
class FailingLog final : public store::EventLog {
 public:
  FailingLog(store::EventLog& inner, int good) : inner_(inner), good_(good) {}
  Result<store::Appended> append(std::vector<store::EventDraft> drafts) override {
    if (good_-- <= 0) return Error(Errc::kUnavailable, "the disk went away");
    return inner_.append(std::move(drafts));
  }
  [[nodiscard]] Result<std::vector<store::Event>> read(std::uint64_t from, std::size_t max) const override {
    return inner_.read(from, max);
  }
  [[nodiscard]] Status scan(std::uint64_t from, const std::function<bool(const store::EventView&)>& visit) const override {
    return inner_.scan(from, visit);
  }
  [[nodiscard]] std::uint64_t last_seq() const override { return inner_.last_seq(); }
  Status put_snapshot(const store::Snapshot& snapshot) override { return inner_.put_snapshot(snapshot); }
  [[nodiscard]] Result<std::optional<store::Snapshot>> latest_snapshot() const override {
    return inner_.latest_snapshot();
  }

 private:
  store::EventLog& inner_;
  int good_;
};

class ImportIntoLog : public ::testing::Test {
 protected:
  ImportIntoLog() : dir_("import-log"), decider_(testing::test_centre(), testing::taxonomy()), importer_(decider_, clock_) {}

  std::unique_ptr<store::EventLog> open_log() {
    auto log = store::open_event_log(dir_.sqlite_url());
    EXPECT_TRUE(log.ok()) << log.error().message;
    return log ? std::move(log).value() : nullptr;
  }

  Result<ImportReport> run(const ImportSource& source, const ImportMapping& mapping, ImportOptions options = {},
                           store::EventLog* log = nullptr) {
    std::unique_ptr<store::EventLog> own;
    if (log == nullptr && !options.dry_run) {
      own = open_log();
      log = own.get();
    }
    return importer_.run(log, source, mapping, options);
  }

  cad::State rebuilt() {
    auto log = open_log();
    auto state = cad::rebuild_state(*log);
    EXPECT_TRUE(state.ok()) << state.error().message;
    EXPECT_TRUE(cad::check_invariants(state->state).ok());
    return state ? state->state : cad::State();
  }

  TempDir dir_;
  ManualClock clock_{*UtcTime::parse_iso8601("2026-11-22T00:00:00Z")};
  cad::Decider decider_;
  IncidentImporter importer_;
};

const cad::Incident* incident_with_note(const cad::State& state, std::string_view note_part) {
  for (const auto& [id, incident] : state.incidents) {
    for (const auto& note : incident.notes) {
      if (note.text.find(note_part) != std::string::npos) return &incident;
    }
  }
  return nullptr;
}

TEST_F(ImportIntoLog, RowsBecomeDomainRecords) {
  const ImportSource source = testing::source_from_text(
      "calls.csv", std::string(kTestHeader) +
                       "R1,2016-08-10 23:50,2016-08-10 23:52,2016-08-11 00:03,2016-08-11 01:10,45.5,-122.6,FIRE,12,1 Main St\n"
                       "R2,2016-08-11 09:00,,,,45.51,-122.61,THEFT,,\"2 Oak St, rear\"\n"
                       "R3,2016-08-11 25:00,,,,45.5,-122.6,THEFT,,\n"
                       "R4,2016-08-11 10:00,2016-08-11 10:01,,2016-08-11 10:20,45.52,-122.62,CRASH,7,I-5\n");
  const auto report = run(source, testing::mapping_from_text(kTestMapping));
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->rows_read, 4u);
  EXPECT_EQ(report->imported, 3u);
  EXPECT_EQ(report->skipped, 1u);
  EXPECT_EQ(report->skipped_by_reason[static_cast<std::size_t>(RejectReason::kBadTime)], 1u);
  ASSERT_EQ(report->rejections.size(), 1u);
  EXPECT_EQ(report->rejections[0].line, 4u);
  EXPECT_EQ(report->rejections[0].column, "call");
  EXPECT_EQ(report->batches, 1u);

  const cad::State state = rebuilt();
  EXPECT_EQ(state.incidents.size(), 3u);
  EXPECT_EQ(state.calls.size(), 3u);
  EXPECT_EQ(state.orders.size(), 2u);

  // R1: the full lifecycle at its own historical times, ids on the centre's local day.
  const cad::Incident* r1 = incident_with_note(state, "source record R1");
  ASSERT_NE(r1, nullptr);
  EXPECT_EQ(cad::to_string(r1->id), "310100-20160811-000001");
  EXPECT_EQ(r1->status, cad::IncidentStatus::kTerminated);
  EXPECT_EQ(r1->type_code, "04");
  EXPECT_EQ(r1->disposition, "30");
  EXPECT_EQ(r1->summary, "FIRE at 1 Main St");
  EXPECT_EQ(r1->created_by, "import");
  EXPECT_EQ(r1->times.created, *UtcTime::parse_iso8601("2016-08-11T06:50:00Z"));
  EXPECT_EQ(r1->times.first_order_issued, *UtcTime::parse_iso8601("2016-08-11T06:52:00Z"));
  EXPECT_EQ(r1->times.first_arrived, *UtcTime::parse_iso8601("2016-08-11T07:03:00Z"));
  EXPECT_EQ(r1->times.terminated, *UtcTime::parse_iso8601("2016-08-11T08:10:00Z"));
  EXPECT_EQ(r1->notes[0].text, "Imported from calls.csv line 2; source record R1");
  ASSERT_EQ(r1->location.candidates.size(), 1u);
  EXPECT_EQ(r1->location.confirmed, 0u);
  EXPECT_EQ(r1->location.candidates[0].position, (LatLon{45.5, -122.6}));
  EXPECT_EQ(r1->location.candidates[0].text, "1 Main St");
  ASSERT_EQ(r1->orders.size(), 1u);
  const cad::Order& order = state.orders.at(r1->orders[0]);
  EXPECT_EQ(order.status, cad::OrderStatus::kDone);  // cleared when the scene closed
  EXPECT_EQ(order.target, (cad::OrderTarget{cad::TargetKind::kStation, "12", "Station 12"}));
  EXPECT_EQ(order.times.signed_for, order.times.issued);

  const cad::Incident* r2 = incident_with_note(state, "source record R2");
  ASSERT_NE(r2, nullptr);
  EXPECT_EQ(r2->status, cad::IncidentStatus::kAccepted);
  EXPECT_EQ(r2->location.candidates[0].text, "2 Oak St, rear");

  // R4: the order never arrived, so closing the scene cancelled it.
  const cad::Incident* r4 = incident_with_note(state, "source record R4");
  ASSERT_NE(r4, nullptr);
  EXPECT_EQ(r4->status, cad::IncidentStatus::kTerminated);
  EXPECT_EQ(state.orders.at(r4->orders[0]).status, cad::OrderStatus::kCancelled);

  // Every event is the importer's; the last is the checkpoint.
  auto log = open_log();
  auto events = log->read(1, 1000);
  ASSERT_TRUE(events.ok());
  for (const auto& e : *events) EXPECT_EQ(e.body.actor, (store::Actor{"import", "system", "calls.csv"}));
  ASSERT_EQ(events->back().body.type, kImportCheckpointType);
  const auto checkpoint = parse_checkpoint(events->back().body.payload);
  ASSERT_TRUE(checkpoint.ok());
  EXPECT_EQ(checkpoint->rows_done, 4u);
  EXPECT_EQ(checkpoint->imported, 3u);
  EXPECT_EQ(checkpoint->skipped, 1u);
  EXPECT_EQ(checkpoint->line, 5u);
  EXPECT_EQ(checkpoint->file_sha256, source.sha256);
  EXPECT_EQ(checkpoint->skipped_by_reason.at("bad_time"), 1u);
}

// 250 rows, every tenth without coordinates.
ImportSource numbered_rows(std::size_t rows) {
  std::string text(kTestHeader);
  for (std::size_t i = 1; i <= rows; ++i) {
    const std::string minute = std::to_string(10 + i % 50);
    const std::string day = std::to_string(10 + i / 50);
    text += "N" + std::to_string(i) + ",2016-08-" + day + " 10:" + minute + ",,,," +
            (i % 10 == 0 ? std::string(",") : "45.5,-122.6") + ",THEFT,,\n";
  }
  return testing::source_from_text("numbered.csv", text);
}

void expect_each_row_once(const cad::State& state, std::size_t rows) {
  std::multiset<std::string> seen;
  for (const auto& [id, incident] : state.incidents) {
    const std::string& note = incident.notes.at(0).text;
    seen.insert(note.substr(note.find("source record ") + 14));
  }
  std::size_t expected = 0;
  for (std::size_t i = 1; i <= rows; ++i) {
    if (i % 10 == 0) continue;
    ++expected;
    EXPECT_EQ(seen.count("N" + std::to_string(i)), 1u) << "row N" << i;
  }
  EXPECT_EQ(seen.size(), expected);
}

TEST_F(ImportIntoLog, EachIncidentTakesTheStationOfItsLocation) {
  const ImportSource source = testing::source_from_text(
      "calls.csv", std::string(kTestHeader) +
                       "R1,2016-08-10 23:50,,,,45.5,-122.6,THEFT,,\n"
                       "R2,2016-08-11 09:00,,,,45.51,-122.61,THEFT,,\n"
                       "R3,2016-08-11 10:00,,,,45.52,-122.62,THEFT,,\n");
  ImportOptions options;
  // North of 45.505 is station 310101-02's area, south of it 310101-01's; west of -122.615
  // no station's.
  options.station_at = [](LatLon p) -> std::string {
    if (p.lon < -122.615) return "";
    return p.lat > 45.505 ? "310101-02" : "310101-01";
  };
  const auto report = run(source, testing::mapping_from_text(kTestMapping), options);
  ASSERT_TRUE(report.ok()) << report.error().message;
  ASSERT_EQ(report->imported, 3u);
  const cad::State state = rebuilt();
  EXPECT_EQ(incident_with_note(state, "source record R1")->station, "310101-01");
  EXPECT_EQ(incident_with_note(state, "source record R2")->station, "310101-02");
  EXPECT_FALSE(incident_with_note(state, "source record R2")->station_by_dispatcher);
  EXPECT_EQ(incident_with_note(state, "source record R3")->station, "") << "outside every station's area";
}

TEST_F(ImportIntoLog, StoppedAfterSomeBatchesAndRerunImportsEachRowOnce) {
  const ImportSource source = numbered_rows(250);
  const ImportMapping mapping = testing::mapping_from_text(kTestMapping);
  ImportOptions options;
  options.batch_rows = 20;
  options.stop_after_batches = 5;
  std::size_t reported = 0;
  options.on_rejected = [&](const RowRejection& r, const std::vector<std::string>& fields) {
    EXPECT_EQ(r.reason, RejectReason::kMissingCoordinates);
    EXPECT_EQ(fields.size(), 10u);
    ++reported;
  };
  const auto first = run(source, mapping, options);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_TRUE(first->stopped_early);
  EXPECT_EQ(first->totals.rows_done, 100u);
  EXPECT_EQ(first->imported, 90u);
  EXPECT_EQ(reported, 10u);
  EXPECT_EQ(rebuilt().incidents.size(), 90u);

  options.stop_after_batches = 0;
  const auto second = run(source, mapping, options);
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_EQ(second->rows_already_done, 100u);
  EXPECT_EQ(second->rows_read, 150u);
  EXPECT_EQ(second->imported, 135u);
  EXPECT_EQ(second->totals.rows_done, 250u);
  EXPECT_EQ(second->totals.imported, 225u);
  EXPECT_EQ(second->totals.skipped, 25u);
  EXPECT_EQ(reported, 25u);
  expect_each_row_once(rebuilt(), 250);

  // Finished: a rerun finds nothing to do and appends nothing.
  const std::uint64_t seq = open_log()->last_seq();
  const auto third = run(source, mapping, options);
  ASSERT_TRUE(third.ok());
  EXPECT_TRUE(third->nothing_left);
  EXPECT_EQ(third->imported, 0u);
  EXPECT_EQ(third->totals.imported, 225u);
  EXPECT_EQ(open_log()->last_seq(), seq);
}

TEST_F(ImportIntoLog, ABatchLostInAFailedAppendIsImportedByTheRerun) {
  const ImportSource source = numbered_rows(250);
  const ImportMapping mapping = testing::mapping_from_text(kTestMapping);
  ImportOptions options;
  options.batch_rows = 30;
  {
    auto inner = open_log();
    FailingLog failing(*inner, 3);  // the fourth append fails: its rows exist only in memory
    const auto failed = run(source, mapping, options, &failing);
    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(failed.error().code, Errc::kUnavailable);
  }
  EXPECT_EQ(rebuilt().incidents.size(), 81u);  // 90 rows, 9 without coordinates
  const auto rerun = run(source, mapping, options);
  ASSERT_TRUE(rerun.ok()) << rerun.error().message;
  EXPECT_EQ(rerun->rows_already_done, 90u);
  EXPECT_EQ(rerun->totals.rows_done, 250u);
  expect_each_row_once(rebuilt(), 250);
}

TEST_F(ImportIntoLog, APartlyImportedFileKeepsItsMapping) {
  const ImportSource source = numbered_rows(60);
  ImportOptions options;
  options.batch_rows = 20;
  options.stop_after_batches = 1;
  ASSERT_TRUE(run(source, testing::mapping_from_text(kTestMapping), options).ok());
  std::string other(kTestMapping);
  other.replace(other.find("{kind} at {address}"), 19, "{kind}");
  options.stop_after_batches = 0;
  const auto refused = run(source, testing::mapping_from_text(other), options);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, Errc::kConflict);
  EXPECT_EQ(refused.error().field, "mapping");
  ASSERT_TRUE(run(source, testing::mapping_from_text(kTestMapping), options).ok());
  const auto done = run(source, testing::mapping_from_text(other), options);
  ASSERT_TRUE(done.ok());
  EXPECT_TRUE(done->nothing_left);
}

TEST_F(ImportIntoLog, DryRunAppendsNothing) {
  const ImportSource source = numbered_rows(50);
  ImportOptions options;
  options.dry_run = true;
  options.batch_rows = 7;
  const auto without_log = run(source, testing::mapping_from_text(kTestMapping), options);
  ASSERT_TRUE(without_log.ok()) << without_log.error().message;
  EXPECT_EQ(without_log->imported, 45u);
  EXPECT_EQ(without_log->batches, 8u);
  auto log = open_log();
  const auto with_log = run(source, testing::mapping_from_text(kTestMapping), options, log.get());
  ASSERT_TRUE(with_log.ok());
  EXPECT_EQ(with_log->imported, 45u);
  EXPECT_EQ(log->last_seq(), 0u);
}

TEST_F(ImportIntoLog, ARefusedCommandUndoesItsWholeRow) {
  // R2's order would be issued in 2150, beyond the years record ids can carry: the domain
  // refuses it after R2's call and incident were made, and the row is taken back out.
  const ImportSource source = testing::source_from_text(
      "refused.csv", std::string(kTestHeader) +
                         "R1,2016-08-10 10:00,,,,45.5,-122.6,THEFT,,\n"
                         "R2,2016-08-10 10:05,2150-01-01 00:00,,,45.5,-122.6,FIRE,3,\n"
                         "R3,2016-08-10 10:10,,,,45.5,-122.6,THEFT,,\n");
  const auto report = run(source, testing::mapping_from_text(kTestMapping));
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->imported, 2u);
  ASSERT_EQ(report->rejections.size(), 1u);
  const RowRejection& r = report->rejections[0];
  EXPECT_EQ(r.reason, RejectReason::kDomainRefusal);
  EXPECT_EQ(r.line, 3u);
  EXPECT_EQ(r.message.rfind("issue_order: ", 0), 0u) << r.message;

  const cad::State state = rebuilt();
  ASSERT_EQ(state.incidents.size(), 2u);
  EXPECT_EQ(state.calls.size(), 2u);
  EXPECT_TRUE(state.orders.empty());
  const cad::Incident* r3 = incident_with_note(state, "source record R3");
  ASSERT_NE(r3, nullptr);
  EXPECT_EQ(cad::to_string(r3->id), "310100-20160811-000002");  // R2's serial was never used
}

}  // namespace
}  // namespace shouwang::exchange
