// The jurisdiction tree of a generated demo city checked against what the generator wrote
// and against brute-force point-in-polygon; the grid index against the exact containment
// rule on random concave areas with holes; read times of the shared real extracts.

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <unistd.h>

#include <gtest/gtest.h>

#include <shouwang/base/random.h>
#include <shouwang/osm/city_generator.h>
#include <shouwang/osm/jurisdictions.h>

#include "osm/jurisdictions/area_index.h"
#include "osm/jurisdictions/fixed_geometry.h"

namespace shouwang::osm {
namespace {

namespace fs = std::filesystem;
using jurisdiction::FixedPoint;

// Even-odd ray casting in plain doubles, written independently of the library.
bool brute_contains(const std::vector<AreaPolygon>& area, LatLon p) {
  bool inside = false;
  auto ring = [&](const std::vector<LatLon>& r) {
    for (std::size_t i = 0, j = r.size() - 1; i < r.size(); j = i++) {
      const LatLon a = r[j], b = r[i];
      if ((a.lat > p.lat) == (b.lat > p.lat)) continue;
      const double x = a.lon + (p.lat - a.lat) * (b.lon - a.lon) / (b.lat - a.lat);
      if (x > p.lon) inside = !inside;
    }
  };
  for (const AreaPolygon& polygon : area) {
    ring(polygon.outer);
    for (const auto& hole : polygon.holes) ring(hole);
  }
  return inside;
}

std::string brute_station_at(const Jurisdictions& tree, LatLon p, OrgLevel level) {
  for (const OrgUnit& unit : tree.units()) {  // by code within a level: the smallest wins
    if (unit.level == level && brute_contains(unit.area, p)) return unit.code;
  }
  return {};
}

class JurisdictionsDemoCity : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const fs::path dir = fs::temp_directory_path() / ("shouwang-org-city-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const std::string path = (dir / "city.osm.pbf").string();
    auto stats = write_demo_city({3, 14.0}, path);
    ASSERT_TRUE(stats.ok()) << stats.error().to_string();
    stats_ = new CityStats(*stats);
    const auto start = std::chrono::steady_clock::now();
    auto tree = read_jurisdictions(path);
    read_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    fs::remove_all(dir);
    ASSERT_TRUE(tree.ok()) << tree.error().to_string();
    tree_ = new Jurisdictions(*tree);
  }
  static void TearDownTestSuite() {
    delete tree_;
    delete stats_;
    tree_ = nullptr;
    stats_ = nullptr;
  }
  void SetUp() override {
    if (tree_ == nullptr) GTEST_SKIP() << "the demo city could not be read";
  }

  // A random point of the city's box, on the 1e-7 degree grid the index works on.
  static LatLon random_point(Rng& rng) {
    const BoundingBox box = tree_->city()->bbox;
    const auto lo = jurisdiction::to_fixed(box.south_west), hi = jurisdiction::to_fixed(box.north_east);
    return jurisdiction::to_lat_lon({static_cast<std::int32_t>(rng.uniform_int(lo.x - 1000, hi.x + 1000)),
                                     static_cast<std::int32_t>(rng.uniform_int(lo.y - 1000, hi.y + 1000))});
  }

  static inline Jurisdictions* tree_ = nullptr;
  static inline CityStats* stats_ = nullptr;
  static inline double read_ms_ = 0.0;
};

TEST_F(JurisdictionsDemoCity, TheTreeIsTheGeneratorsCityDistrictsAndStations) {
  const OrgUnit* city = tree_->city();
  EXPECT_EQ(city->code, stats_->code);
  EXPECT_EQ(city->name, stats_->name_zh);
  EXPECT_EQ(city->name_en, stats_->name_en);
  EXPECT_EQ(tree_->children(city->code).size(), stats_->districts);
  EXPECT_EQ(tree_->station_count(city->code), stats_->stations);
  EXPECT_EQ(tree_->size(), 1 + stats_->districts + stats_->stations);
  EXPECT_GE(stats_->districts, 4u);
  EXPECT_TRUE(tree_->notes().empty()) << tree_->notes().front();
  for (const OrgUnit& unit : tree_->units()) {
    EXPECT_TRUE(unit.code_from_ref);
    if (unit.level == OrgLevel::kSubBureau) {
      EXPECT_EQ(unit.parent, city->code);
      EXPECT_NE(unit.name.find("分局"), std::string::npos) << unit.name;
      EXPECT_NE(unit.area_name.find("区"), std::string::npos) << unit.area_name;
    }
    if (unit.level == OrgLevel::kStation) {
      // The generator numbers a station within its district: district code + 3 digits.
      EXPECT_EQ(unit.parent, unit.code.substr(0, 6)) << unit.code;
      EXPECT_EQ(tree_->find(unit.parent)->level, OrgLevel::kSubBureau);
      EXPECT_NE(unit.name.find("派出所"), std::string::npos) << unit.name;
      EXPECT_EQ(tree_->path(unit.code).size(), 3u);
      EXPECT_TRUE(tree_->is_within(unit.code, city->code));
    }
  }
}

TEST_F(JurisdictionsDemoCity, EveryRepresentativePointMapsBackToItsUnit) {
  for (const OrgUnit& unit : tree_->units()) {
    if (unit.level == OrgLevel::kStation) {
      EXPECT_EQ(tree_->station_at(unit.representative_point), unit.code);
      EXPECT_EQ(tree_->sub_bureau_at(unit.representative_point), unit.parent);
    } else if (unit.level == OrgLevel::kSubBureau) {
      EXPECT_EQ(tree_->sub_bureau_at(unit.representative_point), unit.code);
    }
  }
}

TEST_F(JurisdictionsDemoCity, RandomPointsAgreeWithBruteForce) {
  Rng rng(20260101);
  std::size_t inside_city = 0;
  for (int i = 0; i < 10000; ++i) {
    const LatLon p = random_point(rng);
    const std::string station = brute_station_at(*tree_, p, OrgLevel::kStation);
    ASSERT_EQ(tree_->station_at(p), station) << p.lat << "," << p.lon;
    ASSERT_EQ(tree_->sub_bureau_at(p), brute_station_at(*tree_, p, OrgLevel::kSubBureau)) << p.lat << "," << p.lon;
    if (brute_contains(tree_->city()->area, p)) {
      ++inside_city;
      EXPECT_FALSE(station.empty()) << "the stations cover the city: " << p.lat << "," << p.lon;
      if (!station.empty()) {
        EXPECT_TRUE(tree_->is_within(station, tree_->sub_bureau_at(p)));
      }
    }
  }
  EXPECT_GT(inside_city, 9000u);
}

// Shared corners are the hardest points: each must belong to exactly one station, the one
// station_at names, whichever station's ring it was taken from.
TEST_F(JurisdictionsDemoCity, SharedCornersBelongToExactlyOneStation) {
  std::vector<jurisdiction::FixedArea> stations;
  for (const OrgUnit& unit : tree_->units()) {
    if (unit.level == OrgLevel::kStation) stations.push_back(jurisdiction::to_fixed(unit.area));
  }
  const jurisdiction::FixedArea city = jurisdiction::to_fixed(tree_->city()->area);
  std::size_t corners = 0;
  for (const OrgUnit& unit : tree_->units()) {
    if (unit.level != OrgLevel::kStation) continue;
    for (const LatLon v : unit.area.front().outer) {
      const FixedPoint p = jurisdiction::to_fixed(v);
      const auto holders = std::count_if(stations.begin(), stations.end(),
                                         [&](const auto& area) { return jurisdiction::contains(area, p); });
      EXPECT_EQ(holders, jurisdiction::contains(city, p) ? 1 : 0) << v.lat << "," << v.lon;
      const std::string_view at = tree_->station_at(v);
      if (holders == 1) {
        EXPECT_FALSE(at.empty());
        EXPECT_TRUE(jurisdiction::contains(jurisdiction::to_fixed(tree_->find(at)->area), p));
      }
      ++corners;
    }
  }
  EXPECT_GT(corners, 100u);
}

TEST_F(JurisdictionsDemoCity, LookupsTakeAboutAMicrosecondOrLess) {
  Rng rng(7);
  std::vector<LatLon> points;
  for (int i = 0; i < 200000; ++i) points.push_back(random_point(rng));
  std::size_t found = 0;
  const auto start = std::chrono::steady_clock::now();
  for (const LatLon& p : points) found += tree_->station_at(p).empty() ? 0 : 1;
  const double ns = std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - start).count() /
                    static_cast<double>(points.size());
  std::printf("[ figures  ] demo city 14 km: %zu stations, read in %.1f ms, station_at %.0f ns per lookup\n",
              tree_->station_count(tree_->city()->code), read_ms_, ns);
  EXPECT_GT(found, points.size() / 2);
  EXPECT_LT(ns, 20000.0);  // a generous ceiling for unoptimised and sanitizer builds
}

// Random concave areas with holes on a coarse integer grid: many collinear edges, shared
// vertices, horizontal edges and points exactly on borders.
// `stretch` widens them east-west, for grids of very unequal sides.
std::vector<jurisdiction::FixedArea> random_areas(Rng& rng, int count, std::int32_t span, std::int32_t stretch) {
  std::vector<jurisdiction::FixedArea> areas;
  for (int a = 0; a < count; ++a) {
    jurisdiction::FixedArea area;
    const std::int32_t cx = static_cast<std::int32_t>(rng.uniform_int(0, span));
    const std::int32_t cy = static_cast<std::int32_t>(rng.uniform_int(0, span));
    auto star = [&](std::int32_t radius, int points) {
      jurisdiction::FixedRing ring;
      for (int k = 0; k < points; ++k) {
        const double angle = 2.0 * 3.14159265358979 * k / points;
        const double r = radius * (0.3 + 0.7 * rng.uniform01());
        ring.push_back({(cx + static_cast<std::int32_t>(std::lround(r * std::cos(angle)))) * stretch,
                        cy + static_cast<std::int32_t>(std::lround(r * std::sin(angle)))});
      }
      return ring;
    };
    area.rings.push_back(star(span / 3, 5 + static_cast<int>(rng.uniform_int(0, 20))));
    area.is_outer.push_back(true);
    if (rng.bernoulli(0.5)) {
      area.rings.push_back(star(span / 12, 3 + static_cast<int>(rng.uniform_int(0, 6))));
      area.is_outer.push_back(false);
    }
    areas.push_back(std::move(area));
  }
  return areas;
}

TEST(JurisdictionIndex, AgreesWithTheExactRuleOnRandomAreas) {
  Rng rng(42);
  for (const auto& [span, stretch] : {std::pair{40, 1}, std::pair{1000, 1}, std::pair{3000000, 1}, std::pair{1000, 3000},
                                     std::pair{30, 20}}) {
    for (int round = 0; round < 20; ++round) {
      const auto areas = random_areas(rng, 1 + static_cast<int>(rng.uniform_int(0, 12)), span, stretch);
      const jurisdiction::AreaIndex index(areas);
      auto expected = [&](FixedPoint p) {
        for (std::size_t i = 0; i < areas.size(); ++i) {
          if (jurisdiction::contains(areas[i], p)) return static_cast<std::int32_t>(i);
        }
        return jurisdiction::AreaIndex::kNone;
      };
      for (int i = 0; i < 2000; ++i) {
        const FixedPoint p{static_cast<std::int32_t>(rng.uniform_int(-span / 2, span + span / 2) * stretch +
                                                     rng.uniform_int(0, stretch - 1)),
                           static_cast<std::int32_t>(rng.uniform_int(-span / 2, span + span / 2))};
        ASSERT_EQ(index.locate(p), expected(p)) << "span " << span << " at " << p.x << "," << p.y;
      }
      for (const auto& area : areas) {  // every vertex, and the middles of edges
        for (const auto& ring : area.rings) {
          for (std::size_t k = 0; k < ring.size(); ++k) {
            const FixedPoint a = ring[k], b = ring[(k + 1) % ring.size()];
            const FixedPoint mid{static_cast<std::int32_t>((std::int64_t{a.x} + b.x) / 2),
                                 static_cast<std::int32_t>((std::int64_t{a.y} + b.y) / 2)};
            ASSERT_EQ(index.locate(a), expected(a)) << "span " << span << " at " << a.x << "," << a.y;
            ASSERT_EQ(index.locate(mid), expected(mid)) << "span " << span << " at " << mid.x << "," << mid.y;
          }
        }
      }
    }
  }
  EXPECT_EQ(jurisdiction::AreaIndex().locate({0, 0}), jurisdiction::AreaIndex::kNone);
}

// The shared real extracts have no police boundaries at the default levels; reading them
// must still finish quickly and fail, or succeed, with a clear answer.
TEST(JurisdictionsRealData, SharedExtractsAreReadQuickly) {
  const fs::path dir = fs::path(SHOUWANG_SHARED_DATA) / "osm";
  if (!fs::is_directory(dir)) GTEST_SKIP() << "no shared OSM data";
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".pbf") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    const auto start = std::chrono::steady_clock::now();
    const auto tree = read_jurisdictions(file.string());
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (tree.ok()) {
      std::printf("[ figures  ] %s: %zu units, %zu notes, read in %.1f ms\n", file.filename().c_str(), tree->size(),
                  tree->notes().size(), ms);
    } else {
      EXPECT_EQ(tree.error().code, Errc::kInvalidArgument) << tree.error().message;
      std::printf("[ figures  ] %s: %s, read in %.1f ms\n", file.filename().c_str(), tree.error().message.c_str(), ms);
    }
  }
}

}  // namespace
}  // namespace shouwang::osm
