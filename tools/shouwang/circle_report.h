#pragma once
// `shouwang circles coverage` and `seed`: the static coverage of key sites from posts and
// the posts a plan would put up, over a city's roads.

#include <filesystem>
#include <vector>

#include <shouwang/cad/commands.h>
#include <shouwang/cad/state.h>
#include <shouwang/osm/jurisdictions.h>

#include "circle_city.h"
#include "cli_args.h"

namespace shouwang::cli {

struct CircleRun {
  const Args& args;
  std::filesystem::path data;
  const cad::State& state;
  const CityRoads& roads;
  const osm::Jurisdictions* org;  // null without an organisation
};

// Prints the coverage report; the verb's exit code.
int report_coverage(const CircleRun& run);

// The commands that register the city's POIs as key sites and the posts planned for them;
// none when the registry already has sites (printed). The verb's exit code.
int seed_commands(const CircleRun& run, std::vector<cad::Command>& commands);

}  // namespace shouwang::cli
