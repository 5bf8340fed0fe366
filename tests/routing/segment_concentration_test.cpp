// Portland's calls for service on Portland's street segments (both in ../shared/data; the
// test skips, naming the file, when either is absent): the calls crowd onto few segments,
// as crime-at-place studies find, and Getis–Ord Gi* over segments sharing a junction finds
// hot segments where the busiest ones are. The figures are printed for docs/forecasting.md.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <shouwang/analytics/local_statistics.h>
#include <shouwang/routing/street_segments.h>

#include "routing/real_extracts.h"

namespace shouwang::routing {
namespace {

namespace fs = std::filesystem;

// The calls' positions: lat and lon are the last two columns (case descriptions may hold
// quoted commas, so the line is split from the right).
std::vector<LatLon> read_calls(const fs::path& file) {
  std::ifstream in(file);
  std::string line;
  std::getline(in, line);  // header
  std::vector<LatLon> out;
  while (std::getline(in, line)) {
    const auto last = line.rfind(',');
    const auto before = line.rfind(',', last - 1);
    if (last == std::string::npos || before == std::string::npos)
      continue;
    out.push_back(
        {std::stod(line.substr(before + 1, last - before - 1)), std::stod(line.substr(last + 1))});
  }
  return out;
}

class PortlandCallsOnSegments : public testing::RealExtractTest {};

TEST_P(PortlandCallsOnSegments, CrowdOntoFewSegmentsAndGiStarFindsThem) {
  const fs::path calls_file =
      fs::path(SHOUWANG_SHARED_DATA) / "incidents" / "portland_cfs_2016-08_09_on_portland_osm.csv";
  if (!fs::exists(calls_file))
    GTEST_SKIP() << "real calls not available: " << calls_file.string();
  const std::vector<LatLon> calls = read_calls(calls_file);
  ASSERT_EQ(calls.size(), 15'164u) << "the file's rows (data/README: 15,164)";

  const StreetSegments segments = street_segments(extract().graph());
  const SnapIndex& index = extract().index();
  std::vector<double> counts(segments.size(), 0.0);
  std::size_t placed = 0;
  for (const LatLon c : calls) {
    const auto snap = index.snap(c, Meters(100));
    if (!snap)
      continue;
    const std::uint32_t s = segments.of_arc[snap->arc.value()];
    if (s == kNoSegment)
      continue;
    counts[s] += 1.0;
    ++placed;
  }
  // The calls lie on the extract, but the roads are the drivable ones only: a call at a
  // footpath, a park or a large lot may be more than 100 m from any of them.
  EXPECT_GT(placed, calls.size() * 85 / 100);

  // Concentration: the share of calls on the busiest 1 % and 5 % of segments, and the
  // share of segments holding half of the calls.
  std::vector<double> sorted = counts;
  std::sort(sorted.begin(), sorted.end(), std::greater<>());
  const auto share_on_top = [&](double fraction) {
    const auto k =
        static_cast<std::size_t>(std::ceil(fraction * static_cast<double>(sorted.size())));
    return std::accumulate(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(k), 0.0) /
           static_cast<double>(placed);
  };
  std::size_t half = 0;
  for (double sum = 0; sum < 0.5 * static_cast<double>(placed); ++half)
    sum += sorted[half];
  const double with_any = static_cast<double>(
      std::count_if(counts.begin(), counts.end(), [](double c) { return c > 0; }));
  EXPECT_GT(share_on_top(0.05), 0.30) << "crime concentrates on few places";
  EXPECT_LT(static_cast<double>(half) / static_cast<double>(segments.size()), 0.10);

  // Gi* over segments sharing a junction: the busiest segment's neighbourhood is hot.
  const analytics::SpatialWeights w = analytics::from_pairs(segments.size(), segments.neighbours);
  const auto gi = analytics::getis_ord_gi_star(counts, w);
  std::size_t hot = 0, cold = 0;
  for (const auto& s : gi) {
    hot += s.p < 0.05 && s.z > 0;
    cold += s.p < 0.05 && s.z < 0;
  }
  const auto busiest =
      static_cast<std::size_t>(std::max_element(counts.begin(), counts.end()) - counts.begin());
  EXPECT_GT(gi[busiest].z, 1.96) << "the busiest segment (" << counts[busiest] << " calls)";
  EXPECT_GT(hot, 0u);
  std::printf(
      "%zu calls, %zu placed within 100 m on %zu street segments (%.0f with a call); busiest 1 %% "
      "of segments: "
      "%.1f %% of calls, 5 %%: %.1f %%; half the calls on %.2f %% of segments; Gi* hot %zu, cold "
      "%zu "
      "(alpha 0.05); busiest segment %.0f calls, z %.2f\n",
      calls.size(), placed, segments.size(), with_any, 100 * share_on_top(0.01),
      100 * share_on_top(0.05),
      100.0 * static_cast<double>(half) / static_cast<double>(segments.size()), hot, cold,
      counts[busiest], gi[busiest].z);
}

INSTANTIATE_TEST_SUITE_P(SharedData, PortlandCallsOnSegments, ::testing::Values("portland.osm.pbf"),
                         testing::extract_test_name);

}  // namespace
}  // namespace shouwang::routing
