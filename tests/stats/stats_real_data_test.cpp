// `shouwang stats` on real incident files (../shared/data/incidents, not part of the
// repository). Each file is imported with the shouwang binary into a temporary SQLite log,
// the verb is asked the figures of docs/analytics.md ("Real data") with --format json, and
// both its answers and the tables in the document are compared with figures this test
// computes straight from the CSV text, sharing no code with the project: its own CSV
// reading, its own reading of the mapping's lookup tables and the taxonomy's priorities,
// the importer's documented skip rules checked by its own code, local times converted with
// the C library (TZ set to the zone), and its own sorting-based percentiles (PERCENTILE.INC).
// Only the unpacking of the .zip uses the project (exchange::read_import_source).
//
// A missing file skips its test with the reason printed. When a table in the document no
// longer matches, the test prints the table as it should read.

#include <algorithm>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <sys/types.h>
#include <unistd.h>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <shouwang/exchange/import_source.h>

#include "stats/shared_incidents.h"
#include "store/child_process.h"

namespace shouwang::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;


std::string trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos)
    return {};
  const auto last = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(first, last - first + 1));
}

std::string printf_text(const char* pattern, auto... values) {
  char text[128];
  std::snprintf(text, sizeof text, pattern, values...);
  return text;
}

class TempDir {
 public:
  explicit TempDir(const std::string& name) {
    std::string pattern = (fs::temp_directory_path() / ("shouwang-" + name + "-XXXXXX")).string();
    if (::mkdtemp(pattern.data()) == nullptr)
      ADD_FAILURE() << "cannot create " << pattern;
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const fs::path& path() const { return path_; }
  [[nodiscard]] std::string db_url() const { return "sqlite:" + (path_ / "events.db").string(); }

 private:
  fs::path path_;
};

// ---- CSV ------------------------------------------------------------------------------------

struct Record {
  std::size_t line = 0;  // the physical line where the record starts
  std::vector<std::string> fields;
};

// RFC 4180 as the exports write it: quoted fields holding commas, doubled quotes and line
// breaks; records ended by CRLF, LF or CR; a byte-order mark skipped; blank lines skipped.
std::vector<Record> read_csv(std::string_view text) {
  std::vector<Record> records;
  std::size_t i = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  std::size_t line = 1;
  const auto line_break_at = [&](std::size_t at) {  // the length of a line break at `at`
    if (text[at] == '\r')
      return at + 1 < text.size() && text[at + 1] == '\n' ? 2 : 1;
    return text[at] == '\n' ? 1 : 0;
  };
  while (i < text.size()) {
    Record record;
    record.line = line;
    std::string field;
    bool quoted = false;
    bool was_quoted = false;
    for (;;) {
      if (i >= text.size()) {
        record.fields.push_back(std::move(field));
        break;
      }
      const char c = text[i];
      if (quoted) {
        if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          i += 2;
        } else if (c == '"') {
          quoted = false;
          ++i;
        } else if (const int n = line_break_at(i); n > 0) {
          field.append(text.substr(i, n));
          i += n;
          ++line;
        } else {
          field += c;
          ++i;
        }
      } else if (c == '"' && field.empty() && !was_quoted) {
        quoted = was_quoted = true;
        ++i;
      } else if (c == ',') {
        record.fields.push_back(std::move(field));
        field.clear();
        was_quoted = false;
        ++i;
      } else if (const int n = line_break_at(i); n > 0) {
        record.fields.push_back(std::move(field));
        i += n;
        ++line;
        break;
      } else {
        field += c;
        ++i;
      }
    }
    if (record.fields.size() == 1 && record.fields[0].empty())
      continue;
    records.push_back(std::move(record));
  }
  return records;
}

class Columns {
 public:
  explicit Columns(const Record& header) {
    for (std::size_t i = 0; i < header.fields.size(); ++i)
      index_[header.fields[i]] = i;
  }
  [[nodiscard]] std::size_t size() const { return index_.size(); }
  [[nodiscard]] std::string get(const Record& r, const std::string& name) const {
    const auto it = index_.find(name);
    EXPECT_TRUE(it != index_.end()) << "the file has no column " << name;
    return it == index_.end() ? std::string() : trim(r.fields[it->second]);
  }

 private:
  std::map<std::string, std::size_t> index_;
};

// ---- Dates and time zones -----------------------------------------------------------------

// Days since 1970-01-01 of a civil date, and back (proleptic Gregorian calendar).
std::int64_t days_from_civil(std::int64_t y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string civil_text(std::int64_t days) {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const std::int64_t doe = days - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return printf_text("%04lld-%02d-%02d", static_cast<long long>(y), m, d);
}

std::int64_t days_of(const std::string& ymd) {  // "YYYY-MM-DD"
  return days_from_civil(std::stoi(ymd.substr(0, 4)), std::stoi(ymd.substr(5, 2)),
                         std::stoi(ymd.substr(8, 2)));
}

struct Wall {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  // The wall time read as if it were UTC, in seconds.
  [[nodiscard]] std::int64_t seconds() const {
    return days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
  }
};

bool valid(const Wall& w) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (w.month < 1 || w.month > 12 || w.day < 1 || w.day > kDays[w.month - 1])
    return false;
  const bool leap = (w.year % 4 == 0 && w.year % 100 != 0) || w.year % 400 == 0;
  if (w.month == 2 && w.day == 29 && !leap)
    return false;
  return w.hour >= 0 && w.hour < 24 && w.minute >= 0 && w.minute < 60 && w.second >= 0 &&
         w.second < 60;
}

// "6/3/2019 8:39" (South Metro Fire: month/day/year hour:minute, one or two digits).
std::optional<Wall> parse_mdy_hm(const std::string& s) {
  Wall w;
  int used = 0;
  if (std::sscanf(s.c_str(), "%d/%d/%d %d:%d%n", &w.month, &w.day, &w.year, &w.hour, &w.minute,
                  &used) != 5 ||
      static_cast<std::size_t>(used) != s.size() || !valid(w))
    return std::nullopt;
  return w;
}

// "2015-12-10 17:40:00" (Montgomery County).
std::optional<Wall> parse_ymd_hms(const std::string& s) {
  Wall w;
  int used = 0;
  if (std::sscanf(s.c_str(), "%d-%d-%d %d:%d:%d%n", &w.year, &w.month, &w.day, &w.hour, &w.minute,
                  &w.second, &used) != 6 ||
      static_cast<std::size_t>(used) != s.size() || !valid(w))
    return std::nullopt;
  return w;
}

// An IANA zone through the C library: TZ is set for the object's life and restored after.
class Zone {
 public:
  explicit Zone(const char* name) {
    if (const char* old = std::getenv("TZ"))
      old_ = old;
    ::setenv("TZ", name, 1);
    ::tzset();
  }
  ~Zone() {
    if (old_)
      ::setenv("TZ", old_->c_str(), 1);
    else
      ::unsetenv("TZ");
    ::tzset();
  }
  Zone(const Zone&) = delete;
  Zone& operator=(const Zone&) = delete;

  [[nodiscard]] static long offset_at(std::int64_t utc) {
    const std::time_t t = static_cast<std::time_t>(utc);
    std::tm tm{};
    ::localtime_r(&t, &tm);
    return tm.tm_gmtoff;
  }

  struct Instant {
    std::int64_t utc = 0;
    bool ambiguous = false;  // in the hour that happens twice: the earlier instant
    bool skipped = false;    // in the hour that does not happen: the offset before the change
  };

  // A local wall time as a UTC instant, by the rules the importer documents.
  [[nodiscard]] static Instant to_utc(const Wall& wall) {
    const std::int64_t w = wall.seconds();
    const long before = offset_at(w - 86400);
    const long after = offset_at(w + 86400);
    std::vector<std::int64_t> candidates;
    for (const long offset : {before, after}) {
      const std::int64_t t = w - offset;
      if (offset_at(t) == offset)
        candidates.push_back(t);
    }
    if (candidates.empty())
      return {w - before, false, true};
    const auto [low, high] = std::minmax_element(candidates.begin(), candidates.end());
    return {*low, *low != *high, false};
  }

  // The local calendar day of an instant.
  [[nodiscard]] static std::string local_day(std::int64_t utc) {
    return civil_text(
        static_cast<std::int64_t>(std::floor(static_cast<double>(utc + offset_at(utc)) / 86400.0)));
  }

 private:
  std::optional<std::string> old_;
};

// ---- The mapping and the taxonomy, read by this test --------------------------------------

struct LookupTable {
  std::string column;
  bool prefix = false;
  std::map<std::string, std::string> values;

  [[nodiscard]] std::optional<std::string> find(const std::string& value) const {
    if (!prefix) {
      const auto it = values.find(value);
      return it == values.end() ? std::nullopt : std::optional(it->second);
    }
    std::optional<std::string> best_key;
    for (const auto& [key, code] : values) {
      if (value.starts_with(key) && (!best_key || key.size() > best_key->size()))
        best_key = key;
    }
    return best_key ? std::optional(values.at(*best_key)) : std::nullopt;
  }
};

struct MiniMapping {
  std::vector<LookupTable> types;
  std::vector<LookupTable> priorities;
  std::string type_default;
  std::vector<double> bounds;  // west, south, east, north
};

std::string unquote(const std::string& s) {
  return s.size() >= 2 && s.front() == '"' && s.back() == '"' ? s.substr(1, s.size() - 2) : s;
}

// The part of the TOML the shipped mappings use for types, priorities and bounds: table
// headers, `key = value` lines with quoted or bare keys, comments after '#'.
MiniMapping read_mapping(const fs::path& path) {
  MiniMapping mapping;
  std::istringstream in(read_text(path));
  std::string line;
  std::string section;
  LookupTable* table = nullptr;
  bool in_values = false;
  while (std::getline(in, line)) {
    bool in_string = false;  // cut a comment outside quotes
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '"')
        in_string = !in_string;
      else if (line[i] == '#' && !in_string) {
        line.resize(i);
        break;
      }
    }
    line = trim(line);
    if (line.empty())
      continue;
    if (line.front() == '[') {
      section = line;
      in_values = false;
      if (line == "[[type.match]]") {
        table = &mapping.types.emplace_back();
      } else if (line == "[[priority.match]]") {
        table = &mapping.priorities.emplace_back();
      } else if (line == "[type.match.values]" || line == "[priority.match.values]") {
        in_values = table != nullptr;
      } else {
        table = nullptr;
      }
      continue;
    }
    std::size_t eq = std::string::npos;
    in_string = false;
    for (std::size_t i = 0; i < line.size() && eq == std::string::npos; ++i) {
      if (line[i] == '"')
        in_string = !in_string;
      else if (line[i] == '=' && !in_string)
        eq = i;
    }
    if (eq == std::string::npos)
      continue;
    const std::string key = unquote(trim(line.substr(0, eq)));
    const std::string value = trim(line.substr(eq + 1));
    if (in_values) {
      table->values[key] = unquote(value);
    } else if (table != nullptr && key == "column") {
      table->column = unquote(value);
    } else if (table != nullptr && key == "match") {
      table->prefix = unquote(value) == "prefix";
    } else if (section == "[type]" && key == "default") {
      mapping.type_default = unquote(value);
    } else if (section == "[location]" && key == "bounds") {
      std::string numbers = value;
      std::replace_if(
          numbers.begin(), numbers.end(), [](char c) { return c == '[' || c == ']' || c == ','; },
          ' ');
      std::istringstream list(numbers);
      for (double v = 0; list >> v;)
        mapping.bounds.push_back(v);
    }
  }
  return mapping;
}

std::string type_of(const MiniMapping& mapping, const Columns& columns, const Record& r) {
  for (const LookupTable& table : mapping.types) {
    if (const auto code = table.find(columns.get(r, table.column)))
      return *code;
  }
  return mapping.type_default;
}

// data/taxonomy/incident_types.tsv: code → default priority.
std::map<std::string, int> read_type_priorities(const fs::path& path) {
  std::map<std::string, int> out;
  std::istringstream in(read_text(path));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line.front() == '#' || line.starts_with("code\t"))
      continue;
    std::vector<std::string> cells;
    std::istringstream row(line);
    for (std::string cell; std::getline(row, cell, '\t');)
      cells.push_back(cell);
    if (cells.size() > 4)
      out[cells[0]] = std::stoi(cells[4]);
  }
  return out;
}

// The importer's location checks (missing, bad, outside the mapping's bounds): the reason a
// row is skipped, or empty.
std::string location_problem(const std::string& lat_text, const std::string& lon_text,
                             const std::vector<double>& bounds) {
  if (lat_text.empty() || lon_text.empty())
    return "missing_coordinates";
  char* end = nullptr;
  const double lat = std::strtod(lat_text.c_str(), &end);
  if (*end != '\0')
    return "bad_coordinates";
  const double lon = std::strtod(lon_text.c_str(), &end);
  if (*end != '\0' || std::abs(lat) > 90 || std::abs(lon) > 180)
    return "bad_coordinates";
  if (bounds.size() == 4 &&
      (lon < bounds[0] || lat < bounds[1] || lon > bounds[2] || lat > bounds[3]))
    return "outside_bounds";
  return {};
}

// ---- Distributions --------------------------------------------------------------------------

// PERCENTILE.INC over sorted values: h = (n − 1) p, linear between the closest ranks.
double percentile_inc(const std::vector<double>& sorted, double p) {
  const double h = static_cast<double>(sorted.size() - 1) * p;
  const auto low = static_cast<std::size_t>(std::floor(h));
  const std::size_t high = std::min(low + 1, sorted.size() - 1);
  return sorted[low] + (h - static_cast<double>(low)) * (sorted[high] - sorted[low]);
}

struct Summary {
  std::size_t n = 0;
  double mean = 0, median = 0, p90 = 0, min = 0, max = 0, within_300 = 0;
  std::size_t missing = 0;
};

Summary summarise(std::vector<double> seconds, std::size_t missing) {
  Summary s;
  s.missing = missing;
  s.n = seconds.size();
  if (seconds.empty())
    return s;
  std::sort(seconds.begin(), seconds.end());
  double sum = 0;
  std::size_t within = 0;
  for (const double v : seconds) {
    sum += v;
    within += v <= 300 ? 1 : 0;
  }
  s.mean = sum / static_cast<double>(s.n);
  s.median = percentile_inc(seconds, 0.5);
  s.p90 = percentile_inc(seconds, 0.9);
  s.min = seconds.front();
  s.max = seconds.back();
  s.within_300 = static_cast<double>(within) / static_cast<double>(s.n);
  return s;
}

// ---- Figures as the document writes them ----------------------------------------------------

std::string thousands(long long n) {
  std::string digits = std::to_string(n);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3)
    digits.insert(static_cast<std::size_t>(i), ",");
  return digits;
}

std::string minutes_seconds(double seconds) {
  const long s = std::lround(seconds);
  return printf_text("%ld:%02ld", s / 60, s % 60);
}

std::string percent_of(double share) {
  return printf_text("%.2f%%", share * 100.0);
}

std::optional<double> change_percent(long long current, long long base) {
  if (base == 0)
    return std::nullopt;
  return static_cast<double>(current - base) / static_cast<double>(base) * 100.0;
}

std::string change_text(long long current, long long base) {
  const auto p = change_percent(current, base);
  return p ? printf_text("%+.2f%%", *p) : std::string("new");
}

using Table = std::vector<std::vector<std::string>>;

// The first Markdown table after the line `heading` in `doc`, without its separator row
// (the header row first); empty when the heading is not there.
Table doc_table(const std::string& doc, const std::string& heading) {
  Table table;
  std::istringstream in(doc);
  std::string line;
  bool found = false;
  while (std::getline(in, line)) {
    if (!found) {
      found = trim(line) == heading;
      continue;
    }
    if (!line.starts_with("|")) {
      if (!table.empty() || line.starts_with("#"))
        break;
      continue;
    }
    std::vector<std::string> cells;
    std::string body = trim(line);
    body = body.substr(1, body.size() - (body.ends_with("|") ? 2 : 1));
    std::istringstream row(body);
    for (std::string cell; std::getline(row, cell, '|');)
      cells.push_back(trim(cell));
    const bool separator = std::all_of(cells.begin(), cells.end(), [](const std::string& c) {
      return !c.empty() && c.find_first_not_of("-: ") == std::string::npos;
    });
    if (!separator)
      table.push_back(std::move(cells));
  }
  return table;
}

std::string markdown(const Table& table) {
  std::string out;
  for (std::size_t r = 0; r < table.size(); ++r) {
    out += "|";
    for (const std::string& cell : table[r])
      out += " " + cell + " |";
    out += "\n";
    if (r == 0) {
      out += "|";
      for (std::size_t c = 0; c < table[r].size(); ++c)
        out += "---|";
      out += "\n";
    }
  }
  return out;
}

// The document's table under `heading` reads exactly `expected` (header and rows).
void expect_doc_table(const std::string& heading, const Table& expected) {
  const std::string doc = read_text(kSourceDir / "docs" / "analytics.md");
  const Table actual = doc_table(doc, heading);
  ASSERT_FALSE(actual.empty()) << "docs/analytics.md has no table under '" << heading << "'";
  std::size_t differences = 0;
  for (std::size_t r = 0; r < std::max(actual.size(), expected.size()); ++r) {
    if (r >= actual.size() || r >= expected.size() || actual[r] != expected[r]) {
      ++differences;
      ADD_FAILURE() << "docs/analytics.md, '" << heading << "', row " << r << ": "
                    << (r < actual.size() ? markdown({actual[r]}) : "(missing)\n") << "  expected: "
                    << (r < expected.size() ? markdown({expected[r]}) : "(none)\n");
    }
  }
  if (differences > 0)
    std::printf("docs/analytics.md, '%s' should read:\n\n%s\n", heading.c_str(),
                markdown(expected).c_str());
}

// The row of `file` in the document's list of sources: its rows and imported incidents.
void expect_doc_source(const std::string& file, std::size_t rows, std::size_t imported) {
  const Table sources = doc_table(read_text(kSourceDir / "docs" / "analytics.md"), "## Real data");
  const auto row = std::find_if(sources.begin(), sources.end(), [&](const auto& cells) {
    return !cells.empty() && cells[0] == "`" + file + "`";
  });
  ASSERT_NE(row, sources.end()) << "docs/analytics.md, 'Real data', lists no " << file;
  ASSERT_GE(row->size(), 5u);
  EXPECT_EQ((*row)[3], thousands(static_cast<long long>(rows))) << file << ": rows";
  EXPECT_EQ((*row)[4], thousands(static_cast<long long>(imported))) << file << ": imported";
}

// ---- Running the binary ---------------------------------------------------------------------

struct Finished {
  int exit_code = -1;
  std::string output;  // stdout and stderr
};

// Runs the commands (arguments after the binary) at the same time; their results in order.
std::vector<Finished> run_shouwang(const std::vector<std::vector<std::string>>& commands,
                                   const fs::path& dir, const std::string& tag, double* seconds) {
  const auto started = std::chrono::steady_clock::now();
  std::vector<std::pair<pid_t, fs::path>> children;
  std::vector<Finished> runs(commands.size());
  for (std::size_t i = 0; i < commands.size(); ++i) {
    std::vector<std::string> argv = {kBin};
    argv.insert(argv.end(), commands[i].begin(), commands[i].end());
    const fs::path out = dir / (tag + "-" + std::to_string(i) + ".txt");
    SpawnOptions options;
    options.output_path = out.string();
    options.parent_death_signal = SIGKILL;
    auto pid = spawn(argv, options);
    EXPECT_TRUE(pid.ok()) << pid.error().message;
    children.emplace_back(pid.ok() ? *pid : -1, out);
  }
  for (std::size_t i = 0; i < children.size(); ++i) {
    if (children[i].first > 0)
      runs[i].exit_code = wait_for_exit(children[i].first);
    runs[i].output = read_text(children[i].second);
  }
  *seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return runs;
}

json parse_answer(const Finished& run) {
  EXPECT_EQ(run.exit_code, 0) << run.output;
  json answer = json::parse(run.output, nullptr, false);
  EXPECT_FALSE(answer.is_discarded()) << "not JSON: " << run.output.substr(0, 2000);
  return answer.is_discarded() ? json::object() : answer;
}

// From the importer's summary: the incidents imported and the skipped rows it lists
// (line → reason).
std::size_t imported_count(const std::string& output) {
  static const std::regex kLine(R"(incidents imported:\s+(\d+))");
  std::smatch m;
  return std::regex_search(output, m, kLine) ? std::stoul(m[1].str()) : 0;
}

std::map<std::size_t, std::string> skipped_lines(const std::string& output) {
  static const std::regex kLine(R"(line (\d+), column [^:]*: ([a-z_]+):)");
  std::map<std::size_t, std::string> out;
  for (auto it = std::sregex_iterator(output.begin(), output.end(), kLine);
       it != std::sregex_iterator(); ++it)
    out[std::stoul((*it)[1].str())] = (*it)[2].str();
  return out;
}

// ================================================================================================
// South Metro Fire Rescue: call → first arrival by priority.

constexpr const char* kSouthMetroHeading =
    "### South Metro Fire Rescue: call to arrival by priority";

const std::map<std::string, std::string> kSouthMetroLabels = {
    {"1", "Emergent, or changing between emergent and non-emergent"},
    {"2", "no response type: the incident type's default priority"},
    {"3", "Non-emergent"},
    {"4", "No response (walk-in, etc.)"},
    {"all", "all rows"},
};

void expect_summary(const json& row, const Summary& mine, const std::string& key) {
  SCOPED_TRACE("priority " + key);
  EXPECT_EQ(row.value("n", std::size_t{0}), mine.n);
  EXPECT_EQ(row.value("missing", std::size_t{999999}), mine.missing);
  EXPECT_EQ(row.value("out_of_order", std::size_t{999999}), 0u);
  if (mine.n == 0)
    return;
  EXPECT_NEAR(row.value("mean_s", -1.0), mine.mean, 0.05 + 1e-9);
  EXPECT_NEAR(row.value("median_s", -1.0), mine.median, 0.05 + 1e-9);
  EXPECT_NEAR(row.value("p90_s", -1.0), mine.p90, 0.05 + 1e-9);
  EXPECT_NEAR(row.value("min_s", -1.0), mine.min, 0.05 + 1e-9);
  EXPECT_NEAR(row.value("max_s", -1.0), mine.max, 0.05 + 1e-9);
  ASSERT_TRUE(row.contains("within") && row["within"].size() == 1) << row.dump();
  EXPECT_EQ(row["within"][0].value("limit_s", 0.0), 300.0);
  EXPECT_NEAR(row["within"][0].value("share", -1.0), mine.within_300, 0.00005 + 1e-9);
}

TEST(StatsRealData, SouthMetroFireCallToArrivalByPriority) {
  const fs::path file = kIncidents / "south_metro_fire_2019_partial.csv";
  SHOUWANG_REQUIRE_SHARED_FILE(file);
  const fs::path mapping_path = kSourceDir / "data" / "mappings" / "south_metro_fire.toml";

  // ---- Independently, from the CSV text.
  const MiniMapping mapping = read_mapping(mapping_path);
  ASSERT_FALSE(mapping.types.empty());
  ASSERT_EQ(mapping.priorities.size(), 1u);
  ASSERT_EQ(mapping.bounds.size(), 4u);
  const std::map<std::string, int> type_priority =
      read_type_priorities(kSourceDir / "data" / "taxonomy" / "incident_types.tsv");
  const std::vector<Record> records = read_csv(read_text(file));
  ASSERT_GT(records.size(), 1u);
  const Columns columns(records[0]);

  std::map<std::string, std::vector<double>> seconds;  // by priority
  std::map<std::string, std::size_t> missing;
  std::map<std::size_t, std::string> skipped;  // line → reason
  std::size_t imported = 0, ambiguous = 0, crossing_dst = 0, outside_2019 = 0;
  {
    const Zone zone("America/Denver");
    // The zone's rules are there: MDT in July, MST in January.
    ASSERT_EQ(Zone::offset_at(days_from_civil(2019, 7, 1) * 86400), -6 * 3600);
    ASSERT_EQ(Zone::offset_at(days_from_civil(2019, 1, 1) * 86400), -7 * 3600);
    for (std::size_t i = 1; i < records.size(); ++i) {
      const Record& r = records[i];
      if (r.fields.size() != columns.size()) {
        skipped[r.line] = "malformed_record";
        continue;
      }
      if (const std::string problem =
              location_problem(columns.get(r, "lat"), columns.get(r, "lon"), mapping.bounds);
          !problem.empty()) {
        skipped[r.line] = problem;
        continue;
      }
      // The milestones: 911 call, notify (the order), arrival, clear; minute resolution.
      std::vector<std::optional<Zone::Instant>> at;
      std::vector<std::optional<Wall>> walls;
      bool bad = false;
      for (const char* name : {"911 Date", "Notify Date", "Arrival Date", "Clear Date"}) {
        const std::string text = columns.get(r, name);
        std::optional<Wall> wall;
        if (!text.empty() && !(wall = parse_mdy_hm(text)))
          bad = true;
        walls.push_back(wall);
        at.push_back(wall ? std::optional(Zone::to_utc(*wall)) : std::nullopt);
        ambiguous += wall && at.back()->ambiguous ? 1 : 0;
      }
      if (bad) {
        skipped[r.line] = "bad_time";
        continue;
      }
      if (!at[0] || ((at[2] || at[3]) && !at[1]) ||
          (at[1] && columns.get(r, "Station First Due").empty())) {
        skipped[r.line] = "missing_value";
        continue;
      }
      std::int64_t last = at[0]->utc;
      bool ordered = true;
      for (std::size_t m = 1; m < at.size(); ++m) {
        if (!at[m])
          continue;
        ordered = ordered && at[m]->utc >= last;
        last = at[m]->utc;
      }
      if (!ordered) {
        skipped[r.line] = "times_out_of_order";
        continue;
      }
      ++imported;
      // The priority: the mapping's Response Type table, else the type's default priority.
      std::optional<std::string> priority =
          mapping.priorities[0].find(columns.get(r, mapping.priorities[0].column));
      if (!priority) {
        const std::string type = type_of(mapping, columns, r);
        EXPECT_TRUE(type_priority.contains(type)) << type;
        priority = std::to_string(type_priority.contains(type) ? type_priority.at(type) : 0);
      }
      // The period: the local days of 2019.
      if (!Zone::local_day(at[0]->utc).starts_with("2019-")) {
        ++outside_2019;
        continue;
      }
      if (!at[2]) {
        ++missing[*priority];
        continue;
      }
      const auto duration = static_cast<double>(at[2]->utc - at[0]->utc);
      crossing_dst += duration != static_cast<double>(walls[2]->seconds() - walls[0]->seconds());
      seconds[*priority].push_back(duration);
    }
  }
  std::printf(
      "independent: %zu rows, %zu imported, %zu skipped, %zu outside 2019; %zu times in "
      "the repeated hour, %zu durations across a daylight saving change\n",
      records.size() - 1, imported, skipped.size(), outside_2019, ambiguous, crossing_dst);
  std::fflush(stdout);

  std::map<std::string, Summary> expected;
  std::vector<double> all;
  std::size_t all_missing = 0;
  std::set<std::string> keys;
  for (const auto& [k, v] : seconds)
    keys.insert(k);
  for (const auto& [k, v] : missing)
    keys.insert(k);
  for (const std::string& k : keys) {
    expected[k] = summarise(seconds[k], missing[k]);
    all.insert(all.end(), seconds[k].begin(), seconds[k].end());
    all_missing += missing[k];
  }
  const Summary total = summarise(all, all_missing);

  // ---- The binary: import, then the response times.
  const TempDir dir("stats-south-metro");
  double import_seconds = 0, query_seconds = 0;
  const Finished import =
      run_shouwang({{"import-incidents", file.string(), "--mapping", mapping_path.string(), "--db",
                     dir.db_url(), "--centre", "310100"}},
                   dir.path(), "import", &import_seconds)[0];
  ASSERT_EQ(import.exit_code, 0) << import.output;
  EXPECT_EQ(imported_count(import.output), imported) << import.output;
  ASSERT_LT(skipped.size(), 20u);  // the summary lists the first 20
  EXPECT_EQ(skipped_lines(import.output), skipped) << import.output;

  const Finished query = run_shouwang(
      {{"stats", "response", "--db", dir.db_url(), "--timezone", "America/Denver", "--period",
        "range:2019-01-01..2019-12-31", "--by", "priority", "--limits", "300", "--format", "json"}},
      dir.path(), "response", &query_seconds)[0];
  std::printf("shouwang: import %.1f s, stats response %.1f s\n", import_seconds, query_seconds);
  const json answer = parse_answer(query);
  ASSERT_TRUE(answer.contains("rows") && answer.contains("total")) << answer.dump();
  EXPECT_EQ(answer["from"], "call_start");
  EXPECT_EQ(answer["to"], "first_arrived");
  EXPECT_EQ(answer["officer_initiated"], false);
  std::set<std::string> answered;
  for (const json& row : answer["rows"]) {
    const std::string key = row["key"][0].get<std::string>();
    answered.insert(key);
    ASSERT_TRUE(expected.contains(key)) << "an unexpected priority " << key;
    expect_summary(row, expected[key], key);
  }
  EXPECT_EQ(answered, keys);
  expect_summary(answer["total"], total, "all");

  // ---- The document's table.
  Table table = {
      {"priority", "response type", "n", "mean", "median", "P90", "≤ 5 min", "no arrival"}};
  const auto add = [&](const std::string& key, const Summary& s) {
    table.push_back({key, kSouthMetroLabels.contains(key) ? kSouthMetroLabels.at(key) : "?",
                     thousands(static_cast<long long>(s.n)), minutes_seconds(s.mean),
                     minutes_seconds(s.median), minutes_seconds(s.p90), percent_of(s.within_300),
                     thousands(static_cast<long long>(s.missing))});
  };
  for (const std::string& k : keys)
    add(k, expected[k]);
  add("all", total);
  std::printf("%s\n", markdown(table).c_str());
  expect_doc_table(kSouthMetroHeading, table);
  expect_doc_source(file.filename().string(), records.size() - 1, imported);
}

// ================================================================================================
// Montgomery County 911 calls: counts by month with 环比, and CompStat windows.

constexpr const char* kMonthsHeading = "### Montgomery County: incidents by month";
constexpr const char* kCompStatHeading = "### Montgomery County: CompStat windows to 2016-08-20";

// The level-1 types the tables show by name; the rest are "other".
const std::vector<std::pair<std::string, std::string>> kShownTypes = {
    {"05", "05 assistance"},
    {"03", "03 traffic"},
    {"04", "04 fire"},
    {"07", "07 disaster or accident"}};

using DayCounts = std::map<std::pair<std::string, std::string>, long long>;  // (day, level 1)

// Counts of the days [first, last] by level-1 type, with "all" the total.
std::map<std::string, long long> counts_between(const DayCounts& days, std::int64_t first,
                                                std::int64_t last) {
  std::map<std::string, long long> out;
  for (const auto& [key, n] : days) {
    const std::int64_t d = days_of(key.first);
    if (d >= first && d <= last) {
      out[key.second] += n;
      out["all"] += n;
    }
  }
  return out;
}

long long other_of(const std::map<std::string, long long>& counts) {
  long long n = counts.contains("all") ? counts.at("all") : 0;
  for (const auto& [code, name] : kShownTypes)
    n -= counts.contains(code) ? counts.at(code) : 0;
  return n;
}

long long at_or_zero(const std::map<std::string, long long>& counts, const std::string& key) {
  const auto it = counts.find(key);
  return it == counts.end() ? 0 : it->second;
}

struct Window {
  std::int64_t first = 0, last = 0;  // days, inclusive
};

// A counts answer by type_level1 against this test's counts of its periods.
void expect_counts(const json& answer, const DayCounts& days, Window current, Window previous,
                   Window records) {
  SCOPED_TRACE(answer.contains("period") ? answer["period"].value("name", "?") : "?");
  ASSERT_TRUE(answer.contains("rows") && answer.contains("total")) << answer.dump();
  const auto covered = [&](Window w) { return records.first <= w.first && w.last <= records.last; };
  EXPECT_EQ(answer["period"]["begin"], civil_text(current.first));
  EXPECT_EQ(answer["period"]["last"], civil_text(current.last));
  EXPECT_EQ(answer["period"]["covered"], covered(current));
  EXPECT_EQ(answer["previous"]["begin"], civil_text(previous.first));
  EXPECT_EQ(answer["previous"]["last"], civil_text(previous.last));
  EXPECT_EQ(answer["previous"]["covered"], covered(previous));
  EXPECT_EQ(answer["last_year"]["covered"], false);  // nothing a year earlier
  const auto now = counts_between(days, current.first, current.last);
  const auto before = counts_between(days, previous.first, previous.last);
  const json& total = answer["total"];
  EXPECT_EQ(total["current"], at_or_zero(now, "all"));
  EXPECT_EQ(total["previous"], at_or_zero(before, "all"));
  EXPECT_EQ(total["last_year"], 0);
  EXPECT_TRUE(total["yoy_percent"].is_null());
  if (const auto p = change_percent(at_or_zero(now, "all"), at_or_zero(before, "all"))) {
    EXPECT_NEAR(total["pop_percent"].get<double>(), *p, 0.005 + 1e-9);
  }
  std::set<std::string> codes;
  for (const auto& [code, n] : now)
    codes.insert(code);
  for (const auto& [code, n] : before)
    codes.insert(code);
  codes.erase("all");
  std::set<std::string> answered;
  for (const json& row : answer["rows"]) {
    const std::string code = row["key"][0].get<std::string>();
    answered.insert(code);
    EXPECT_EQ(row["current"], at_or_zero(now, code)) << code;
    EXPECT_EQ(row["previous"], at_or_zero(before, code)) << code;
    if (const auto p = change_percent(at_or_zero(now, code), at_or_zero(before, code))) {
      EXPECT_NEAR(row["pop_percent"].get<double>(), *p, 0.005 + 1e-9) << code;
    }
  }
  EXPECT_EQ(answered, codes);
}

TEST(StatsRealData, MontgomeryCountsByMonthAndCompStat) {
  const fs::path file = kIncidents / "montgomery_pa_911_2015-12_2016-08.zip";
  SHOUWANG_REQUIRE_SHARED_FILE(file);
  const fs::path mapping_path = kSourceDir / "data" / "mappings" / "montgomery_911.toml";

  // ---- Independently, from the CSV inside the zip.
  const MiniMapping mapping = read_mapping(mapping_path);
  ASSERT_EQ(mapping.types.size(), 2u);
  ASSERT_EQ(mapping.bounds.size(), 4u);
  const auto source = exchange::read_import_source(file);
  ASSERT_TRUE(source.ok()) << source.error().message;
  const std::vector<Record> records = read_csv(source->text);
  ASSERT_GT(records.size(), 1u);
  const Columns columns(records[0]);

  DayCounts days;
  std::map<std::size_t, std::string> skipped;
  std::size_t imported = 0, in_gap = 0;
  {
    const Zone zone("America/New_York");
    ASSERT_EQ(Zone::offset_at(days_from_civil(2016, 7, 1) * 86400), -4 * 3600);
    ASSERT_EQ(Zone::offset_at(days_from_civil(2016, 1, 1) * 86400), -5 * 3600);
    for (std::size_t i = 1; i < records.size(); ++i) {
      const Record& r = records[i];
      if (r.fields.size() != columns.size()) {
        skipped[r.line] = "malformed_record";
        continue;
      }
      if (const std::string problem =
              location_problem(columns.get(r, "lat"), columns.get(r, "lng"), mapping.bounds);
          !problem.empty()) {
        skipped[r.line] = problem;
        continue;
      }
      const std::string stamp = columns.get(r, "timeStamp");
      if (stamp.empty()) {
        skipped[r.line] = "missing_value";
        continue;
      }
      const auto wall = parse_ymd_hms(stamp);
      if (!wall) {
        skipped[r.line] = "bad_time";
        continue;
      }
      ++imported;
      const Zone::Instant at = Zone::to_utc(*wall);
      in_gap += at.skipped ? 1 : 0;
      ++days[{Zone::local_day(at.utc), type_of(mapping, columns, r).substr(0, 2)}];
    }
  }
  ASSERT_FALSE(days.empty());
  const Window records_span{days_of(days.begin()->first.first),
                            days_of(days.rbegin()->first.first)};
  std::printf(
      "independent: %zu rows, %zu imported, %zu skipped, %zu in the hour clocks skip; "
      "local days %s to %s\n",
      records.size() - 1, imported, skipped.size(), in_gap, civil_text(records_span.first).c_str(),
      civil_text(records_span.last).c_str());
  std::fflush(stdout);

  // ---- The binary: import, then three questions at once. Each answer rebuilds the state
  // from the log (about 25 s in a debug build), so the test asks only what the tables need:
  // every local day by type (all counts of both tables), one month (the month period, 环比
  // against a month the records cover only in part, 同比 without a base) and one CompStat
  // window (the rolling period and the window before it).
  const TempDir dir("stats-montgomery");
  double import_seconds = 0, query_seconds = 0;
  const Finished import =
      run_shouwang({{"import-incidents", file.string(), "--mapping", mapping_path.string(), "--db",
                     dir.db_url(), "--centre", "310100"}},
                   dir.path(), "import", &import_seconds)[0];
  ASSERT_EQ(import.exit_code, 0) << import.output;
  EXPECT_EQ(imported_count(import.output), imported) << import.output;
  ASSERT_LT(skipped.size(), 20u);
  EXPECT_EQ(skipped_lines(import.output), skipped) << import.output;

  const auto counts = [&](const std::string& period, const std::string& by) {
    return std::vector<std::string>{
        "stats",    "counts", "--db", dir.db_url(), "--timezone", "America/New_York",
        "--period", period,   "--by", by,           "--format",   "json"};
  };
  const std::string whole =
      "range:" + civil_text(records_span.first) + ".." + civil_text(records_span.last);
  const std::vector<Finished> runs =
      run_shouwang({counts(whole, "day,type_level1"), counts("month:2016-01", "type_level1"),
                    counts("rolling:28:2016-08-20", "type_level1")},
                   dir.path(), "counts", &query_seconds);
  std::printf("shouwang: import %.1f s, three stats counts at once %.1f s\n", import_seconds,
              query_seconds);

  // Every local day by level-1 type.
  {
    const json answer = parse_answer(runs[0]);
    ASSERT_TRUE(answer.contains("rows")) << answer.dump();
    EXPECT_EQ(answer["period"]["covered"], true);
    DayCounts answered;
    for (const json& row : answer["rows"]) {
      if (row["current"].get<long long>() != 0)
        answered[{row["key"][0].get<std::string>(), row["key"][1].get<std::string>()}] =
            row["current"].get<long long>();
    }
    std::size_t shown = 0;
    for (const auto& [key, n] : days) {
      const auto it = answered.find(key);
      const long long theirs = it == answered.end() ? 0 : it->second;
      if (theirs != n && ++shown <= 10)
        ADD_FAILURE() << key.first << " " << key.second << ": shouwang " << theirs << ", counted "
                      << n;
    }
    for (const auto& [key, n] : answered) {
      if (!days.contains(key) && ++shown <= 10)
        ADD_FAILURE() << key.first << " " << key.second << ": shouwang " << n << ", counted 0";
    }
    EXPECT_EQ(answered.size(), days.size());
    EXPECT_EQ(answer["total"]["current"], static_cast<long long>(imported));
  }

  // Months and windows: this test's own calendar arithmetic.
  const auto month = [](int y, int m) {
    const std::int64_t first = days_from_civil(y, m, 1);
    const std::int64_t next = m == 12 ? days_from_civil(y + 1, 1, 1) : days_from_civil(y, m + 1, 1);
    return Window{first, next - 1};
  };
  const auto previous_month = [&](int y, int m) {
    return m == 1 ? month(y - 1, 12) : month(y, m - 1);
  };
  const std::int64_t as_of = days_from_civil(2016, 8, 20);
  const auto rolling = [&](int n) { return Window{as_of - n + 1, as_of}; };
  const auto rolling_before = [&](int n) { return Window{as_of - 2 * n + 1, as_of - n}; };

  expect_counts(parse_answer(runs[1]), days, month(2016, 1), previous_month(2016, 1), records_span);
  expect_counts(parse_answer(runs[2]), days, rolling(28), rolling_before(28), records_span);

  // ---- The document's tables.
  Table months = {{"month", "incidents", "环比", "同比"}};
  for (const auto& [code, name] : kShownTypes)
    months[0].push_back(name);
  months[0].push_back("other");
  for (int m = 1; m <= 7; ++m) {
    const Window now = month(2016, m);
    const Window before = previous_month(2016, m);
    const auto current = counts_between(days, now.first, now.last);
    const auto base = counts_between(days, before.first, before.last);
    std::string pop = change_text(at_or_zero(current, "all"), at_or_zero(base, "all"));
    if (before.first < records_span.first)
      pop = "(" + pop + ")";  // against a month the records cover only in part
    std::vector<std::string> row = {printf_text("2016-%02d", m),
                                    thousands(at_or_zero(current, "all")), pop, "—"};
    for (const auto& [code, name] : kShownTypes)
      row.push_back(thousands(at_or_zero(current, code)));
    row.push_back(thousands(other_of(current)));
    months.push_back(std::move(row));
  }
  std::printf("%s\n", markdown(months).c_str());
  expect_doc_table(kMonthsHeading, months);

  Table compstat = {{"window", "type", "days", "incidents", "previous days", "previous", "change"}};
  for (const int n : {7, 28}) {
    const Window now = rolling(n);
    const Window before = rolling_before(n);
    const auto current = counts_between(days, now.first, now.last);
    const auto base = counts_between(days, before.first, before.last);
    std::vector<std::pair<std::string, std::pair<long long, long long>>> lines = {
        {"all", {at_or_zero(current, "all"), at_or_zero(base, "all")}}};
    for (const auto& [code, name] : kShownTypes)
      lines.push_back({name, {at_or_zero(current, code), at_or_zero(base, code)}});
    lines.push_back({"other", {other_of(current), other_of(base)}});
    for (const auto& [name, figures] : lines) {
      compstat.push_back(
          {printf_text("%d days", n), name, civil_text(now.first) + ".." + civil_text(now.last),
           thousands(figures.first), civil_text(before.first) + ".." + civil_text(before.last),
           thousands(figures.second), change_text(figures.first, figures.second)});
    }
  }
  std::printf("%s\n", markdown(compstat).c_str());
  expect_doc_table(kCompStatHeading, compstat);
  expect_doc_source(file.filename().string(), records.size() - 1, imported);
}

}  // namespace
}  // namespace shouwang::test
