#include "basemap_tiles.h"

#include <shouwang/base/child_process.h>

namespace shouwang::cli {

Status make_basemap(const BasemapJob& job) {
  const std::string program = find_program("tilemaker", "SHOUWANG_TILEMAKER");
  if (program.empty()) {
    return Error(Errc::kNotFound, "tilemaker is not installed (apt-get install tilemaker): no basemap for the console");
  }
  if (job.input.extension() != ".pbf") {
    return Error(Errc::kInvalidArgument,
                 "the basemap needs the city as .osm.pbf (tilemaker reads no other format); convert it with "
                 "`osmium cat " + job.input.string() + " -o city.osm.pbf` and import that");
  }
  std::vector<std::string> args = {program,
                                   "--input", job.input.string(),
                                   "--output", job.output.string(),
                                   "--config", (job.rules / "config.json").string(),
                                   "--process", (job.rules / "process.lua").string()};
  const auto status = run_program({args, job.log, std::chrono::hours(2)});
  if (!status) return status.error();
  if (*status != 0 || !std::filesystem::exists(job.output)) {
    return Error(Errc::kIoError, "tilemaker failed on " + job.input.string() + ":\n" + file_tail(job.log, 2000));
  }
  return {};
}

}  // namespace shouwang::cli
