#pragma once
// The incident history of a centre that need not be running, for `shouwang stats` and
// `shouwang report`: the event log replayed into the domain state and turned into the
// statistics projection, with the organisation tree and taxonomy that name its codes.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <shouwang/base/result.h>
#include <shouwang/cad/taxonomy.h>
#include <shouwang/osm/city_summary.h>
#include <shouwang/osm/jurisdictions.h>
#include <shouwang/server/statistics.h>
#include <shouwang/server/stats_answers.h>

#include "cli_args.h"

namespace shouwang::cli {

// The flags that say where the history is and how the centre keeps time.
std::vector<FlagSpec> stats_source_flags();

struct StatsSource {
  cad::Taxonomy taxonomy;
  std::optional<osm::Jurisdictions> org;
  std::optional<osm::CitySummary> city;  // with --data
  std::unique_ptr<server::Statistics> statistics;
  server::StatsEnvironment env;       // today (local) and the organisation; everything in scope
  std::int32_t utc_offset_now = 480;  // the centre's offset from UTC now, in minutes
};

// kInvalidArgument for a bad flag (its message names it), other codes for a log or file
// that cannot be read.
Result<std::unique_ptr<StatsSource>> open_stats_source(const Args& args);

}  // namespace shouwang::cli
