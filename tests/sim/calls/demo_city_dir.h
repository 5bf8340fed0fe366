#pragma once
// The generated demo city as a data directory, the way the tools see one: `shouwang
// gen-city --seed 9 --size-km 6` and `shouwang import-osm` run by the real binary into a
// temporary directory, once per test process, removed when the process ends. Tests that
// write into a city directory (an event log) take a copy of their own.

#include <filesystem>
#include <string>
#include <vector>

#include <shouwang/cad/taxonomy.h>

namespace shouwang::sim::testing {

// The directory (city.osm.pbf, road_graph.swg, contraction.swc, snap_index.sws,
// place_index.swi); a failure to make it fails the calling test.
const std::filesystem::path& demo_city_dir();

// A fresh copy of it, removed when the process ends.
std::filesystem::path demo_city_copy(const std::string& name);

// Runs `shouwang ARGS...` with its output in `output` (stdout and stderr); its exit code.
int run_shouwang(const std::vector<std::string>& args, std::string* output = nullptr);

// data/taxonomy of the source tree.
const cad::Taxonomy& taxonomy();

}  // namespace shouwang::sim::testing
