// shouwang import-incidents FILE --mapping M.toml (--data DIR | --db URL): loads historical
// incident records from a CSV file (or a .zip holding one) into the event log, through the
// domain, as docs/import-incidents.md describes. Rows that cannot be imported are reported
// with their line, column and reason; a rerun continues after the last durable batch.

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include <shouwang/cad/centre.h>
#include <shouwang/cad/decide.h>
#include <shouwang/cad/taxonomy.h>
#include <shouwang/exchange/csv_reader.h>
#include <shouwang/exchange/import_mapping.h>
#include <shouwang/exchange/import_source.h>
#include <shouwang/exchange/incident_importer.h>
#include <shouwang/osm/city_summary.h>
#include <shouwang/store/event_log.h>

#include "city_org.h"
#include "cli_args.h"
#include "verbs.h"

namespace shouwang::cli {
namespace {

namespace fs = std::filesystem;

const std::vector<FlagSpec> kFlags = {
    {"mapping", true, "the import mapping (TOML; see data/mappings/ and docs/import-incidents.md)"},
    {"data", true, "city data directory: the log is DIR/events.db, the centre DIR/city.osm.pbf's code"},
    {"db", true, "event log: sqlite:FILE or postgresql://... (instead of --data)"},
    {"centre", true, "the centre's 6-digit division code for record ids (default: the city's code)"},
    {"batch", true, "rows per append, each with a checkpoint (default 1000)"},
    {"rejects", true, "write the skipped rows to this CSV file, with line, column and reason"},
    {"taxonomy", true, "directory of incident_types.tsv and dispositions.tsv (default: the shipped one)"},
    {"dry-run", false, "read, check and decide everything, but append nothing"},
    {"help", false, "show this help"},
};

constexpr const char* kUsage =
    "usage: shouwang import-incidents FILE.csv|FILE.zip --mapping M.toml (--data DIR | --db URL)\n"
    "                                 [--centre CODE] [--batch N] [--rejects FILE.csv] [--dry-run]\n";

constexpr std::size_t kRejectionsShown = 20;

int usage_error(const std::string& message) {
  std::cerr << "shouwang import-incidents: " << message << "\n" << kUsage;
  return kExitUsage;
}

int failure(const std::string& message) {
  std::cerr << "shouwang import-incidents: " << message << "\n";
  return kExitFailure;
}

std::string offset_text(int minutes) {
  char text[16];
  const int m = minutes < 0 ? -minutes : minutes;
  std::snprintf(text, sizeof text, "UTC%c%02d:%02d", minutes < 0 ? '-' : '+', (m / 60) % 100, m % 60);
  return text;
}

// The skipped rows as CSV: where and why, then the row as it was read.
class RejectsFile {
 public:
  static Result<std::unique_ptr<RejectsFile>> open(const fs::path& path, const std::vector<std::string>& header) {
    std::error_code ec;
    const bool fresh = !fs::exists(path, ec) || fs::file_size(path, ec) == 0;
    auto file = std::make_unique<RejectsFile>();
    // A resumed import adds to the rejects of the runs before it.
    file->out_.open(path, std::ios::binary | std::ios::app);
    if (!file->out_) return Error(Errc::kIoError, "cannot write " + path.string());
    if (fresh) {
      std::vector<std::string> columns{"line", "column", "reason", "message"};
      columns.insert(columns.end(), header.begin(), header.end());
      file->out_ << exchange::format_csv_record(columns);
    }
    return file;
  }

  void write(const exchange::RowRejection& r, const std::vector<std::string>& fields) {
    std::vector<std::string> columns{std::to_string(r.line), r.column, std::string(exchange::to_string(r.reason)),
                                     r.message};
    columns.insert(columns.end(), fields.begin(), fields.end());
    out_ << exchange::format_csv_record(columns);
    out_.flush();
  }

 private:
  std::ofstream out_;
};

void print_report(const exchange::ImportReport& r, const exchange::ImportSource& source, double seconds) {
  if (r.rows_already_done > 0) {
    std::printf("resumed after row %llu (line %llu) of an earlier run\n",
                static_cast<unsigned long long>(r.rows_already_done),
                static_cast<unsigned long long>(r.resumed_after_line));
  }
  std::printf("rows read:          %llu\n", static_cast<unsigned long long>(r.rows_read));
  std::printf("incidents imported: %llu\n", static_cast<unsigned long long>(r.imported));
  std::printf("rows skipped:       %llu\n", static_cast<unsigned long long>(r.skipped));
  for (std::size_t i = 0; i < r.skipped_by_reason.size(); ++i) {
    if (r.skipped_by_reason[i] == 0) continue;
    std::printf("  %-20s %llu\n", std::string(exchange::to_string(static_cast<exchange::RejectReason>(i))).c_str(),
                static_cast<unsigned long long>(r.skipped_by_reason[i]));
  }
  if (!r.unmapped_types.empty()) {
    std::uint64_t rows = 0;
    for (const auto& [value, count] : r.unmapped_types) rows += count;
    std::printf("type.default stood in for %zu unmapped source value(s) in %llu rows:\n", r.unmapped_types.size(),
                static_cast<unsigned long long>(rows));
    for (const auto& [value, count] : r.unmapped_types) {
      std::printf("  \"%s\" %llu\n", value.c_str(), static_cast<unsigned long long>(count));
    }
  }
  if (r.blank_lines > 0) std::printf("blank lines ignored: %zu\n", r.blank_lines);
  std::printf("events: %llu in %llu batches%s\n", static_cast<unsigned long long>(r.events_appended),
              static_cast<unsigned long long>(r.batches), r.batches > 0 ? "" : " (nothing appended)");
  const double rate = seconds > 0 ? static_cast<double>(r.rows_read) / seconds : 0.0;
  std::printf("time: %.2f s, %.0f rows/s\n", seconds, rate);
  if (!r.rejections.empty()) {
    std::printf("skipped rows%s:\n", r.rejections.size() > kRejectionsShown ? " (the first 20)" : "");
    for (std::size_t i = 0; i < r.rejections.size() && i < kRejectionsShown; ++i) {
      const auto& x = r.rejections[i];
      std::printf("  %s line %zu%s%s: %s: %s\n", source.file_name.c_str(), x.line, x.column.empty() ? "" : ", column ",
                  x.column.c_str(), std::string(exchange::to_string(x.reason)).c_str(), x.message.c_str());
    }
  }
  std::printf("file so far: %llu of its rows done, %llu imported, %llu skipped%s\n",
              static_cast<unsigned long long>(r.totals.rows_done), static_cast<unsigned long long>(r.totals.imported),
              static_cast<unsigned long long>(r.totals.skipped),
              r.stopped_early ? " (stopped early; rerun to continue)" : "");
}

}  // namespace

int run_import_incidents(const std::vector<std::string>& argv) {
  const auto args = Args::parse(argv, kFlags, 1);
  if (!args) return usage_error(args.error().message);
  if (args->has("help")) {
    std::cout << kUsage << usage_lines(kFlags);
    return kExitOk;
  }
  if (args->positional().size() != 1) return usage_error("name one CSV or .zip file to import");
  const fs::path file = args->positional().front();
  const auto mapping_path = args->get("mapping");
  if (!mapping_path) return usage_error("--mapping is required");
  if (args->has("data") == args->has("db")) return usage_error("name the event log: --data DIR or --db URL");
  const auto batch = args->get_u64("batch", 1000);
  if (!batch) return usage_error(batch.error().message);
  if (*batch < 1 || *batch > 100'000) return usage_error("--batch must be from 1 to 100000 rows");
  const bool dry_run = args->has("dry-run");

  const fs::path taxonomy_dir = args->get("taxonomy").value_or(SHOUWANG_DEFAULT_TAXONOMY_DIR);
  const auto taxonomy = cad::load_taxonomy(taxonomy_dir);
  if (!taxonomy) return failure(taxonomy.error().message);
  const auto mapping = exchange::load_import_mapping(*mapping_path, *taxonomy);
  if (!mapping) return failure(mapping.error().message);

  // The centre: its division code from the flag or the city file, its offset from the mapping.
  std::string division = args->get("centre").value_or("");
  if (division.empty()) {
    if (!args->has("data")) return usage_error("--centre CODE is required with --db (or give --data DIR)");
    const auto city = osm::read_city_summary((fs::path(*args->get("data")) / "city.osm.pbf").string());
    if (!city) return usage_error("no --centre, and the city's code is unknown: " + city.error().message);
    division = city->code;
  }
  const int offset = mapping->centre_utc_offset_minutes.value_or(480);
  const auto centre = cad::make_centre(division, offset);
  if (!centre) return usage_error("centre '" + division + "': " + centre.error().message);

  const auto source = exchange::read_import_source(file);
  if (!source) return failure(source.error().message);

  const std::string db_url =
      args->has("db") ? *args->get("db") : "sqlite:" + (fs::path(*args->get("data")) / "events.db").string();
  std::unique_ptr<store::EventLog> log;
  {
    auto opened = store::open_event_log(db_url, {.create_if_missing = !dry_run});
    if (opened) {
      log = std::move(opened).value();
    } else if (!dry_run) {
      return failure(opened.error().message);
    } else {
      std::printf("no event log at %s: the dry run starts from an empty state\n", db_url.c_str());
    }
  }

  std::printf("import-incidents: %s%s (sha256 %.12s...) with %s (%s)\n", source->file_name.c_str(),
              source->entry_name.empty() ? "" : (" / " + source->entry_name).c_str(), source->sha256.c_str(),
              mapping->source.c_str(), mapping->name.c_str());
  std::printf("centre %06u (%s); event log %s%s\n", centre->division_code, offset_text(offset).c_str(),
              db_url.c_str(), dry_run ? "; dry run: nothing is appended" : "");
  std::fflush(stdout);

  exchange::ImportOptions options;
  options.batch_rows = static_cast<std::size_t>(*batch);
  // Stations from the city's organisation, as the server assigns them from the location.
  std::optional<osm::Jurisdictions> org;
  if (args->has("data")) {
    if (auto found = load_city_org(*args->get("data")); found && !found->empty()) org = std::move(*found);
  }
  if (org) options.station_at = [&org](LatLon p) { return std::string(org->station_at(p)); };
  options.dry_run = dry_run;
  std::unique_ptr<RejectsFile> rejects;
  if (const auto path = args->get("rejects")) {
    exchange::CsvReader header_reader(source->text);
    exchange::CsvRecord header;
    header_reader.next(header);
    auto opened = RejectsFile::open(*path, header.fields);
    if (!opened) return failure(opened.error().message);
    rejects = std::move(opened).value();
    options.on_rejected = [&rejects](const exchange::RowRejection& r, const std::vector<std::string>& fields) {
      rejects->write(r, fields);
    };
  }
  std::uint64_t next_progress = 20'000;
  options.on_batch = [&next_progress](const exchange::ImportProgress& p) {
    if (p.rows_done < next_progress) return;
    std::fprintf(stderr, "  ... %llu rows\n", static_cast<unsigned long long>(p.rows_done));
    next_progress = p.rows_done + 20'000;
  };

  const cad::Decider decider(*centre, *taxonomy);
  const exchange::IncidentImporter importer(decider, SystemClock::instance());
  const auto started = std::chrono::steady_clock::now();
  const auto report = importer.run(log.get(), *source, *mapping, options);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (!report) return failure(report.error().message);
  if (report->nothing_left) {
    std::printf("nothing to import: all %llu rows of %s were done by earlier runs (%llu imported, %llu skipped)\n",
                static_cast<unsigned long long>(report->totals.rows_done), source->file_name.c_str(),
                static_cast<unsigned long long>(report->totals.imported),
                static_cast<unsigned long long>(report->totals.skipped));
    return kExitOk;
  }
  print_report(*report, *source, seconds);
  return kExitOk;
}

}  // namespace shouwang::cli
