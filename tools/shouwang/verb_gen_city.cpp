#include <chrono>
#include <cstdio>
#include <iostream>

#include <shouwang/osm/city_generator.h>

#include "cli_args.h"
#include "verbs.h"

namespace shouwang::cli {
namespace {

const std::vector<FlagSpec> kFlags = {
    {"seed", true, "whole number; the same seed gives the same city (default 1)"},
    {"out", true, "output file, .osm.pbf (required)"},
    {"size-km", true, "side of the square city in km, 4 to 120 (default 30)"},
    {"help", false, "show this help"},
};

int usage_error(const Error& error) {
  std::cerr << "shouwang gen-city: " << error.message << "\n"
            << "usage: shouwang gen-city --seed N --out CITY.osm.pbf [--size-km K]\n";
  return kExitUsage;
}

}  // namespace

int run_gen_city(const std::vector<std::string>& argv) {
  const auto args = Args::parse(argv, kFlags);
  if (!args) return usage_error(args.error());
  if (args->has("help")) {
    std::cout << "usage: shouwang gen-city --seed N --out CITY.osm.pbf [--size-km K]\n"
              << "Generates a fictional Chinese demo city as an OpenStreetMap PBF file.\n"
              << usage_lines(kFlags);
    return kExitOk;
  }
  osm::CityOptions options;
  const auto seed = args->get_u64("seed", 1);
  if (!seed) return usage_error(seed.error());
  const auto size = args->get_double("size-km", 30.0);
  if (!size) return usage_error(size.error());
  const auto out = args->get("out");
  if (!out) return usage_error(Error(Errc::kInvalidArgument, "--out is required", "--out"));
  options.seed = *seed;
  options.size_km = *size;
  if (Status valid = osm::validate(options); !valid) {
    return usage_error(Error(valid.error().code, valid.error().message + ", got " + *args->get("size-km"), "--size-km"));
  }

  const auto start = std::chrono::steady_clock::now();
  const auto stats = osm::write_demo_city(options, *out);
  if (!stats) {
    std::cerr << "shouwang gen-city: " << stats.error().message << "\n";
    return kExitFailure;
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf(
      "wrote %s: %s (%s), %.0f x %.0f km around %.4f N %.4f E, seed %llu\n"
      "  nodes %zu (on roads %zu), ways %zu (roads %zu, named %zu, one-way %zu, ramps %zu),\n"
      "  relations %zu, bridges %zu, addresses %zu, POIs %zu, districts %zu, station areas %zu,\n"
      "  disconnected road pieces left out %zu, %.1f MB in %.1f s\n",
      out->c_str(), stats->name_zh.c_str(), stats->name_en.c_str(), options.size_km, options.size_km,
      stats->centre.lat, stats->centre.lon, static_cast<unsigned long long>(options.seed), stats->nodes,
      stats->highway_nodes, stats->ways, stats->highway_ways, stats->named_highway_ways, stats->oneway_ways,
      stats->ramps, stats->relations, stats->bridges, stats->addresses, stats->pois, stats->districts,
      stats->stations, stats->dropped_ways, static_cast<double>(stats->file_bytes) / 1e6, secs);
  return kExitOk;
}

}  // namespace shouwang::cli
