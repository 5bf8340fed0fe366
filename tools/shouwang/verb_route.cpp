#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include <shouwang/osm/ch_file.h>
#include <shouwang/osm/graph_file.h>
#include <shouwang/osm/snap_file.h>
#include <shouwang/routing/point_route.h>

#include "cli_args.h"
#include "verbs.h"

namespace shouwang::cli {
namespace {

const std::vector<FlagSpec> kFlags = {
    {"data", true, "data directory written by import-osm"},
    {"from", true, "start as LAT,LON"},
    {"to", true, "end as LAT,LON"},
    {"geojson", false, "print the route as a GeoJSON LineString feature"},
    {"help", false, "show this help"},
};

constexpr const char* kUsage = "usage: shouwang route --data DIR --from LAT,LON --to LAT,LON [--geojson]\n";

int usage_error(const std::string& message) {
  std::cerr << "shouwang route: " << message << "\n" << kUsage;
  return kExitUsage;
}

Result<LatLon> parse_position(const std::string& flag, const std::string& text) {
  const auto comma = text.find(',');
  char* end = nullptr;
  if (comma != std::string::npos) {
    const std::string lat_text = text.substr(0, comma), lon_text = text.substr(comma + 1);
    const double lat = std::strtod(lat_text.c_str(), &end);
    const bool lat_ok = !lat_text.empty() && *end == '\0';
    const double lon = std::strtod(lon_text.c_str(), &end);
    if (lat_ok && !lon_text.empty() && *end == '\0') {
      auto p = make_lat_lon(lat, lon);
      if (!p) return Error(Errc::kInvalidArgument, "--" + flag + ": " + p.error().message, "--" + flag);
      return *p;
    }
  }
  return Error(Errc::kInvalidArgument, "--" + flag + " must be LAT,LON (e.g. 31.2304,121.4737), got '" + text + "'",
               "--" + flag);
}

}  // namespace

int run_route(const std::vector<std::string>& argv) {
  const auto args = Args::parse(argv, kFlags);
  if (!args) return usage_error(args.error().message);
  if (args->has("help")) {
    std::cout << kUsage << usage_lines(kFlags);
    return kExitOk;
  }
  for (const char* required : {"data", "from", "to"}) {
    if (!args->has(required)) return usage_error(std::string("--") + required + " is required");
  }
  const auto from = parse_position("from", *args->get("from"));
  if (!from) return usage_error(from.error().message);
  const auto to = parse_position("to", *args->get("to"));
  if (!to) return usage_error(to.error().message);

  const auto loaded = osm::read_graph_file((std::filesystem::path(*args->get("data")) / osm::kGraphFileName).string());
  if (!loaded) {
    std::cerr << "shouwang route: " << loaded.error().message << "\n";
    return kExitFailure;
  }
  const routing::RoadGraph& graph = loaded->graph;
  const auto ch = osm::read_ch_file((std::filesystem::path(*args->get("data")) / osm::kChFileName).string(), graph);
  if (!ch) {
    std::cerr << "shouwang route: " << ch.error().message << "\n";
    return kExitFailure;
  }
  const std::string snap_path = (std::filesystem::path(*args->get("data")) / osm::kSnapFileName).string();
  const auto index = osm::read_snap_file(snap_path, graph);
  if (!index) {
    std::cerr << "shouwang route: " << index.error().message << "\n";
    return kExitFailure;
  }
  routing::ChQuery query(*ch);
  const auto start = std::chrono::steady_clock::now();
  const auto route = routing::route_between(graph, *index, query, *from, *to);
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  if (!route) {
    std::cerr << "shouwang route: " << route.error().message << "\n";
    return kExitFailure;
  }
  if (args->has("geojson")) {
    std::printf("{\"type\":\"Feature\",\"properties\":{\"time_s\":%.1f,\"length_m\":%.1f},"
                "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[",
                route->time_ms / 1000.0, route->length_m);
    for (std::size_t i = 0; i < route->geometry.size(); ++i) {
      std::printf("%s[%.7f,%.7f]", i ? "," : "", route->geometry[i].lon, route->geometry[i].lat);
    }
    std::printf("]}}\n");
    return kExitOk;
  }
  const double secs = route->time_ms / 1000.0;
  std::printf("time %d:%04.1f (%.1f s), length %.0f m, %zu points\n", static_cast<int>(secs) / 60,
              secs - 60.0 * (static_cast<int>(secs) / 60), secs, route->length_m, route->geometry.size());
  std::printf("start snapped %.1f m onto the road, end snapped %.1f m; computed in %.2f ms\n",
              route->from.distance.value(), route->to.distance.value(), ms);
  return kExitOk;
}

}  // namespace shouwang::cli
