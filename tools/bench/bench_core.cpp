// shouwang-bench core [--json] [--dir DIR] [--pg URL] [--replay-events N] [--seconds S]:
// the event log under load. For each back end: append throughput with 1, 8 and 64
// concurrent writers (one event per append, every append durable before it returns),
// acknowledgement latency under an open-loop load of 2,000 appends per second, and the
// rate at which a log of N events is read back (replay) and verified. The naive figure is
// the anchor: a plain loop committing one event per SQLite transaction.

#include <libpq-fe.h>
#include <sqlite3.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <iostream>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

#include <shouwang/store/event_log.h>

#include "bench_stats.h"
#include "benchmarks.h"

namespace shouwang::bench {
namespace {

namespace fs = std::filesystem;

store::EventDraft draft(int writer, std::uint64_t n) {
  store::EventDraft d;
  d.time = UtcTime::from_micros(1'795'000'000'000'000 + static_cast<std::int64_t>(n));
  d.actor = {"dispatcher" + std::to_string(writer), "dispatcher", "ws-" + std::to_string(writer)};
  d.type = "order.signed_for";
  d.entities = {"310100-20261122-" + std::to_string(100000 + n % 90000), "310100-D-" + std::to_string(n)};
  d.payload = R"({"order":"310100-D-)" + std::to_string(n) + R"(","unit":"沪A-)" + std::to_string(writer) +
              R"(","signed_by":"王警官","note":"已签收，出警中"})";
  return d;
}

struct CoreFigures {
  double events_per_s[3] = {0, 0, 0};  // 1, 8, 64 writers
  double ack_p50_ms = 0, ack_p99_ms = 0;
  double bulk_load_events_per_s = 0;
  double replay_events_per_s = 0;
  double verify_events_per_s = 0;
};

Result<std::unique_ptr<store::EventLog>> open_fresh(const std::string& url) {
  return store::open_event_log(url, {.verify_on_open = false});
}

// Appends one-event appends from `writers` threads for `seconds`.
Result<double> throughput(const std::string& url, int writers, double seconds) {
  auto log = open_fresh(url);
  if (!log) return log.error();
  std::atomic<bool> stop{false};
  std::atomic<std::uint64_t> appended{0};
  std::atomic<bool> failed{false};
  std::vector<std::thread> threads;
  const auto t0 = Clock::now();
  for (int w = 0; w < writers; ++w) {
    threads.emplace_back([&, w] {
      for (std::uint64_t n = 0; !stop.load(std::memory_order_relaxed); ++n) {
        if (!(*log)->append({draft(w, n)})) {
          failed = true;
          return;
        }
        appended.fetch_add(1, std::memory_order_relaxed);
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  stop = true;
  for (auto& t : threads) t.join();
  const double elapsed = micros_since(t0) / 1e6;
  if (failed) return Error(Errc::kIoError, "an append failed during the throughput run");
  return static_cast<double>(appended.load()) / elapsed;
}

// Open loop: append k is due at k / rate seconds; latency runs from when it was due to
// its acknowledgement, so falling behind shows as latency rather than a slower schedule.
Result<std::pair<double, double>> ack_latency(const std::string& url, double rate, double seconds) {
  auto log = open_fresh(url);
  if (!log) return log.error();
  const auto total = static_cast<std::uint64_t>(rate * seconds);
  std::atomic<std::uint64_t> next{0};
  std::vector<double> latencies_ms(total);
  std::atomic<bool> failed{false};
  const auto t0 = Clock::now() + std::chrono::milliseconds(50);
  std::vector<std::thread> threads;
  for (int w = 0; w < 64; ++w) {
    threads.emplace_back([&, w] {
      for (std::uint64_t k; (k = next.fetch_add(1)) < total;) {
        const auto due = t0 + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(k / rate));
        std::this_thread::sleep_until(due);
        if (!(*log)->append({draft(w, k)})) failed = true;
        latencies_ms[k] = std::chrono::duration<double, std::milli>(Clock::now() - due).count();
      }
    });
  }
  for (auto& t : threads) t.join();
  if (failed) return Error(Errc::kIoError, "an append failed during the latency run");
  return std::make_pair(quantile(latencies_ms, 0.5), quantile(latencies_ms, 0.99));
}

// Writes `events` events in appends of 1,000, then reads them all back and verifies them.
Status replay(const std::string& url, std::uint64_t events, CoreFigures& out) {
  {
    auto log = open_fresh(url);
    if (!log) return log.error();
    const auto t0 = Clock::now();
    for (std::uint64_t n = 0; n < events;) {
      std::vector<store::EventDraft> batch;
      for (int i = 0; i < 1000 && n < events; ++i, ++n) batch.push_back(draft(i % 64, n));
      if (auto ok = (*log)->append(std::move(batch)); !ok) return ok.error();
    }
    out.bulk_load_events_per_s = static_cast<double>(events) / (micros_since(t0) / 1e6);
  }
  auto log = open_fresh(url);
  if (!log) return log.error();
  auto t0 = Clock::now();
  std::uint64_t read = 0, payload_bytes = 0;
  auto counted = (*log)->scan(1, [&](const store::EventView& e) {
    ++read;
    payload_bytes += e.payload.size();
    return true;
  });
  if (!counted) return counted.error();
  if (read != events || payload_bytes == 0) return Error(Errc::kInternal, "replay read " + std::to_string(read) + " events");
  out.replay_events_per_s = static_cast<double>(read) / (micros_since(t0) / 1e6);
  t0 = Clock::now();
  auto report = (*log)->verify();
  if (!report) return report.error();
  if (!report->ok()) return Error(Errc::kCorrupt, "the benchmark log does not verify: " + report->problem);
  out.verify_events_per_s = static_cast<double>(report->records) / (micros_since(t0) / 1e6);
  return {};
}

// The anchor: one event per transaction, no group commit, in a plain loop.
Result<double> naive_sqlite(const fs::path& path, double seconds) {
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) return Error(Errc::kIoError, "cannot open " + path.string());
  sqlite3_exec(db,
               "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
               "CREATE TABLE events (seq INTEGER PRIMARY KEY, time_us INTEGER, actor TEXT, type TEXT, entities TEXT,"
               " payload TEXT)",
               nullptr, nullptr, nullptr);
  sqlite3_stmt* insert = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO events (time_us, actor, type, entities, payload) VALUES (?, ?, ?, ?, ?)", -1,
                     &insert, nullptr);
  std::uint64_t n = 0;
  const auto t0 = Clock::now();
  while (micros_since(t0) < seconds * 1e6) {
    const store::EventDraft d = draft(0, n);
    sqlite3_bind_int64(insert, 1, d.time.micros());
    sqlite3_bind_text(insert, 2, d.actor.user.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(insert, 3, d.type.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(insert, 4, d.entities[0].c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(insert, 5, d.payload.c_str(), -1, SQLITE_TRANSIENT);
    if (sqlite3_step(insert) != SQLITE_DONE) break;
    sqlite3_reset(insert);
    ++n;
  }
  const double rate = static_cast<double>(n) / (micros_since(t0) / 1e6);
  sqlite3_finalize(insert);
  sqlite3_close(db);
  return rate;
}

// `fresh_url(name)` gives the URL of a new, empty log for one measurement.
Status measure(const std::function<std::string(const std::string&)>& fresh_url, std::uint64_t replay_events,
               double seconds, CoreFigures& out) {
  const int writer_counts[3] = {1, 8, 64};
  for (int i = 0; i < 3; ++i) {
    auto rate = throughput(fresh_url("throughput-" + std::to_string(writer_counts[i])), writer_counts[i], seconds);
    if (!rate) return rate.error();
    out.events_per_s[i] = *rate;
  }
  auto ack = ack_latency(fresh_url("latency"), 2000.0, seconds);
  if (!ack) return ack.error();
  out.ack_p50_ms = ack->first;
  out.ack_p99_ms = ack->second;
  return replay(fresh_url("replay"), replay_events, out);
}

// Empties the PostgreSQL database at `url` so the next log opened there starts fresh.
Status drop_pg_log(const std::string& url) {
  PGconn* conn = PQconnectdb(url.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    const std::string message = PQerrorMessage(conn);
    PQfinish(conn);
    return Error(Errc::kUnavailable, "cannot reach PostgreSQL for the benchmark: " + message);
  }
  PQclear(PQexec(conn, "SET client_min_messages = warning"));
  PGresult* result = PQexec(conn, "DROP TABLE IF EXISTS events, snapshots, meta");
  const bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
  const std::string message = PQerrorMessage(conn);
  PQclear(result);
  PQfinish(conn);
  if (!ok) return Error(Errc::kIoError, "cannot empty the benchmark database: " + message);
  return {};
}

// The anchor on PostgreSQL: one INSERT per transaction (autocommit), synchronous commit.
Result<double> naive_postgres(const std::string& url, double seconds) {
  if (auto ok = drop_pg_log(url); !ok) return ok.error();
  PGconn* conn = PQconnectdb(url.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    PQfinish(conn);
    return Error(Errc::kUnavailable, "cannot reach PostgreSQL for the naive run");
  }
  PQclear(PQexec(conn, "CREATE TABLE IF NOT EXISTS naive_events (seq BIGSERIAL PRIMARY KEY, time_us BIGINT, "
                       "actor TEXT, type TEXT, entities TEXT, payload TEXT)"));
  std::uint64_t n = 0;
  const auto t0 = Clock::now();
  while (micros_since(t0) < seconds * 1e6) {
    const store::EventDraft d = draft(0, n);
    const std::string time = std::to_string(d.time.micros());
    const char* values[5] = {time.c_str(), d.actor.user.c_str(), d.type.c_str(), d.entities[0].c_str(),
                             d.payload.c_str()};
    PGresult* result = PQexecParams(
        conn, "INSERT INTO naive_events (time_us, actor, type, entities, payload) VALUES ($1, $2, $3, $4, $5)", 5,
        nullptr, values, nullptr, nullptr, 0);
    const bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
    PQclear(result);
    if (!ok) break;
    ++n;
  }
  const double rate = static_cast<double>(n) / (micros_since(t0) / 1e6);
  PQclear(PQexec(conn, "DROP TABLE naive_events"));
  PQfinish(conn);
  return rate;
}

int usage(const std::string& message) {
  std::cerr << "shouwang-bench core: " << message
            << "\nusage: shouwang-bench core [--json] [--dir DIR] [--pg URL] [--replay-events N] [--seconds S]\n";
  return 2;
}

void print_table(const char* name, const CoreFigures& f) {
  std::printf("%s: appends %.0f / %.0f / %.0f events/s (1 / 8 / 64 writers); ack at 2,000/s p50 %.2f ms, p99 %.2f ms\n",
              name, f.events_per_s[0], f.events_per_s[1], f.events_per_s[2], f.ack_p50_ms, f.ack_p99_ms);
  std::printf("%s: bulk load %.0f events/s, replay %.0f events/s, verify %.0f events/s\n", name,
              f.bulk_load_events_per_s, f.replay_events_per_s, f.verify_events_per_s);
}

void print_json_fields(const std::string& prefix, const CoreFigures& f) {
  std::printf("\"%sevents_per_s_1\":%.0f,\"%sevents_per_s_8\":%.0f,\"%sevents_per_s_64\":%.0f,"
              "\"%sack_p50_ms_at_2000\":%.3f,\"%sack_p99_ms_at_2000\":%.3f,\"%sbulk_load_events_per_s\":%.0f,"
              "\"%sreplay_events_per_s\":%.0f,\"%sverify_events_per_s\":%.0f",
              prefix.c_str(), f.events_per_s[0], prefix.c_str(), f.events_per_s[1], prefix.c_str(), f.events_per_s[2],
              prefix.c_str(), f.ack_p50_ms, prefix.c_str(), f.ack_p99_ms, prefix.c_str(), f.bulk_load_events_per_s,
              prefix.c_str(), f.replay_events_per_s, prefix.c_str(), f.verify_events_per_s);
}

}  // namespace

int run_core_bench(const std::vector<std::string>& args) {
  bool json = false;
  std::string dir, pg;
  std::uint64_t replay_events = 1'000'000;
  double seconds = 3.0;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const bool has_value = i + 1 < args.size();
    if (args[i] == "--json") {
      json = true;
    } else if (args[i] == "--dir" && has_value) {
      dir = args[++i];
    } else if (args[i] == "--pg" && has_value) {
      pg = args[++i];
    } else if (args[i] == "--replay-events" && has_value) {
      replay_events = std::stoull(args[++i]);
    } else if (args[i] == "--seconds" && has_value) {
      seconds = std::stod(args[++i]);
    } else {
      return usage("unknown argument '" + args[i] + "'");
    }
  }
  const fs::path work = dir.empty() ? fs::temp_directory_path() / ("shouwang-bench-core-" + std::to_string(::getpid()))
                                    : fs::path(dir);
  fs::create_directories(work);
  auto fresh_sqlite = [&work](const std::string& name) {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(work / (name + ".db" + suffix));
    return "sqlite:" + (work / (name + ".db")).string();
  };

  CoreFigures sqlite;
  if (auto ok = measure(fresh_sqlite, replay_events, seconds, sqlite); !ok) {
    std::cerr << "shouwang-bench core: " << ok.error().message << "\n";
    return 1;
  }
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(work / (std::string("naive.db") + suffix));
  auto naive = naive_sqlite(work / "naive.db", seconds);
  if (!naive) {
    std::cerr << "shouwang-bench core: " << naive.error().message << "\n";
    return 1;
  }
  if (dir.empty()) fs::remove_all(work);

  // PostgreSQL, when a server is named: every measurement starts from an empty database.
  CoreFigures postgres;
  double pg_naive = 0;
  if (!pg.empty()) {
    Status dropped;
    auto fresh_pg = [&pg, &dropped](const std::string&) {
      if (dropped) dropped = drop_pg_log(pg);
      return pg;
    };
    auto measured = measure(fresh_pg, replay_events, seconds, postgres);
    if (!dropped || !measured) {
      std::cerr << "shouwang-bench core: " << (!dropped ? dropped.error() : measured.error()).message << "\n";
      return 1;
    }
    (void)drop_pg_log(pg);
    auto naive_pg = naive_postgres(pg, seconds);
    if (!naive_pg) {
      std::cerr << "shouwang-bench core: " << naive_pg.error().message << "\n";
      return 1;
    }
    pg_naive = *naive_pg;
  }

  if (json) {
    std::printf("{");
    print_json_fields("", sqlite);
    std::printf(",\"naive_sqlite_events_per_s\":%.0f", *naive);
    if (!pg.empty()) {
      std::printf(",");
      print_json_fields("pg_", postgres);
      std::printf(",\"pg_naive_events_per_s\":%.0f", pg_naive);
    }
    std::printf("}\n");
  } else {
    print_table("sqlite", sqlite);
    std::printf("naive sqlite (one transaction per event): %.0f events/s\n", *naive);
    if (!pg.empty()) {
      print_table("postgresql", postgres);
      std::printf("naive postgresql (one transaction per event): %.0f events/s\n", pg_naive);
    }
  }
  return 0;
}

}  // namespace shouwang::bench
