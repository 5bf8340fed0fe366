// The shipped mappings on the real files they were written for (../shared/data/incidents,
// which is not part of the repository): imported into a temporary SQLite log, the rebuilt
// state holds the expected incidents, which can be counted by type and by local day. The
// expected figures were counted from the files independently of this code.

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <map>

#include <shouwang/cad/rebuild.h>
#include <shouwang/exchange/incident_importer.h>
#include <shouwang/exchange/local_time.h>

#include "import_test_support.h"

namespace shouwang::exchange {
namespace {

namespace fs = std::filesystem;

struct Imported {
  ImportReport report;
  cad::State state;
  double seconds = 0;
};

// Imports `file` with the shipped mapping `mapping_name` into a fresh log in `dir`.
Imported import_file(const fs::path& file, const std::string& mapping_name, const testing::TempDir& dir) {
  Imported out;
  const auto mapping =
      load_import_mapping(testing::source_dir() / "data" / "mappings" / mapping_name, testing::taxonomy());
  EXPECT_TRUE(mapping.ok()) << mapping.error().message;
  const auto source = read_import_source(file);
  EXPECT_TRUE(source.ok()) << source.error().message;
  auto centre = cad::make_centre("310100", mapping->centre_utc_offset_minutes.value_or(480));
  const cad::Decider decider(*centre, testing::taxonomy());
  const IncidentImporter importer(decider, SystemClock::instance());
  auto log = store::open_event_log(dir.sqlite_url());
  EXPECT_TRUE(log.ok()) << log.error().message;

  const auto started = std::chrono::steady_clock::now();
  auto report = importer.run(log->get(), *source, *mapping, {});
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  EXPECT_TRUE(report.ok()) << report.error().message;
  if (!report) return out;
  out.report = std::move(report).value();
  std::printf("%s: %llu rows in %.2f s (%.0f rows/s), %llu events\n", source->file_name.c_str(),
              static_cast<unsigned long long>(out.report.rows_read), out.seconds,
              static_cast<double>(out.report.rows_read) / out.seconds,
              static_cast<unsigned long long>(out.report.events_appended));
  auto rebuilt = cad::rebuild_state(**log);
  EXPECT_TRUE(rebuilt.ok()) << rebuilt.error().message;
  if (rebuilt) out.state = std::move(rebuilt->state);
  return out;
}

#define SHOUWANG_REQUIRE_SHARED_FILE(path)                                                             \
  if (!fs::exists(path)) {                                                                             \
    std::printf("skipped: the shared incident data is not available at %s\n", (path).string().c_str()); \
    GTEST_SKIP() << "the shared incident data is not available: " << (path).string();                  \
  }

TEST(ImportRealData, PortlandCallsForService) {
  const fs::path file = testing::shared_incidents() / "portland_cfs_2016-08_09.csv";
  SHOUWANG_REQUIRE_SHARED_FILE(file);
  const testing::TempDir dir("import-portland");
  const Imported result = import_file(file, "portland_cfs.toml", dir);
  const ImportReport& r = result.report;

  EXPECT_EQ(r.rows_read, 37819u);
  EXPECT_EQ(r.imported, 37818u);
  ASSERT_EQ(r.skipped, 1u);
  // The one row without coordinates (it is empty but for zeros) is reported where it is.
  EXPECT_EQ(r.rejections[0].line, 19377u);
  EXPECT_EQ(r.rejections[0].reason, RejectReason::kMissingCoordinates);
  EXPECT_EQ(r.rejections[0].column, "lat");
  EXPECT_TRUE(r.unmapped_types.empty());
  EXPECT_EQ(result.state.incidents.size(), 37818u);

  // Counted from the rebuilt state: by type, by reporting category, by local day.
  std::map<std::string, std::size_t> by_type;
  std::map<std::string, std::size_t> by_category;
  std::map<std::string, std::size_t> by_day;
  const auto zone = *TimeZone::find("America/Los_Angeles");
  for (const auto& [id, incident] : result.state.incidents) {
    ++by_type[incident.type_code];
    ++by_category[incident.type_code.substr(0, 2)];
    const LocalDateTime local = zone.to_local(incident.times.created);
    char day[16];
    std::snprintf(day, sizeof day, "%04d-%02d-%02d", local.year, local.month, local.day);
    ++by_day[day];
  }
  EXPECT_EQ(by_type["0208"], 5323u);    // suspicious person
  EXPECT_EQ(by_type["030101"], 557u);   // collision with casualties
  EXPECT_EQ(by_type["010502"], 1483u);  // motor vehicle theft
  EXPECT_EQ(by_type["0112"], 403u);     // shots fired
  EXPECT_EQ(by_category["01"], 8138u);  // criminal
  EXPECT_EQ(by_category["02"], 17170u); // public order
  EXPECT_EQ(by_category["03"], 4389u);  // traffic
  EXPECT_EQ(by_category["05"], 6666u);  // assistance
  EXPECT_EQ(by_day.size(), 61u);        // 1 August to 30 September
  EXPECT_EQ(by_day["2016-08-01"], 640u);
  EXPECT_EQ(by_day["2016-08-10"], 590u);
  EXPECT_EQ(by_day["2016-09-30"], 649u);
}

TEST(ImportRealData, SouthMetroFireWithMilestones) {
  const fs::path file = testing::shared_incidents() / "south_metro_fire_2019_partial.csv";
  SHOUWANG_REQUIRE_SHARED_FILE(file);
  const testing::TempDir dir("import-south-metro");
  const Imported result = import_file(file, "south_metro_fire.toml", dir);
  const ImportReport& r = result.report;

  EXPECT_EQ(r.rows_read, 12969u);
  EXPECT_EQ(r.imported, 12963u);
  EXPECT_EQ(r.skipped_by_reason[static_cast<std::size_t>(RejectReason::kTimesOutOfOrder)], 6u);
  EXPECT_EQ(r.skipped, 6u);
  std::size_t terminated = 0, fire = 0, medical = 0;
  for (const auto& [id, incident] : result.state.incidents) {
    if (incident.status == cad::IncidentStatus::kTerminated) ++terminated;
    if (incident.type_code.starts_with("04")) ++fire;
    if (incident.type_code == "0505") ++medical;
  }
  EXPECT_EQ(terminated, 12963u);
  EXPECT_EQ(fire, 1784u);     // fires and fire alarms
  EXPECT_EQ(medical, 7354u);  // emergency medical incidents
  std::size_t done = 0, cancelled = 0;
  for (const auto& [id, order] : result.state.orders) {
    if (order.status == cad::OrderStatus::kDone) ++done;
    if (order.status == cad::OrderStatus::kCancelled) ++cancelled;
  }
  EXPECT_EQ(done, 12386u);      // arrived, cleared when the scene closed
  EXPECT_EQ(cancelled, 577u);   // cancelled en route
}

TEST(ImportRealData, MontgomeryCountyCallsFromAZip) {
  const fs::path file = testing::shared_incidents() / "montgomery_pa_911_2015-12_2016-08.zip";
  SHOUWANG_REQUIRE_SHARED_FILE(file);
  const testing::TempDir dir("import-montgomery");
  const Imported result = import_file(file, "montgomery_911.toml", dir);
  const ImportReport& r = result.report;

  EXPECT_EQ(r.rows_read, 99492u);
  EXPECT_EQ(r.skipped_by_reason[static_cast<std::size_t>(RejectReason::kOutsideBounds)], 15u);
  EXPECT_EQ(r.imported, 99477u);
  EXPECT_TRUE(r.unmapped_types.empty());
  std::map<std::string, std::size_t> by_category;
  for (const auto& [id, incident] : result.state.incidents) ++by_category[incident.type_code.substr(0, 2)];
  EXPECT_EQ(by_category["01"], 730u);    // assaults, shootings, stabbings (EMS calls)
  EXPECT_EQ(by_category["03"], 40852u);  // traffic
  EXPECT_EQ(by_category["04"], 11945u);  // fire
  EXPECT_EQ(by_category["05"], 44048u);  // medical and rescue
}

}  // namespace
}  // namespace shouwang::exchange
