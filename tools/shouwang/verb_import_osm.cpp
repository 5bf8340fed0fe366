#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include <shouwang/osm/car_profile.h>
#include <shouwang/osm/ch_file.h>
#include <shouwang/osm/graph_file.h>
#include <shouwang/osm/place_index.h>
#include <shouwang/osm/road_import.h>
#include <shouwang/osm/snap_file.h>

#include <shouwang/server/tile_routes.h>

#include "basemap_tiles.h"
#include "cli_args.h"
#include "verbs.h"

namespace shouwang::cli {
namespace {

const std::vector<FlagSpec> kFlags = {
    {"out", true, "data directory to write (created if missing)"},
    {"profile", true, "vehicle profile file (key = value lines) over the Chinese urban defaults"},
    {"emergency", false, "emergency-vehicle profile: may use private, destination and bus-only roads"},
    {"basemap-rules", true, "directory with the basemap's tilemaker config.json and process.lua (default: the shipped ones)"},
    {"no-basemap", false, "skip the console's basemap tiles"},
    {"help", false, "show this help"},
};

constexpr const char* kUsage =
    "usage: shouwang import-osm CITY.osm.pbf|.osm|.osm.gz|.osm.bz2 --out DIR [--profile FILE] [--emergency]\n"
    "                           [--basemap-rules DIR] [--no-basemap]\n";

int usage_error(const std::string& message) {
  std::cerr << "shouwang import-osm: " << message << "\n" << kUsage;
  return kExitUsage;
}

// The files of a data directory are written into a staging directory beside it and moved
// in only when every one of them is complete, so a failed import leaves the directory as
// it was (or absent), never a new graph next to an old index.
class Staging {
 public:
  explicit Staging(const std::filesystem::path& out) : out_(out), dir_(out.string() + ".importing") {}
  ~Staging() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  Staging(const Staging&) = delete;
  Staging& operator=(const Staging&) = delete;

  [[nodiscard]] Status open() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);  // left over from an interrupted import
    std::filesystem::create_directories(dir_, ec);
    if (ec) return Error(Errc::kIoError, "cannot create " + dir_.string() + ": " + ec.message());
    return {};
  }
  [[nodiscard]] const std::filesystem::path& dir() const { return dir_; }
  [[nodiscard]] std::string path(const std::string& name) {
    names_.push_back(name);
    return (dir_ / name).string();
  }
  // Moves every staged file into the data directory (each rename is atomic).
  [[nodiscard]] Status commit() {
    std::error_code ec;
    std::filesystem::create_directories(out_, ec);
    if (ec || !std::filesystem::is_directory(out_)) {
      return Error(Errc::kIoError, "cannot create the data directory " + out_.string() + ": " + ec.message());
    }
    for (const std::string& name : names_) {
      std::filesystem::rename(dir_ / name, out_ / name, ec);
      if (ec) return Error(Errc::kIoError, "cannot move " + name + " into " + out_.string() + ": " + ec.message());
    }
    return {};
  }

 private:
  std::filesystem::path out_;
  std::filesystem::path dir_;
  std::vector<std::string> names_;
};

double peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

}  // namespace

int run_import_osm(const std::vector<std::string>& argv) {
  const auto args = Args::parse(argv, kFlags, 1);
  if (!args) return usage_error(args.error().message);
  if (args->has("help")) {
    std::cout << kUsage << usage_lines(kFlags);
    return kExitOk;
  }
  if (args->positional().empty()) return usage_error("name the OSM file to import");
  const std::string input = args->positional().front();
  const auto out = args->get("out");
  if (!out) return usage_error("--out is required");

  osm::CarProfile profile = osm::CarProfile::chinese_urban();
  if (const auto file = args->get("profile")) {
    auto loaded = osm::CarProfile::load(*file);
    if (!loaded) return usage_error(loaded.error().message);
    profile = std::move(loaded).value();
  }
  if (args->has("emergency")) {
    profile.emergency = true;
    if (profile.speed_kmh.count("busway") == 0) profile.speed_kmh["busway"] = 35;
  }

  if (std::filesystem::exists(*out) && !std::filesystem::is_directory(*out)) {
    std::cerr << "shouwang import-osm: " << *out << " exists and is not a directory\n";
    return kExitFailure;
  }
  Staging staging{std::filesystem::path(*out)};
  if (const Status ok = staging.open(); !ok) {
    std::cerr << "shouwang import-osm: " << ok.error().message << "\n";
    return kExitFailure;
  }

  auto imported = osm::import_roads(input, profile);
  if (!imported) {
    std::cerr << "shouwang import-osm: " << imported.error().message << "\n";
    return kExitFailure;
  }
  const auto& r = imported->report;
  const std::string graph_path = staging.path(osm::kGraphFileName);
  const Status written = osm::write_graph_file(graph_path, {std::move(imported->graph), std::move(imported->osm_node_ids), profile.emergency});
  if (!written) {
    std::cerr << "shouwang import-osm: " << written.error().message << "\n";
    return kExitFailure;
  }
  const auto graph = osm::read_graph_file(graph_path);  // read back: the file is what counts
  if (!graph) {
    std::cerr << "shouwang import-osm: " << graph.error().message << "\n";
    return kExitFailure;
  }
  // The contraction hierarchy: the index behind fast travel times.
  const auto ch_start = std::chrono::steady_clock::now();
  const routing::ContractionHierarchy ch = routing::ContractionHierarchy::build(graph->graph);
  const double ch_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - ch_start).count();
  const std::string ch_path = staging.path(osm::kChFileName);
  if (const Status ok = osm::write_ch_file(ch_path, ch, graph->graph); !ok) {
    std::cerr << "shouwang import-osm: " << ok.error().message << "\n";
    return kExitFailure;
  }
  // The snapping index: positions onto roads. Stored so that loading a city does not
  // rebuild it (docs/adr/0004-road-import-storage-and-bad-data.md).
  const auto snap_start = std::chrono::steady_clock::now();
  const routing::SnapIndex snap_index(graph->graph);
  const double snap_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - snap_start).count();
  const std::string snap_path = staging.path(osm::kSnapFileName);
  if (const Status ok = osm::write_snap_file(snap_path, snap_index); !ok) {
    std::cerr << "shouwang import-osm: " << ok.error().message << "\n";
    return kExitFailure;
  }
  // The address / street / POI index, for finding places by name as people type them.
  const auto places = osm::read_places(input);
  if (!places) {
    std::cerr << "shouwang import-osm: " << places.error().message << "\n";
    return kExitFailure;
  }
  const std::size_t place_count = places->size();
  const osm::PlaceIndex place_index = osm::PlaceIndex::build(std::move(places).value());
  const std::string place_path = staging.path("place_index.swi");
  if (const Status ok = osm::write_place_index(place_path, place_index); !ok) {
    std::cerr << "shouwang import-osm: " << ok.error().message << "\n";
    return kExitFailure;
  }
  // The console's basemap. Optional: without tilemaker, or when it fails, the roads are
  // imported all the same and the warning says why the console will have no basemap.
  std::string basemap_line = "  basemap: skipped (--no-basemap)\n";
  std::string basemap_warning;
  if (!args->has("no-basemap")) {
    const auto basemap_start = std::chrono::steady_clock::now();
    const BasemapJob job{input, staging.dir() / server::kBasemapFileName,
                         args->get("basemap-rules").value_or(SHOUWANG_DEFAULT_BASEMAP_RULES),
                         staging.dir() / "tilemaker.log"};
    if (const Status made = make_basemap(job); made) {
      (void)staging.path(server::kBasemapFileName);
      const double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - basemap_start).count();
      char line[160];
      std::snprintf(line, sizeof line, "  basemap: %s (%.0f KB) made by tilemaker in %.2f s\n",
                    server::kBasemapFileName,
                    static_cast<double>(std::filesystem::file_size(job.output)) / 1024.0, seconds);
      basemap_line = line;
    } else {
      basemap_line = "  basemap: none\n";
      basemap_warning = "warning: " + made.error().message + "\n";
    }
  }
  if (const Status ok = staging.commit(); !ok) {
    std::cerr << "shouwang import-osm: " << ok.error().message << "\n";
    return kExitFailure;
  }
  if (r.missing_node_refs > 0) {
    std::printf("warning: %s: %zu node references of drivable ways are missing from the file (first: way %lld -> node %lld); "
                "the road segments touching them were left out\n",
                input.c_str(), r.missing_node_refs, static_cast<long long>(r.first_missing_way),
                static_cast<long long>(r.first_missing_node));
  }
  std::printf("imported %s (%s profile) into %s\n"
              "  ways read %zu, drivable %zu\n"
              "  graph: %zu nodes, %zu arcs (before the component cut: %zu nodes, %zu arcs)\n"
              "  turn restrictions applied %zu (%zu not applied: not on drivable roads or malformed), node copies %zu\n"
              "  dropped %zu smaller strongly connected components with %zu nodes\n"
              "  contraction hierarchy: %zu arcs, built in %.2f s\n"
              "  snapping index: %zu cells, %zu segment entries, built in %.2f s\n"
              "  place index: %zu places (%zu searchable entries) in %s\n"
              "%s"
              "  read %.2f s, build %.2f s, peak memory %.0f MB\n",
              input.c_str(), profile.emergency ? "emergency" : "car", out->c_str(), r.ways_read, r.drivable_ways,
              graph->graph.node_count(), graph->graph.arc_count(), r.nodes_before, r.arcs_before, r.turn_restrictions,
              r.turn_restrictions_unused, r.nodes_split, r.components_dropped,
              r.nodes_dropped, ch.arc_count(), ch_seconds, snap_index.cell_first().size() - 1,
              snap_index.cell_arcs().size(), snap_seconds, place_count, place_index.size(), "place_index.swi",
              basemap_line.c_str(), r.read_seconds, r.build_seconds, peak_rss_mb());
  if (!basemap_warning.empty()) std::fputs(basemap_warning.c_str(), stdout);
  return kExitOk;
}

}  // namespace shouwang::cli
