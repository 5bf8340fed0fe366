// Statistics over years of incidents: analytics::count and analytics::response_times on
// the columnar IncidentHistory, against the same GROUP BY queries in SQLite (an in-memory
// database, nothing written to disk), on synthetic incidents from 2023-01-01 to
// 2025-12-31 (local days at UTC+8).
//
//   shouwang_bench_stats [--incidents N] [--benchmark_* flags]
//   SHOUWANG_BENCH_INCIDENTS=N shouwang_bench_stats       (default N: 10,000,000)
//
// The workload is seeded (shouwang::Rng), so every run builds the same incidents: 150
// type codes in a two-digits-per-level hierarchy with Zipf-like popularity, 80 stations in
// 8 districts, priorities 1–4, reporting groups following the type, a daily profile, a
// yearly season and weekends, merged and cancelled duplicates, incidents found on patrol,
// and call, creation and arrival times. Before anything is timed, both engines must give
// the same count for every key of every period of every query; the program exits with
// status 1 and the first differences otherwise. Figures: docs/performance.md,
// "Statistics over 10 million incidents".

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <numeric>
#include <sqlite3.h>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <benchmark/benchmark.h>

#include <shouwang/analytics/counts.h>
#include <shouwang/analytics/incident_history.h>
#include <shouwang/analytics/periods.h>
#include <shouwang/analytics/response_times.h>
#include <shouwang/analytics/selection.h>
#include <shouwang/base/random.h>

namespace shouwang::analytics {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

constexpr std::uint64_t kSeed = 20250601;
constexpr std::int64_t kDefaultIncidents = 10'000'000;
constexpr std::int64_t kUtcOffsetSeconds = 8 * 3600;
constexpr Day kFirstDay = std::chrono::sys_days(2023y / 1 / 1);
constexpr Day kEndDay = std::chrono::sys_days(2026y / 1 / 1);
constexpr Day kMonth = std::chrono::sys_days(2025y / 6 / 1);        // the month 同比 query
constexpr Day kYearToDate = std::chrono::sys_days(2025y / 6 / 30);  // the YTD query's last day
constexpr int kRepetitions = 30;

constexpr std::array<std::string_view, 8> kGroupNames = {"criminal",
                                                         "public_order",
                                                         "traffic",
                                                         "fire",
                                                         "dispute",
                                                         "assistance",
                                                         "robbery_snatching_theft",
                                                         "fraud"};
constexpr std::array<std::string_view, 8> kDistricts = {"320102", "320104", "320105", "320106",
                                                        "320111", "320113", "320114", "320115"};
constexpr std::uint8_t kNoStation = 0xFF;

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

// A line of /proc/self/status in MiB ("VmRSS:", "VmHWM:").
double status_mib(std::string_view key) {
  std::ifstream status("/proc/self/status");
  std::string word;
  while (status >> word) {
    if (word == key) {
      double kib = 0;
      status >> kib;
      return kib / 1024.0;
    }
  }
  return 0;
}

// ---- The synthetic centre -------------------------------------------------------------

struct TypeCode {
  std::string code;
  std::uint32_t groups = 0;
  double weight = 0;
};

struct Station {
  std::string code;
  std::string district;
  double weight = 0;
  std::vector<std::string> units;  // callsigns "32010201-3"
};

std::string two_digits(int v) {
  return {static_cast<char>('0' + v / 10), static_cast<char>('0' + v % 10)};
}

// 8 level-1 codes, 40 level-2 and 102 level-3 (150). Level-1 types name the reporting
// group; 0101–0103 (robbery, snatching, theft) and 0104 (fraud) add their own.
std::vector<TypeCode> make_types(Rng& rng) {
  constexpr std::array<int, 8> kLevel2 = {6, 5, 5, 4, 5, 5, 5, 5};
  std::vector<TypeCode> types;
  int level2_seen = 0;
  for (int a = 1; a <= 8; ++a) {
    const std::string l1 = two_digits(a);
    const std::uint32_t g1 = a <= 6 ? 1u << (a - 1) : 0;  // 07 tip-offs, 08 other: no group
    types.push_back({l1, g1, 0.05});                      // seldom left at level 1
    for (int b = 1; b <= kLevel2[a - 1]; ++b) {
      const std::string l2 = l1 + two_digits(b);
      const std::uint32_t g2 =
          g1 | (a == 1 && b <= 3 ? 1u << 6 : 0) | (a == 1 && b == 4 ? 1u << 7 : 0);
      types.push_back({l2, g2, 0.3});
      const int leaves = level2_seen++ % 20 < 11 ? 3 : 2;
      for (int c = 1; c <= leaves; ++c)
        types.push_back({l2 + two_digits(c), g2, 1.0});
    }
  }
  // Zipf-like popularity over a seeded order of the codes: weight ∝ 1 / rank^1.1.
  std::vector<std::size_t> rank(types.size());
  std::iota(rank.begin(), rank.end(), std::size_t{0});
  for (std::size_t i = rank.size() - 1; i > 0; --i)
    std::swap(rank[i],
              rank[static_cast<std::size_t>(rng.uniform_int(0, static_cast<std::int64_t>(i)))]);
  for (std::size_t i = 0; i < types.size(); ++i)
    types[i].weight /= std::pow(static_cast<double>(rank[i] + 1), 1.1);
  return types;
}

std::vector<Station> make_stations(Rng& rng) {
  std::vector<Station> stations;
  for (const std::string_view district : kDistricts) {
    for (int s = 1; s <= 10; ++s) {
      Station station{std::string(district) + two_digits(s),
                      std::string(district),
                      std::exp(rng.normal(0, 0.5)),
                      {}};
      for (int u = 1; u <= 8; ++u)
        station.units.push_back(station.code + "-" + std::to_string(u));
      stations.push_back(std::move(station));
    }
  }
  return stations;
}

// Picks an index with probability proportional to its weight.
class Weighted {
 public:
  explicit Weighted(const std::vector<double>& weights) {
    double sum = 0;
    for (const double w : weights)
      cumulative_.push_back(sum += w);
  }
  std::size_t operator()(Rng& rng) const {
    const double u = rng.uniform01() * cumulative_.back();
    const auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), u);
    return std::min(static_cast<std::size_t>(it - cumulative_.begin()), cumulative_.size() - 1);
  }

 private:
  std::vector<double> cumulative_;
};

// One incident, compactly (about 32 bytes): what the two loaders turn into rows.
struct Synthetic {
  std::int64_t start_us = 0;            // the call's start, UTC; the creation when on patrol
  std::int32_t created_ds = 0;          // tenths of a second after the start
  std::int32_t arrived_ds = kNoOffset;  // likewise; kNoOffset when no unit arrived
  std::uint32_t groups = 0;
  std::uint32_t sequence = 0;    // its number within the local day, from 1
  std::uint16_t type = kNone16;  // index into Workload::types
  std::uint8_t station = kNoStation;
  std::uint8_t priority = 0;
  Standing standing = Standing::kCounted;
  bool officer_initiated = false;
  std::uint8_t unit = 0;  // the first to arrive, among its station's units
};

struct Workload {
  std::vector<TypeCode> types;
  std::vector<Station> stations;
  std::vector<Synthetic> incidents;    // in time order
  std::vector<std::size_t> day_begin;  // day kFirstDay + i: [day_begin[i], day_begin[i + 1])
};

std::int32_t tenths(double seconds) {
  return static_cast<std::int32_t>(std::lround(seconds * 10));
}

Workload generate(std::int64_t n) {
  const Rng root(kSeed);
  Rng catalogue = root.fork(1);
  Rng events = root.fork(2);
  Workload w;
  w.types = make_types(catalogue);
  w.stations = make_stations(catalogue);
  std::vector<double> type_weights, station_weights;
  for (const auto& t : w.types)
    type_weights.push_back(t.weight);
  for (const auto& s : w.stations)
    station_weights.push_back(s.weight);
  const Weighted pick_type(type_weights), pick_station(station_weights);
  const Weighted pick_hour({2.0, 1.6, 1.2, 0.9, 0.7, 0.7, 1.0, 1.6, 2.4, 3.0, 3.3, 3.4,
                            3.4, 3.4, 3.4, 3.5, 3.6, 3.8, 4.0, 4.3, 4.6, 4.4, 3.6, 2.7});
  const Weighted pick_priority({0.04, 0.18, 0.53, 0.25});
  constexpr std::array<double, 4> kTravelMedianS = {300, 420, 600, 900};

  // Incidents per day: a summer peak, busier Fridays and Saturdays, 4 % fewer a year.
  const auto days = static_cast<std::size_t>((kEndDay - kFirstDay).count());
  std::vector<double> cumulative(days + 1, 0.0);
  for (std::size_t i = 0; i < days; ++i) {
    const Day day = kFirstDay + std::chrono::days(i);
    const std::chrono::year_month_day ymd(day);
    const double year_day =
        static_cast<double>((day - std::chrono::sys_days(ymd.year() / 1 / 1)).count());
    const unsigned weekday = std::chrono::weekday(day).iso_encoding();
    const double weight = (1 + 0.12 * std::sin(2 * 3.14159265358979 * (year_day - 100) / 365)) *
                          (weekday == 5   ? 1.06
                           : weekday == 6 ? 1.08
                                          : 1.0) *
                          (1 - 0.04 * static_cast<double>(i) / 365) *
                          std::exp(events.normal(0, 0.05));
    cumulative[i + 1] = cumulative[i] + weight;
  }

  w.incidents.reserve(static_cast<std::size_t>(n));
  for (std::size_t i = 0; i < days; ++i) {
    const auto due = [&](std::size_t k) {
      return std::llround(static_cast<double>(n) * cumulative[k] / cumulative[days]);
    };
    const std::int64_t count = due(i + 1) - due(i);
    const std::int64_t day_start_s = (kFirstDay + std::chrono::days(i)).time_since_epoch() / 1s;
    w.day_begin.push_back(w.incidents.size());
    for (std::int64_t k = 0; k < count; ++k) {
      Synthetic s;
      const auto local_s =
          static_cast<std::int64_t>(pick_hour(events)) * 3600 + events.uniform_int(0, 3599);
      s.start_us =
          (day_start_s + local_s - kUtcOffsetSeconds) * 1'000'000 + events.uniform_int(0, 999'999);
      if (!events.bernoulli(0.004)) {  // else unclassified
        s.type = static_cast<std::uint16_t>(pick_type(events));
        s.groups = w.types[s.type].groups;
      }
      if (!events.bernoulli(0.003))
        s.station = static_cast<std::uint8_t>(pick_station(events));
      s.priority = static_cast<std::uint8_t>(1 + pick_priority(events));
      s.officer_initiated = events.bernoulli(0.06);
      const double standing = events.uniform01();
      s.standing = standing < 0.015  ? Standing::kMerged
                   : standing < 0.04 ? Standing::kCancelled
                                     : Standing::kCounted;
      if (s.officer_initiated) {
        s.arrived_ds = 0;  // the officer is there when it is entered
      } else {
        s.created_ds = tenths(70 * std::exp(events.normal(0, 0.5)));
        if (events.bernoulli(s.standing == Standing::kCancelled ? 0.3 : 0.93)) {
          s.arrived_ds = events.bernoulli(0.002)  // a clock error: before the call
                             ? -tenths(events.uniform(10, 600))
                             : s.created_ds + tenths(kTravelMedianS[s.priority - 1u] *
                                                     std::exp(events.normal(0, 0.45)));
        }
      }
      s.unit = static_cast<std::uint8_t>(events.uniform_int(0, 7));
      w.incidents.push_back(s);
    }
    const auto first = w.incidents.begin() + static_cast<std::ptrdiff_t>(w.day_begin.back());
    std::sort(first, w.incidents.end(),
              [](const Synthetic& a, const Synthetic& b) { return a.start_us < b.start_us; });
    std::uint32_t sequence = 0;
    for (auto it = first; it != w.incidents.end(); ++it)
      it->sequence = ++sequence;
  }
  w.day_begin.push_back(w.incidents.size());
  return w;
}

// Calls `f(incident, id)` for every incident in time order; ids are "J" + local day + a
// six-digit number within the day ("J20250601000123").
template <typename F>
void for_each_incident(const Workload& w, F&& f) {
  std::string id;
  for (std::size_t i = 0; i + 1 < w.day_begin.size(); ++i) {
    std::string day_text = to_string(kFirstDay + std::chrono::days(i));
    std::erase(day_text, '-');
    id = "J" + day_text + "000000";
    for (std::size_t k = w.day_begin[i]; k < w.day_begin[i + 1]; ++k) {
      const Synthetic& s = w.incidents[k];
      std::uint32_t number = s.sequence;
      for (std::size_t digit = id.size(); digit-- > id.size() - 6; number /= 10)
        id[digit] = static_cast<char>('0' + number % 10);
      f(s, std::string_view(id));
    }
  }
}

bool arrived(const Synthetic& s) {
  return s.arrived_ds != kNoOffset;
}
const std::string* first_unit(const Workload& w, const Synthetic& s) {
  return arrived(s) && s.station != kNoStation ? &w.stations[s.station].units[s.unit] : nullptr;
}

void load_history(const Workload& w, IncidentHistory& history) {
  IncidentRecord r;
  for_each_incident(w, [&](const Synthetic& s, std::string_view id) {
    constexpr std::int64_t kMicrosPerTenth = 100'000;
    r.id = id;
    r.type_code = s.type == kNone16 ? std::string_view() : w.types[s.type].code;
    r.groups = s.groups;
    r.priority = s.priority;
    r.station = s.station == kNoStation ? std::string_view() : w.stations[s.station].code;
    r.district = s.station == kNoStation ? std::string_view() : w.stations[s.station].district;
    r.officer_initiated = s.officer_initiated;
    r.standing = s.standing;
    r.times.fill(std::nullopt);
    if (!s.officer_initiated)
      r.times[static_cast<std::size_t>(Milestone::kCallStart)] = s.start_us;
    r.times[static_cast<std::size_t>(Milestone::kCreated)] =
        s.start_us + s.created_ds * kMicrosPerTenth;
    if (arrived(s))
      r.times[static_cast<std::size_t>(Milestone::kFirstArrived)] =
          s.start_us + s.arrived_ds * kMicrosPerTenth;
    const std::string* unit = first_unit(w, s);
    r.first_arrived_unit = unit == nullptr ? std::string_view() : *unit;
    history.upsert(r);
  });
}

// ---- SQLite ---------------------------------------------------------------------------

struct CloseDb {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};
struct FinalizeStmt {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Db = std::unique_ptr<sqlite3, CloseDb>;
using Stmt = std::unique_ptr<sqlite3_stmt, FinalizeStmt>;

void check(sqlite3* db, int rc, std::string_view what) {
  if (rc != SQLITE_OK && rc != SQLITE_ROW && rc != SQLITE_DONE)
    throw std::runtime_error(std::string(what) + ": " + sqlite3_errmsg(db));
}

void exec(sqlite3* db, const std::string& sql) {
  check(db, sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), sql);
}

Stmt prepare(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* raw = nullptr;
  check(db, sqlite3_prepare_v3(db, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &raw, nullptr), sql);
  return Stmt(raw);
}

std::string column_text(sqlite3_stmt* s, int column) {  // NULL: ""
  const unsigned char* text = sqlite3_column_text(s, column);
  return text == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(text));
}

void bind_text(sqlite3_stmt* s, int index, const std::string* text) {  // nullptr: NULL
  if (text == nullptr)
    sqlite3_bind_null(s, index);
  else
    sqlite3_bind_text(s, index, text->data(), static_cast<int>(text->size()), SQLITE_STATIC);
}

void bind_micros(sqlite3_stmt* s, int index, const Synthetic& i, std::int32_t offset_ds,
                 bool known) {
  if (known)
    sqlite3_bind_int64(s, index, i.start_us + std::int64_t{offset_ds} * 100'000);
  else
    sqlite3_bind_null(s, index);
}

struct SqliteLoad {
  double insert_s = 0;
  double index_s = 0;
};

// One transaction, one prepared INSERT; the index on day is built after the rows.
SqliteLoad load_sqlite(const Workload& w, sqlite3* db) {
  exec(db,
       "CREATE TABLE incidents(id TEXT NOT NULL, day INTEGER NOT NULL, minute INTEGER NOT NULL, "
       "type TEXT, group_bits INTEGER NOT NULL, priority INTEGER NOT NULL, station TEXT, "
       "district TEXT, standing INTEGER NOT NULL, officer_initiated INTEGER NOT NULL, "
       "call_start INTEGER, created INTEGER, first_arrived INTEGER, first_arrived_unit TEXT)");
  SqliteLoad load;
  auto t0 = Clock::now();
  exec(db, "BEGIN");
  const Stmt insert = prepare(
      db,
      "INSERT INTO incidents VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
  sqlite3_stmt* s = insert.get();
  for_each_incident(w, [&](const Synthetic& i, std::string_view id) {
    const std::int64_t local_s = i.start_us / 1'000'000 + kUtcOffsetSeconds;
    const bool station = i.station != kNoStation;
    sqlite3_bind_text(s, 1, id.data(), static_cast<int>(id.size()), SQLITE_TRANSIENT);
    sqlite3_bind_int64(s, 2, local_s / 86'400);
    sqlite3_bind_int(s, 3, static_cast<int>(local_s % 86'400 / 60));
    bind_text(s, 4, i.type == kNone16 ? nullptr : &w.types[i.type].code);
    sqlite3_bind_int64(s, 5, i.groups);
    sqlite3_bind_int(s, 6, i.priority);
    bind_text(s, 7, station ? &w.stations[i.station].code : nullptr);
    bind_text(s, 8, station ? &w.stations[i.station].district : nullptr);
    sqlite3_bind_int(s, 9, static_cast<int>(i.standing));
    sqlite3_bind_int(s, 10, i.officer_initiated ? 1 : 0);
    bind_micros(s, 11, i, 0, !i.officer_initiated);
    bind_micros(s, 12, i, i.created_ds, true);
    bind_micros(s, 13, i, i.arrived_ds, arrived(i));
    bind_text(s, 14, first_unit(w, i));
    check(db, sqlite3_step(s), "insert");
    sqlite3_reset(s);
  });
  load.insert_s = seconds_since(t0);
  t0 = Clock::now();
  exec(db, "CREATE INDEX incidents_by_day ON incidents(day)");
  exec(db, "COMMIT");
  load.index_s = seconds_since(t0);
  return load;
}

// ---- The queries, both ways -----------------------------------------------------------

using Counts = std::array<std::int64_t, 3>;  // current, last year (同比), previous (环比)
using Table = std::map<std::vector<std::string>, Counts>;
struct Figures {
  Counts total{};
  Table rows;
  friend bool operator==(const Figures&, const Figures&) = default;
};

std::array<Period, 3> compared(const Period& p) {
  return {p, same_period_last_year(p), previous_period(p)};
}

std::int64_t day_number(Day d) {
  return d.time_since_epoch().count();
}

CountQuery month_query() {
  return {month_of(kMonth), {}, {Dimension::kType, Dimension::kStation}};
}
CountQuery ytd_query() {
  return {year_to_date(kYearToDate), {}, {Dimension::kGroup}};
}

CountReport run_count(const IncidentHistory& history, const CountQuery& query) {
  auto report = count(history, query);
  if (!report)
    throw std::runtime_error("count: " + report.error().message);
  return std::move(*report);
}

Figures figures_of(const CountReport& report) {
  Figures f;
  f.total = {report.total.current, report.total.last_year, report.total.previous};
  for (const CountRow& row : report.rows)
    f.rows[row.key] = {row.current, row.last_year, row.previous};
  return f;
}

// Counted incidents are standing 0 (neither merged nor cancelled), as in the history.
const std::string kByTypeStationSql =
    "SELECT type, station, COUNT(*) FROM incidents "
    "WHERE day >= ?1 AND day < ?2 AND standing = 0 GROUP BY type, station";
const std::string kByTypeStationUnionSql =
    "SELECT type, station, SUM(day >= ?1 AND day < ?2), SUM(day >= ?3 AND day < ?4), "
    "SUM(day >= ?5 AND day < ?6) FROM incidents WHERE standing = 0 AND "
    "(day >= ?1 AND day < ?2 OR day >= ?3 AND day < ?4 OR day >= ?5 AND day < ?6) "
    "GROUP BY type, station";

std::string by_group_sql() {
  std::string sql = "SELECT COUNT(*)";
  for (std::size_t bit = 0; bit < kGroupNames.size(); ++bit)
    sql += ", SUM(group_bits >> " + std::to_string(bit) + " & 1)";
  return sql + " FROM incidents WHERE day >= ?1 AND day < ?2 AND standing = 0";
}

void bind_period(sqlite3_stmt* s, int first_index, const Period& p) {
  sqlite3_bind_int64(s, first_index, day_number(p.begin));
  sqlite3_bind_int64(s, first_index + 1, day_number(p.end));
}

// The three periods, one GROUP BY each, merged by key.
Figures sqlite_by_type_station(sqlite3* db, sqlite3_stmt* s, const Period& period) {
  Figures f;
  const auto periods = compared(period);
  for (std::size_t p = 0; p < periods.size(); ++p) {
    bind_period(s, 1, periods[p]);
    int rc = 0;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
      const std::int64_t n = sqlite3_column_int64(s, 2);
      f.rows[{column_text(s, 0), column_text(s, 1)}][p] += n;
      f.total[p] += n;
    }
    check(db, rc, "by type and station");
    sqlite3_reset(s);
  }
  return f;
}

// One GROUP BY over the union of the three periods, one SUM per period.
Figures sqlite_by_type_station_union(sqlite3* db, sqlite3_stmt* s, const Period& period) {
  Figures f;
  const auto periods = compared(period);
  for (std::size_t p = 0; p < periods.size(); ++p)
    bind_period(s, static_cast<int>(2 * p + 1), periods[p]);
  int rc = 0;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    Counts& row = f.rows[{column_text(s, 0), column_text(s, 1)}];
    for (std::size_t p = 0; p < periods.size(); ++p) {
      row[p] = sqlite3_column_int64(s, static_cast<int>(2 + p));
      f.total[p] += row[p];
    }
  }
  check(db, rc, "by type and station, one query");
  sqlite3_reset(s);
  return f;
}

Figures sqlite_by_group(sqlite3* db, sqlite3_stmt* s, const Period& period) {
  Figures f;
  const auto periods = compared(period);
  for (std::size_t p = 0; p < periods.size(); ++p) {
    bind_period(s, 1, periods[p]);
    check(db, sqlite3_step(s), "by group");
    f.total[p] = sqlite3_column_int64(s, 0);
    for (std::size_t bit = 0; bit < kGroupNames.size(); ++bit) {
      if (const std::int64_t n = sqlite3_column_int64(s, static_cast<int>(bit + 1)); n != 0)
        f.rows[{std::string(kGroupNames[bit])}][p] = n;
    }
    sqlite3_reset(s);
  }
  return f;
}

// Exits with status 1, showing the first differences, unless the figures agree.
void require_same(std::string_view what, const Figures& ours, const Figures& theirs) {
  if (ours == theirs) {
    std::printf("check: %s: %zu keys, totals %lld / %lld / %lld, identical\n",
                std::string(what).c_str(), ours.rows.size(), static_cast<long long>(ours.total[0]),
                static_cast<long long>(ours.total[1]), static_cast<long long>(ours.total[2]));
    return;
  }
  std::fprintf(stderr, "MISMATCH: %s: Shouwang and SQLite disagree\n", std::string(what).c_str());
  const auto show = [](const char* label, const Counts& c) {
    std::fprintf(stderr, "  %s %lld / %lld / %lld\n", label, static_cast<long long>(c[0]),
                 static_cast<long long>(c[1]), static_cast<long long>(c[2]));
  };
  show("total  Shouwang", ours.total);
  show("total  SQLite  ", theirs.total);
  int shown = 0;
  Table all = ours.rows;
  all.insert(theirs.rows.begin(), theirs.rows.end());
  for (const auto& [key, unused] : all) {
    const auto a = ours.rows.find(key);
    const auto b = theirs.rows.find(key);
    const Counts none{};
    const Counts& ca = a == ours.rows.end() ? none : a->second;
    const Counts& cb = b == theirs.rows.end() ? none : b->second;
    if (ca == cb || shown++ >= 10)
      continue;
    std::string label;
    for (const auto& part : key)
      label += "[" + part + "]";
    std::fprintf(stderr, "  key %s\n", label.c_str());
    show("  Shouwang", ca);
    show("  SQLite  ", cb);
  }
  std::exit(1);
}

void print_plan(sqlite3* db, std::string_view name, const std::string& sql) {
  const Stmt explain = prepare(db, "EXPLAIN QUERY PLAN " + sql);
  std::printf("plan: %s:", std::string(name).c_str());
  while (sqlite3_step(explain.get()) == SQLITE_ROW)
    std::printf(" [%s]", column_text(explain.get(), 3).c_str());
  std::printf("\n");
}

double p90(const std::vector<double>& v) {
  std::vector<double> sorted = v;
  std::sort(sorted.begin(), sorted.end());
  if (sorted.empty())
    return 0;
  const double pos = 0.9 * static_cast<double>(sorted.size() - 1);
  const auto lo = static_cast<std::size_t>(pos);
  const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - static_cast<double>(lo));
}

// Each repetition is one query; the table shows the median, mean and p90 of 30.
template <typename Query>
void add_benchmark(const std::string& name, Query query) {
  benchmark::RegisterBenchmark(name.c_str(),
                               [query](benchmark::State& state) {
                                 for (auto _ : state)
                                   benchmark::DoNotOptimize(query());
                               })
      ->Iterations(1)
      ->Repetitions(kRepetitions)
      ->ComputeStatistics("p90", p90)
      ->DisplayAggregatesOnly(true)
      ->UseRealTime()
      ->Unit(benchmark::kMillisecond);
}

std::int64_t incidents_wanted(int& argc, char** argv) {
  std::int64_t n = kDefaultIncidents;
  if (const char* env = std::getenv("SHOUWANG_BENCH_INCIDENTS"))
    n = std::atoll(env);
  int out = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--incidents" && i + 1 < argc)
      n = std::atoll(argv[++i]);
    else if (arg.starts_with("--incidents="))
      n = std::atoll(argv[i] + 12);
    else
      argv[out++] = argv[i];
  }
  argc = out;
  if (n <= 0)
    throw std::runtime_error("--incidents wants a positive number");
  return n;
}

int run(int argc, char** argv) {
  const std::int64_t n = incidents_wanted(argc, argv);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv))
    return 1;
  std::printf("statistics benchmark: %lld synthetic incidents, %s to %s (UTC+8), seed %llu\n",
              static_cast<long long>(n), to_string(kFirstDay).c_str(),
              to_string(kEndDay - std::chrono::days(1)).c_str(),
              static_cast<unsigned long long>(kSeed));

  auto t0 = Clock::now();
  auto workload = std::make_unique<Workload>(generate(n));
  std::printf("generate: %.2f s, %zu type codes, %zu stations; RSS %.0f MiB\n", seconds_since(t0),
              workload->types.size(), workload->stations.size(), status_mib("VmRSS:"));

  HistorySchema schema;
  schema.groups.assign(kGroupNames.begin(), kGroupNames.end());
  IncidentHistory history(std::move(schema));
  double rss = status_mib("VmRSS:");
  t0 = Clock::now();
  load_history(*workload, history);
  const double upsert_s = seconds_since(t0);
  t0 = Clock::now();
  history.settle();
  std::printf("history: upsert %.2f s (%.0f rows/s), settle %.3f s; +%.0f MiB RSS\n", upsert_s,
              static_cast<double>(n) / upsert_s, seconds_since(t0), status_mib("VmRSS:") - rss);

  sqlite3* raw = nullptr;
  if (sqlite3_open(":memory:", &raw) != SQLITE_OK)
    throw std::runtime_error("sqlite3_open(:memory:) failed");
  const Db db(raw);
  rss = status_mib("VmRSS:");
  const SqliteLoad sqlite_load = load_sqlite(*workload, db.get());
  std::printf(
      "sqlite %s (in memory): insert %.2f s (%.0f rows/s), index on day %.2f s; +%.0f MiB RSS, "
      "sqlite3_memory_used %.0f MiB\n",
      sqlite3_libversion(), sqlite_load.insert_s, static_cast<double>(n) / sqlite_load.insert_s,
      sqlite_load.index_s, status_mib("VmRSS:") - rss,
      static_cast<double>(sqlite3_memory_used()) / (1 << 20));
  workload.reset();
  std::printf("after freeing the workload: RSS %.0f MiB, peak %.0f MiB\n", status_mib("VmRSS:"),
              status_mib("VmHWM:"));

  const Stmt by_type_station = prepare(db.get(), kByTypeStationSql);
  const Stmt by_type_station_union = prepare(db.get(), kByTypeStationUnionSql);
  const Stmt by_group = prepare(db.get(), by_group_sql());
  print_plan(db.get(), "by type, station (per period)", kByTypeStationSql);
  print_plan(db.get(), "by type, station (one query)", kByTypeStationUnionSql);
  print_plan(db.get(), "by group (per period)", by_group_sql());

  // Identical figures first.
  const CountQuery month = month_query();
  const CountQuery ytd = ytd_query();
  const CountReport month_report = run_count(history, month);
  const Figures month_figures = figures_of(month_report);
  require_same("month by type x station, per-period queries", month_figures,
               sqlite_by_type_station(db.get(), by_type_station.get(), month.period));
  require_same("month by type x station, one query", month_figures,
               sqlite_by_type_station_union(db.get(), by_type_station_union.get(), month.period));
  const CountReport ytd_report = run_count(history, ytd);
  require_same("year to date by group", figures_of(ytd_report),
               sqlite_by_group(db.get(), by_group.get(), ytd.period));

  ResponseQuery response;
  response.period = month_of(kMonth);
  response.by = {Dimension::kPriority};
  const auto response_report = response_times(history, response);
  if (!response_report)
    throw std::runtime_error("response_times: " + response_report.error().message);

  const auto rows_in = [&](const Period& p) {
    return static_cast<long long>(history.rows_in(p).size());
  };
  std::printf(
      "\n| query | periods | rows in the periods | counted | keys |\n|---|---|---|---|---|\n");
  const auto fact = [&](const char* name, const CountReport& r) {
    std::printf("| %s | %s, %s, %s | %lld / %lld / %lld | %lld / %lld / %lld | %zu |\n", name,
                to_string(r.period.begin).c_str(), to_string(r.last_year.begin).c_str(),
                to_string(r.previous.begin).c_str(), rows_in(r.period), rows_in(r.last_year),
                rows_in(r.previous), static_cast<long long>(r.total.current),
                static_cast<long long>(r.total.last_year), static_cast<long long>(r.total.previous),
                r.rows.size());
  };
  fact("month by type x station", month_report);
  fact("year to date by group", ytd_report);
  const auto& total = response_report->total;
  std::printf(
      "| response call -> arrival by priority | %s | %lld | %zu timed (%lld missing, %lld out "
      "of order), median %.0f s, P90 %.0f s | %zu |\n\n",
      to_string(response.period.begin).c_str(), rows_in(response.period),
      total.seconds ? total.seconds->n : 0, static_cast<long long>(total.missing),
      static_cast<long long>(total.out_of_order), total.seconds ? total.seconds->median : 0.0,
      total.seconds ? total.seconds->p90 : 0.0, response_report->rows.size());
  std::fflush(stdout);

  sqlite3* const sql = db.get();
  add_benchmark("month_type_station/shouwang",
                [&] { return run_count(history, month).rows.size(); });
  add_benchmark("month_type_station/sqlite_per_period", [&, sql] {
    return sqlite_by_type_station(sql, by_type_station.get(), month.period).rows.size();
  });
  add_benchmark("month_type_station/sqlite_one_query", [&, sql] {
    return sqlite_by_type_station_union(sql, by_type_station_union.get(), month.period).rows.size();
  });
  add_benchmark("ytd_group/shouwang", [&] { return run_count(history, ytd).rows.size(); });
  add_benchmark("ytd_group/sqlite_per_period",
                [&, sql] { return sqlite_by_group(sql, by_group.get(), ytd.period).rows.size(); });
  add_benchmark("month_response_priority/shouwang",
                [&] { return response_times(history, response)->rows.size(); });
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  std::printf("\npeak RSS %.0f MiB\n", status_mib("VmHWM:"));
  return 0;
}

}  // namespace
}  // namespace shouwang::analytics

int main(int argc, char** argv) {
  try {
    return shouwang::analytics::run(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "shouwang_bench_stats: %s\n", e.what());
    return 1;
  }
}
