// Black-box tests of the `shouwang` executable: bad input gets a clear message and a
// non-zero exit status.

#include <gtest/gtest.h>

#include <sys/wait.h>

#include <sqlite3.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include <shouwang/store/event_log.h>

#include "tools/cli_run.h"

namespace {

using shouwang::test::CliRun;
using shouwang::test::mentions;
using shouwang::test::run;
using shouwang::test::temp_file;

TEST(Cli, UnknownVerbAndNoVerbAreUsageErrors) {
  const CliRun unknown = run("frobnicate");
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_TRUE(mentions(unknown, "unknown verb 'frobnicate'")) << unknown.output;
  EXPECT_EQ(run("").exit_code, 2);
  const CliRun version = run("version");
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_TRUE(mentions(version, "shouwang 0.1.0"));
}

TEST(Cli, GenCityRejectsUnknownFlags) {
  const CliRun r = run("gen-city --seed 1 --out x.osm.pbf --colour red");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(mentions(r, "unknown flag --colour")) << r.output;
  EXPECT_TRUE(mentions(r, "usage: shouwang gen-city"));
}

TEST(Cli, GenCityRejectsInvalidSeeds) {
  for (const char* seed : {"abc", "-5", "1.5", "99999999999999999999999"}) {
    const CliRun r = run(std::string("gen-city --out x.osm.pbf --seed ") + seed);
    EXPECT_EQ(r.exit_code, 2) << seed;
    EXPECT_TRUE(mentions(r, "--seed must be a whole number")) << r.output;
  }
}

TEST(Cli, GenCityRejectsInvalidSizes) {
  for (const char* size : {"0", "2", "500", "big", "nan"}) {
    const CliRun r = run(std::string("gen-city --seed 1 --out x.osm.pbf --size-km ") + size);
    EXPECT_EQ(r.exit_code, 2) << size;
    EXPECT_TRUE(mentions(r, "--size-km") || mentions(r, "city size")) << r.output;
  }
}

TEST(Cli, GenCityNeedsAnOutputAndAValueForEachFlag) {
  const CliRun no_out = run("gen-city --seed 1");
  EXPECT_EQ(no_out.exit_code, 2);
  EXPECT_TRUE(mentions(no_out, "--out is required"));
  const CliRun no_value = run("gen-city --out");
  EXPECT_EQ(no_value.exit_code, 2);
  EXPECT_TRUE(mentions(no_value, "--out needs a value"));
  const CliRun twice = run("gen-city --seed 1 --seed 2 --out x.osm.pbf");
  EXPECT_EQ(twice.exit_code, 2);
  EXPECT_TRUE(mentions(twice, "given twice"));
}

TEST(Cli, GenCityReportsUnwritableOutput) {
  const CliRun missing_dir = run("gen-city --seed 1 --size-km 5 --out /nonexistent-dir/city.osm.pbf");
  EXPECT_EQ(missing_dir.exit_code, 1);
  EXPECT_TRUE(mentions(missing_dir, "cannot write /nonexistent-dir/city.osm.pbf")) << missing_dir.output;
  const CliRun proc = run("gen-city --seed 1 --size-km 5 --out /proc/city.osm.pbf");
  EXPECT_EQ(proc.exit_code, 1);
  EXPECT_TRUE(mentions(proc, "cannot write")) << proc.output;
}

TEST(Cli, GenCityWritesASmallCityAndSummarisesIt) {
  const std::string out = temp_file("small.osm.pbf");
  const CliRun r = run("gen-city --seed 3 --size-km 5 --out " + out);
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_TRUE(mentions(r, "wrote " + out));
  EXPECT_TRUE(mentions(r, "addresses"));
  EXPECT_GT(std::filesystem::file_size(out), 10'000u);
  std::filesystem::remove(out);
}

TEST(Cli, ImportOsmBuildsAGraphFileAndExplainsFailures) {
  const std::string out = temp_file("data");
  const CliRun ok = run("import-osm " + std::string(SHOUWANG_SOURCE_DIR) + "/tests/osm/fixtures/directions.osm --out " + out);
  EXPECT_EQ(ok.exit_code, 0) << ok.output;
  EXPECT_TRUE(mentions(ok, "graph: 5 nodes")) << ok.output;
  EXPECT_TRUE(std::filesystem::exists(out + "/road_graph.swg"));
  EXPECT_TRUE(std::filesystem::exists(out + "/place_index.swi"));
  EXPECT_TRUE(std::filesystem::exists(out + "/contraction.swc"));
  EXPECT_TRUE(std::filesystem::exists(out + "/snap_index.sws"));
  EXPECT_FALSE(std::filesystem::exists(out + "/road_graph.swg.partial"));

  const CliRun missing = run("import-osm /nonexistent/city.osm.pbf --out " + out);
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_TRUE(mentions(missing, "no OSM file at /nonexistent/city.osm.pbf")) << missing.output;
  const CliRun no_roads = run("import-osm " + std::string(SHOUWANG_SOURCE_DIR) + "/tests/osm/fixtures/footways.osm --out " + out);
  EXPECT_EQ(no_roads.exit_code, 1);
  EXPECT_TRUE(mentions(no_roads, "holds no drivable road")) << no_roads.output;
  // A failed import leaves the earlier data directory as it was, with nothing staged beside it.
  EXPECT_TRUE(std::filesystem::exists(out + "/road_graph.swg"));
  EXPECT_FALSE(std::filesystem::exists(out + ".importing"));
  const std::string fresh = temp_file("never-made");
  const CliRun failed = run("import-osm " + std::string(SHOUWANG_SOURCE_DIR) + "/tests/osm/fixtures/footways.osm --out " + fresh);
  EXPECT_EQ(failed.exit_code, 1);
  EXPECT_FALSE(std::filesystem::exists(fresh)) << "a failed import must not create the data directory";
  EXPECT_FALSE(std::filesystem::exists(fresh + ".importing"));
  const CliRun no_input = run("import-osm --out " + out);
  EXPECT_EQ(no_input.exit_code, 2);
  EXPECT_TRUE(mentions(no_input, "name the OSM file"));
  const CliRun two_inputs = run("import-osm a.osm b.osm --out " + out);
  EXPECT_EQ(two_inputs.exit_code, 2);
  EXPECT_TRUE(mentions(two_inputs, "unexpected argument 'b.osm'")) << two_inputs.output;
  std::filesystem::remove_all(out);
}

TEST(Cli, RouteLoadsTheStoredIndexesAndNamesAMissingOne) {
  const std::string out = temp_file("route-data");
  const CliRun imported = run("import-osm " + std::string(SHOUWANG_SOURCE_DIR) +
                              "/tests/osm/fixtures/directions.osm --out " + out);
  ASSERT_EQ(imported.exit_code, 0) << imported.output;
  const std::string route = "route --data " + out + " --from 31.0,121.0005 --to 31.0,121.0025";
  const CliRun ok = run(route);
  EXPECT_EQ(ok.exit_code, 0) << ok.output;
  EXPECT_TRUE(mentions(ok, "length ")) << ok.output;
  // A data directory written before the snapping index was stored.
  std::filesystem::remove(out + "/snap_index.sws");
  const CliRun missing = run(route);
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_TRUE(mentions(missing, "no snapping index at " + out + "/snap_index.sws"))
      << missing.output;
  EXPECT_TRUE(mentions(missing, "import the OSM file again")) << missing.output;
  std::filesystem::remove_all(out);
}

TEST(Cli, ServeRejectsBadFlags) {
  const CliRun port = run("serve --port 70000");
  EXPECT_EQ(port.exit_code, 2);
  EXPECT_TRUE(mentions(port, "--port must be a TCP port")) << port.output;
  const CliRun unknown = run("serve --verbose");
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_TRUE(mentions(unknown, "unknown flag --verbose"));
  const CliRun web = run("serve --port 0 --web /nonexistent-console");
  EXPECT_EQ(web.exit_code, 2);
  EXPECT_TRUE(mentions(web, "no console at /nonexistent-console"));
  const CliRun data = run("serve --port 0 --web " + std::string(SHOUWANG_SOURCE_DIR) + "/tests/tools/fixtures/console --data /nonexistent-data");
  EXPECT_EQ(data.exit_code, 2);
  EXPECT_TRUE(mentions(data, "--data /nonexistent-data is not a directory")) << data.output;
  const std::string empty_dir = temp_file("empty-data");
  std::filesystem::create_directories(empty_dir);
  const CliRun no_city = run("serve --port 0 --web " + std::string(SHOUWANG_SOURCE_DIR) + "/tests/tools/fixtures/console --data " + empty_dir);
  EXPECT_EQ(no_city.exit_code, 2);
  EXPECT_TRUE(mentions(no_city, "no city file at")) << no_city.output;
  std::filesystem::remove_all(empty_dir);
}


TEST(Cli, AuditVerifyPassesAnIntactLogAndNamesTheFirstTamperedRecord) {
  const std::string path = temp_file("audit.db");
  {
    auto log = shouwang::store::open_event_log("sqlite:" + path);
    ASSERT_TRUE(log.ok()) << log.error().message;
    for (int n = 1; n <= 30; ++n) {
      shouwang::store::EventDraft d;
      d.time = shouwang::UtcTime::from_seconds(1'795'000'000 + n);
      d.actor = {"zhang.wei", "dispatcher", "ws-3"};
      d.type = "incident.note_added";
      d.entities = {"310100-20261122-000001"};
      d.payload = "{\"n\":" + std::to_string(n) + "}";
      ASSERT_TRUE((*log)->append({d}).ok());
    }
  }
  const CliRun intact = run("audit verify --db sqlite:" + path);
  EXPECT_EQ(intact.exit_code, 0) << intact.output;
  EXPECT_TRUE(mentions(intact, "ok: 30 records, chain intact")) << intact.output;

  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "UPDATE events SET payload = '{\"n\":99}' WHERE seq = 17", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  const CliRun broken = run("audit verify --db sqlite:" + path);
  EXPECT_EQ(broken.exit_code, 1) << broken.output;
  EXPECT_TRUE(mentions(broken, "BROKEN at record 17")) << broken.output;
  EXPECT_TRUE(mentions(broken, "16 records verified")) << broken.output;

  const CliRun missing = run("audit verify --db sqlite:" + temp_file("no-such.db"));
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_TRUE(mentions(missing, "there is no event log at")) << missing.output;
  EXPECT_FALSE(std::filesystem::exists(temp_file("no-such.db")));
  const CliRun no_db = run("audit verify");
  EXPECT_EQ(no_db.exit_code, 2);
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}


// Serving starts from the event log: a log whose chain is broken is refused, unless the
// operator explicitly starts without verifying it.
TEST(Cli, ServeRefusesAnEventLogThatDoesNotVerify) {
  const std::string path = temp_file("serve-events.db");
  {
    auto log = shouwang::store::open_event_log("sqlite:" + path);
    ASSERT_TRUE(log.ok()) << log.error().message;
    for (int n = 1; n <= 10; ++n) {
      shouwang::store::EventDraft d;
      d.time = shouwang::UtcTime::from_seconds(1'795'000'000 + n);
      d.actor = {"li.na", "call_taker", "ws-1"};
      d.type = "test.unknown_to_the_domain";
      d.payload = "{}";
      ASSERT_TRUE((*log)->append({d}).ok());
    }
  }
  const std::string web = temp_file("web");
  std::filesystem::create_directories(web);
  { std::ofstream(web + "/index.html") << "<!doctype html><title>t</title>"; }
  const std::string serve = "timeout -s TERM 5 " + std::string(SHOUWANG_BIN) + " serve --port 0 --web " + web + " --centre 310100 --db sqlite:" + path;

  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "UPDATE events SET time_us = time_us + 1 WHERE seq = 4", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  CliRun refused;
  {
    FILE* pipe = ::popen((serve + " 2>&1").c_str(), "r");
    ASSERT_NE(pipe, nullptr);
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) refused.output.append(buf, n);
    const int status = ::pclose(pipe);
    refused.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  EXPECT_EQ(refused.exit_code, 1) << refused.output;
  EXPECT_TRUE(mentions(refused, "fails verification at record 4")) << refused.output;
  EXPECT_TRUE(mentions(refused, "--unverified-log")) << refused.output;
  EXPECT_FALSE(mentions(refused, "listening on")) << refused.output;
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  std::filesystem::remove_all(web);
}

}  // namespace
