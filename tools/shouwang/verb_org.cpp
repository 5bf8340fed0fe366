// shouwang org: the police organisation tree of a data directory and its jurisdictions, for
// administrators to check before going live (docs/jurisdictions.md).

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>

#include <shouwang/base/text.h>
#include <shouwang/osm/jurisdictions.h>

#include "cli_args.h"
#include "verbs.h"

namespace shouwang::cli {
namespace {

namespace fs = std::filesystem;

const std::vector<FlagSpec> kFlags = {
    {"data", true, "data directory: jurisdictions.geojson if present, else city.osm.pbf"},
    {"at", true, "print the station (and its chain) responsible for LAT,LON"},
    {"json", false, "print JSON instead of text"},
    {"geojson", false, "print the areas as a GeoJSON FeatureCollection (the map layer)"},
    {"sub-bureau-level", true, "admin_level of sub-bureau areas in the OSM file (default 6)"},
    {"station-level", true, "admin_level of station areas in the OSM file (default 8)"},
    {"city-level", true, "admin_level of the city (default: the lowest below the sub-bureau level)"},
    {"help", false, "show this help"},
};

constexpr const char* kUsage =
    "usage: shouwang org --data DIR [--json | --geojson] [--at LAT,LON]\n"
    "       [--sub-bureau-level N] [--station-level N] [--city-level N]\n";

int usage_error(const std::string& message) {
  std::cerr << "shouwang org: " << message << "\n" << kUsage;
  return kExitUsage;
}

std::string json_string(std::string_view text) { return json_quoted(text); }

Result<LatLon> parse_position(const std::string& text) {
  const auto comma = text.find(',');
  if (comma != std::string::npos) {
    const std::string lat_text = text.substr(0, comma), lon_text = text.substr(comma + 1);
    char* end = nullptr;
    const double lat = std::strtod(lat_text.c_str(), &end);
    const bool lat_ok = !lat_text.empty() && *end == '\0';
    const double lon = std::strtod(lon_text.c_str(), &end);
    if (lat_ok && !lon_text.empty() && *end == '\0') {
      auto p = make_lat_lon(lat, lon);
      if (!p) return Error(Errc::kInvalidArgument, "--at: " + p.error().message, "--at");
      return *p;
    }
  }
  return Error(Errc::kInvalidArgument, "--at must be LAT,LON (e.g. 31.2304,121.4737), got '" + text + "'", "--at");
}

Result<int> parse_level(const Args& args, const std::string& flag, int fallback) {
  if (!args.has(flag)) return fallback;
  const auto value = args.get_u64(flag, 0);
  if (!value) return value.error();
  if (*value < 1 || *value > 12) return Error(Errc::kInvalidArgument, "--" + flag + " must be 1..12", "--" + flag);
  return static_cast<int>(*value);
}

void print_tree_text(const osm::Jurisdictions& tree, const osm::OrgUnit& unit, int depth) {
  std::printf("%*s%-12s %s / %s", depth * 2, "", unit.code.c_str(), unit.name.c_str(), unit.name_en.c_str());
  if (unit.level != osm::OrgLevel::kStation) {
    const std::size_t n = tree.station_count(unit.code);
    std::printf("  (%zu station%s)", n, n == 1 ? "" : "s");
  }
  // Residents and density, the basis of rates per 10,000 and of the urban / suburban class.
  const double km2 = osm::area_square_km(unit);
  if (unit.population) {
    std::printf("  %lld residents, %.1f km², %.0f /km²", static_cast<long long>(*unit.population), km2,
                km2 > 0 ? static_cast<double>(*unit.population) / km2 : 0.0);
  } else {
    std::printf("  %.1f km²", km2);
  }
  std::printf("\n");
  for (const osm::OrgUnit* child : tree.children(unit.code)) print_tree_text(tree, *child, depth + 1);
}

std::string unit_json(const osm::Jurisdictions& tree, const osm::OrgUnit& unit) {
  return "{\"code\":" + json_string(unit.code) + ",\"name\":" + json_string(unit.name) +
         ",\"name_en\":" + json_string(unit.name_en) + ",\"level\":" + json_string(osm::org_level_name(unit.level)) +
         ",\"parent\":" + (unit.parent.empty() ? std::string("null") : json_string(unit.parent)) +
         ",\"stations\":" + std::to_string(tree.station_count(unit.code)) +
         ",\"population\":" + (unit.population ? std::to_string(*unit.population) : std::string("null")) +
         ",\"area_km2\":" + std::to_string(std::round(osm::area_square_km(unit) * 1000.0) / 1000.0) + "}";
}

int print_at(const osm::Jurisdictions& tree, LatLon at, bool json) {
  const std::string_view station = tree.station_at(at);
  const std::string_view sub_bureau = tree.sub_bureau_at(at);
  const auto chain = tree.path(station);
  if (json) {
    char position[64];
    std::snprintf(position, sizeof position, "[%.7f,%.7f]", at.lat, at.lon);
    std::string out = "{\"at\":" + std::string(position) + ",\"station\":" +
                      (station.empty() ? std::string("null") : json_string(station)) +
                      ",\"sub_bureau_area\":" + (sub_bureau.empty() ? std::string("null") : json_string(sub_bureau)) +
                      ",\"path\":[";
    for (std::size_t i = 0; i < chain.size(); ++i) out += (i ? "," : "") + unit_json(tree, *chain[i]);
    std::printf("%s]}\n", out.c_str());
    return kExitOk;
  }
  if (station.empty()) {
    std::printf("%.7f,%.7f: no station area contains this point%s%s\n", at.lat, at.lon,
                sub_bureau.empty() ? "" : " (it lies in the sub-bureau area ",
                sub_bureau.empty() ? "" : (std::string(sub_bureau) + ")").c_str());
    return kExitOk;
  }
  std::printf("%.7f,%.7f: station %s\n", at.lat, at.lon, std::string(station).c_str());
  for (std::size_t i = 0; i < chain.size(); ++i) {
    std::printf("%*s%s %s / %s\n", static_cast<int>(i) * 2 + 2, "", chain[i]->code.c_str(), chain[i]->name.c_str(),
                chain[i]->name_en.c_str());
  }
  return kExitOk;
}

}  // namespace

int run_org(const std::vector<std::string>& argv) {
  const auto args = Args::parse(argv, kFlags);
  if (!args) return usage_error(args.error().message);
  if (args->has("help")) {
    std::cout << kUsage << usage_lines(kFlags);
    return kExitOk;
  }
  if (!args->has("data")) return usage_error("--data is required");
  if (args->has("json") && args->has("geojson")) return usage_error("--json and --geojson exclude each other");
  osm::JurisdictionLevels levels;
  const auto sub_level = parse_level(*args, "sub-bureau-level", levels.sub_bureau_admin_level);
  if (!sub_level) return usage_error(sub_level.error().message);
  const auto station_level = parse_level(*args, "station-level", levels.station_admin_level);
  if (!station_level) return usage_error(station_level.error().message);
  const auto city_level = parse_level(*args, "city-level", levels.city_admin_level);
  if (!city_level) return usage_error(city_level.error().message);
  levels.sub_bureau_admin_level = *sub_level;
  levels.station_admin_level = *station_level;
  levels.city_admin_level = *city_level;
  std::optional<LatLon> at;
  if (args->has("at")) {
    const auto p = parse_position(*args->get("at"));
    if (!p) return usage_error(p.error().message);
    at = *p;
  }

  const fs::path dir = *args->get("data");
  const fs::path geojson = dir / "jurisdictions.geojson";
  const bool from_geojson = fs::exists(geojson);
  const std::string source = (from_geojson ? geojson : dir / "city.osm.pbf").string();
  const auto start = std::chrono::steady_clock::now();
  const auto tree = from_geojson ? osm::read_jurisdictions_geojson(source) : osm::read_jurisdictions(source, levels);
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  if (!tree) {
    if (tree.error().field.ends_with("admin_level")) return usage_error(tree.error().message);
    std::cerr << "shouwang org: " << tree.error().message << "\n";
    return kExitFailure;
  }
  if (at) return print_at(*tree, *at, args->has("json"));
  if (args->has("geojson")) {
    std::printf("%s\n", tree->to_geojson().c_str());
    return kExitOk;
  }
  const osm::OrgUnit& city = *tree->city();
  std::size_t sub_bureaus = 0;
  for (const osm::OrgUnit& u : tree->units()) sub_bureaus += u.level == osm::OrgLevel::kSubBureau ? 1 : 0;
  if (args->has("json")) {
    std::string out = "{\"source\":" + json_string(source) + ",\"read_ms\":" + std::to_string(ms) + ",\"units\":[";
    for (std::size_t i = 0; i < tree->units().size(); ++i) out += (i ? "," : "") + unit_json(*tree, tree->units()[i]);
    out += "],\"notes\":[";
    for (std::size_t i = 0; i < tree->notes().size(); ++i) out += (i ? "," : "") + json_string(tree->notes()[i]);
    std::printf("%s]}\n", out.c_str());
    return kExitOk;
  }
  std::printf("%s: 1 city, %zu sub-bureaus, %zu stations (read in %.0f ms)\n", source.c_str(), sub_bureaus,
              tree->station_count(city.code), ms);
  print_tree_text(*tree, city, 0);
  if (!tree->notes().empty()) {
    std::printf("notes:\n");
    for (const std::string& note : tree->notes()) std::printf("  %s\n", note.c_str());
  }
  return kExitOk;
}

}  // namespace shouwang::cli
