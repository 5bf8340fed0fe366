// Where calls happen: on or beside roads, concentrated around the hotspots far beyond
// their share of the city's area, and clustered in space and time after burglaries and
// vehicle thefts (near-repeats) beyond what the same calls with shuffled times give.

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <shouwang/base/geo.h>
#include <shouwang/base/random.h>
#include <shouwang/osm/city_summary.h>
#include <shouwang/osm/graph_file.h>
#include <shouwang/osm/snap_file.h>

#include "demo_city_dir.h"
#include "model_fixture.h"

namespace shouwang::sim {
namespace {

using testing::at;
using testing::demo_model;

double metres(LatLon a, LatLon b) {
  return haversine_distance(a, b).value();
}

bool near_a_hotspot(const CallModel& model, LatLon p, double radius) {
  return std::any_of(model.hotspots().begin(), model.hotspots().end(),
                     [&](const CallModel::Hotspot& h) { return metres(p, h.position) <= radius; });
}

TEST(CallPlaces, CallsLieOnOrBesideRoads) {
  const auto dir = testing::demo_city_dir();
  auto graph = osm::read_graph_file((dir / osm::kGraphFileName).string());
  ASSERT_TRUE(graph.ok());
  auto index = osm::read_snap_file((dir / osm::kSnapFileName).string(), graph->graph);
  ASSERT_TRUE(index.ok());
  const auto calls =
      demo_model(21, 300).generate(at("2025-06-02T00:00:00Z"), at("2025-06-16T00:00:00Z"));
  ASSERT_GT(calls.size(), 3000u);
  for (const auto& c : calls) {
    auto snapped = index->snap(c.position, Meters(45.0));
    ASSERT_TRUE(snapped.ok()) << c.type_code << " at " << c.position.lat << "," << c.position.lon
                              << " (" << c.place << ") is not beside a road";
  }
}

TEST(CallPlaces, HotspotsDrawFarMoreCallsThanTheirShareOfTheCity) {
  const CallModel& model = demo_model(22, 300);
  ASSERT_GE(model.hotspots().size(), 3u);
  const auto calls = model.generate(at("2025-06-02T00:00:00Z"), at("2025-07-28T00:00:00Z"));
  constexpr double kRadius = 250.0;
  double near = 0;
  for (const auto& c : calls)
    near += near_a_hotspot(model, c.position, kRadius);
  const double call_share = near / static_cast<double>(calls.size());
  // The share of the city's area within the radius, on a 50 m grid.
  auto city = osm::read_city_summary((testing::demo_city_dir() / "city.osm.pbf").string());
  ASSERT_TRUE(city.ok());
  const LocalProjection frame(city->centre());
  const Xy sw = frame.to_xy(city->south_west), ne = frame.to_xy(city->north_east);
  double cells = 0, covered = 0;
  for (double x = sw.x; x < ne.x; x += 50) {
    for (double y = sw.y; y < ne.y; y += 50) {
      cells += 1;
      covered += near_a_hotspot(model, frame.to_lat_lon({x, y}), kRadius);
    }
  }
  const double area_share = covered / cells;
  EXPECT_GT(call_share, 3.0 * area_share)
      << call_share << " of the calls, " << area_share << " of the area";
  // Calls made at a hotspot lie around it.
  std::map<std::string, LatLon> by_name;
  for (const auto& h : model.hotspots())
    by_name[h.name] = h.position;
  std::size_t at_hotspots = 0;
  for (const auto& c : calls) {
    if (!c.origin.starts_with("hotspot:"))
      continue;
    ++at_hotspots;
    const auto h = by_name.find(c.origin.substr(8));
    ASSERT_NE(h, by_name.end()) << c.origin;
    EXPECT_LT(metres(c.position, h->second), 450.0) << c.origin;
  }
  EXPECT_GT(at_hotspots, calls.size() / 20);
}

// Pairs of calls of the same type within `radius` metres whose times (as given) lie at
// most `days` apart.
std::size_t close_pairs(const std::vector<GeneratedCall>& calls, const std::vector<UtcTime>& times,
                        double radius, double days) {
  std::vector<std::size_t> order(calls.size());
  for (std::size_t i = 0; i < order.size(); ++i)
    order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return times[a] < times[b]; });
  const auto window = static_cast<std::int64_t>(days * 86'400e6);
  std::size_t pairs = 0;
  for (std::size_t a = 0; a < order.size(); ++a) {
    const std::size_t i = order[a];
    for (std::size_t b = a + 1; b < order.size(); ++b) {
      const std::size_t j = order[b];
      if (times[j].micros() - times[i].micros() > window)
        break;
      if (calls[i].type_code == calls[j].type_code &&
          metres(calls[i].position, calls[j].position) <= radius)
        ++pairs;
    }
  }
  return pairs;
}

TEST(CallPlaces, BurglariesAndVehicleTheftsRepeatNearby) {
  // A year: the excess of near-repeat pairs over the shuffled baseline grows with the
  // number of calls while the baseline's spread grows no faster, so a long window makes
  // the test sharp, not a high rate.
  const auto all =
      demo_model(23, 150).generate(at("2025-01-01T00:00:00Z"), at("2026-01-01T00:00:00Z"));
  const auto calls = testing::of_types(all, {"010501", "010502", "010503", "010505", "010506"});
  ASSERT_GT(calls.size(), 800u);
  std::vector<UtcTime> times;
  for (const auto& c : calls)
    times.push_back(c.at);
  const double observed = static_cast<double>(close_pairs(calls, times, 300, 7));
  // Baseline: the same places and types with the times shuffled among calls of each type.
  Rng rng(99);
  std::map<std::string, std::vector<std::size_t>> by_type;
  for (std::size_t i = 0; i < calls.size(); ++i)
    by_type[calls[i].type_code].push_back(i);
  constexpr int kShuffles = 12;
  double sum = 0, sum_sq = 0;
  for (int s = 0; s < kShuffles; ++s) {
    std::vector<UtcTime> shuffled = times;
    for (const auto& [type, ids] : by_type) {
      for (std::size_t k = ids.size(); k > 1; --k) {
        const auto r =
            static_cast<std::size_t>(rng.uniform_int(0, static_cast<std::int64_t>(k) - 1));
        std::swap(shuffled[ids[k - 1]], shuffled[ids[r]]);
      }
    }
    const double pairs = static_cast<double>(close_pairs(calls, shuffled, 300, 7));
    sum += pairs;
    sum_sq += pairs * pairs;
  }
  const double mean = sum / kShuffles;
  const double sd = std::sqrt(std::max(0.0, sum_sq / kShuffles - mean * mean));
  EXPECT_GT(observed, 1.15 * mean) << observed << " pairs, shuffled " << mean << " ± " << sd;
  EXPECT_GT(observed, mean + 5 * std::max(sd, 1.0))
      << observed << " pairs, shuffled " << mean << " ± " << sd;
}

}  // namespace
}  // namespace shouwang::sim
