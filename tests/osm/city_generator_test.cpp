#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <numbers>
#include <set>
#include <unistd.h>

#include <shouwang/osm/city_generator.h>

#include "osm/osm_reader.h"

namespace shouwang::osm {
namespace {

namespace fs = std::filesystem;
using test::OsmData;
using test::tag;

fs::path temp_dir() {
  const fs::path dir = fs::temp_directory_path() / ("shouwang-citygen-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

bool is_drivable(const test::Tags& tags) { return !tag(tags, "highway").empty(); }

// The default demo city (seed 1, 30 km), generated once for all tests of this suite.
class DemoCity : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(temp_dir());
    const auto stats = write_demo_city(CityOptions{1, 30.0}, (*dir_ / "city.osm.pbf").string());
    ASSERT_TRUE(stats.ok()) << stats.error().to_string();
    stats_ = new CityStats(*stats);
    data_ = new OsmData(test::read_osm((*dir_ / "city.osm.pbf").string()));
  }
  static void TearDownTestSuite() {
    std::error_code ec;
    fs::remove_all(*dir_, ec);
    delete data_;
    delete stats_;
    delete dir_;
  }
  static fs::path* dir_;
  static CityStats* stats_;
  static OsmData* data_;
};
fs::path* DemoCity::dir_ = nullptr;
CityStats* DemoCity::stats_ = nullptr;
OsmData* DemoCity::data_ = nullptr;

TEST_F(DemoCity, HasAtLeast150kNodesOnRoads) {
  std::set<std::int64_t> on_roads;
  for (const auto& w : data_->ways) {
    if (is_drivable(w.tags)) on_roads.insert(w.refs.begin(), w.refs.end());
  }
  EXPECT_GE(on_roads.size(), 150'000u);
  EXPECT_EQ(on_roads.size(), stats_->highway_nodes);
}

TEST_F(DemoCity, EveryReferenceResolvesAndIdsAreSorted) {
  for (const auto& w : data_->ways) {
    ASSERT_GE(w.refs.size(), 2u) << "way " << w.id;
    for (auto ref : w.refs) ASSERT_TRUE(data_->nodes.count(ref)) << "way " << w.id << " -> node " << ref;
  }
  std::set<std::int64_t> way_ids;
  for (const auto& w : data_->ways) way_ids.insert(w.id);
  for (const auto& r : data_->relations) {
    for (const auto& [type, ref] : r.members) {
      EXPECT_EQ(type, 'w');
      EXPECT_TRUE(way_ids.count(ref)) << "relation " << r.id << " -> way " << ref;
    }
  }
  EXPECT_TRUE(std::is_sorted(data_->node_order.begin(), data_->node_order.end()));
}

TEST_F(DemoCity, NamedStreetsAreBilingual) {
  std::size_t named = 0;
  for (const auto& w : data_->ways) {
    if (!is_drivable(w.tags) || tag(w.tags, "name").empty()) continue;
    ++named;
    const std::string en = tag(w.tags, "name:en");
    EXPECT_FALSE(en.empty()) << tag(w.tags, "name");
    for (unsigned char c : en) ASSERT_LT(c, 128) << "name:en must be plain Latin text: " << en;
  }
  EXPECT_GT(named, 3000u);
}

TEST_F(DemoCity, HasThousandsOfAddressesOnNamedStreets) {
  std::set<std::string> street_names;
  for (const auto& w : data_->ways) street_names.insert(tag(w.tags, "name"));
  std::size_t addresses = 0;
  for (const auto& [id, n] : data_->nodes) {
    if (tag(n.tags, "addr:housenumber").empty()) continue;
    ++addresses;
    ASSERT_TRUE(street_names.count(tag(n.tags, "addr:street"))) << tag(n.tags, "addr:street");
    ASSERT_FALSE(tag(n.tags, "addr:city").empty());
  }
  EXPECT_GE(addresses, 5000u);
}

TEST_F(DemoCity, HasTheRoadHierarchy) {
  std::map<std::string, std::size_t> classes;
  std::size_t oneway = 0, maxspeed = 0, dead_end_service = 0;
  for (const auto& w : data_->ways) {
    ++classes[tag(w.tags, "highway")];
    oneway += tag(w.tags, "oneway") == "yes";
    maxspeed += !tag(w.tags, "maxspeed").empty();
    dead_end_service += tag(w.tags, "service") == "driveway";
  }
  for (const char* cls : {"motorway", "motorway_link", "trunk", "primary", "secondary", "tertiary", "residential",
                          "service", "unclassified"}) {
    EXPECT_GT(classes[cls], 0u) << cls;
  }
  EXPECT_GE(classes["motorway_link"], 8u);  // at least two interchanges
  EXPECT_GT(oneway, 50u);
  EXPECT_GT(maxspeed, 500u);
  EXPECT_GT(dead_end_service, 100u);
}

TEST_F(DemoCity, HasDeadEndsAndSeveralGridOrientations) {
  std::map<std::int64_t, int> degree;
  std::size_t rotated = 0, residential = 0;
  for (const auto& w : data_->ways) {
    if (!is_drivable(w.tags)) continue;
    for (std::size_t i = 0; i < w.refs.size(); ++i) degree[w.refs[i]] += (i == 0 || i + 1 == w.refs.size()) ? 1 : 2;
    if (tag(w.tags, "highway") != "residential") continue;
    ++residential;
    const auto& a = data_->nodes.at(w.refs.front());
    const auto& b = data_->nodes.at(w.refs.back());
    const double bearing = std::atan2(b.lat - a.lat, (b.lon - a.lon) * std::cos(a.lat * std::numbers::pi / 180)) * 180 / std::numbers::pi;
    const double folded = std::fmod(bearing + 360.0, 90.0);
    rotated += folded > 10.0 && folded < 80.0;
  }
  std::size_t dead_ends = 0;
  for (const auto& [id, d] : degree) dead_ends += d == 1;
  EXPECT_GT(dead_ends, 1000u);
  EXPECT_GT(rotated * 10, residential) << "fewer than 10 % of residential streets run off the main axes";
}

TEST_F(DemoCity, RiverIsCrossedOnlyByAHandfulOfBridges) {
  std::size_t bridges = 0;
  for (const auto& w : data_->ways) {
    if (tag(w.tags, "bridge") == "yes") {
      EXPECT_EQ(tag(w.tags, "layer"), "1");
      bridges += tag(w.tags, "highway") != "motorway_link";  // ramps are elevated too
    }
  }
  EXPECT_GE(bridges, 3u);
  EXPECT_LE(bridges, 40u);
  EXPECT_EQ(bridges, stats_->bridges);
  bool river = false, water = false;
  for (const auto& w : data_->ways) {
    river = river || tag(w.tags, "waterway") == "river";
    water = water || tag(w.tags, "natural") == "water";
  }
  EXPECT_TRUE(river);
  EXPECT_TRUE(water);
}

TEST_F(DemoCity, HasPoliceJurisdictionsAndKeySites) {
  std::map<std::string, int> admin;
  for (const auto& r : data_->relations) {
    if (tag(r.tags, "boundary") != "administrative") continue;
    ++admin[tag(r.tags, "admin_level")];
    EXPECT_FALSE(tag(r.tags, "name:en").empty());
    EXPECT_FALSE(tag(r.tags, "ref").empty());
  }
  EXPECT_EQ(admin["5"], 1);
  EXPECT_GE(admin["6"], 4);
  EXPECT_GE(admin["8"], 20);
  std::map<std::string, int> pois;
  for (const auto& [id, n] : data_->nodes) {
    for (const char* key : {"amenity", "railway", "shop"}) {
      const std::string v = tag(n.tags, key);
      if (!v.empty()) ++pois[std::string(key) + "=" + v];
    }
  }
  EXPECT_GE(pois["amenity=police"], admin["8"]);  // every station area has its station (and more)
  EXPECT_GE(pois["amenity=school"], 50);
  EXPECT_GE(pois["amenity=hospital"], 5);
  EXPECT_GE(pois["amenity=marketplace"], 10);
  EXPECT_GE(pois["railway=station"], 2);
  EXPECT_GE(pois["amenity=bus_station"], 1);
  EXPECT_GE(pois["amenity=townhall"], 2);
}

// Strongly connected: every road node can reach every other one obeying one-way streets.
TEST_F(DemoCity, RoadNetworkIsStronglyConnected) {
  std::unordered_map<std::int64_t, std::uint32_t> index;
  std::vector<std::vector<std::uint32_t>> out, in;
  auto id_of = [&](std::int64_t ref) {
    const auto [it, inserted] = index.try_emplace(ref, static_cast<std::uint32_t>(out.size()));
    if (inserted) {
      out.emplace_back();
      in.emplace_back();
    }
    return it->second;
  };
  for (const auto& w : data_->ways) {
    if (!is_drivable(w.tags)) continue;
    const bool oneway = tag(w.tags, "oneway") == "yes";
    for (std::size_t i = 1; i < w.refs.size(); ++i) {
      const auto a = id_of(w.refs[i - 1]), b = id_of(w.refs[i]);
      out[a].push_back(b);
      in[b].push_back(a);
      if (!oneway) {
        out[b].push_back(a);
        in[a].push_back(b);
      }
    }
  }
  auto reach = [](const std::vector<std::vector<std::uint32_t>>& adj, std::uint32_t start) {
    std::vector<char> seen(adj.size(), 0);
    std::vector<std::uint32_t> stack{start};
    seen[start] = 1;
    while (!stack.empty()) {
      const auto v = stack.back();
      stack.pop_back();
      for (auto w : adj[v]) {
        if (!seen[w]) {
          seen[w] = 1;
          stack.push_back(w);
        }
      }
    }
    return seen;
  };
  // Start from a node on a primary road in the middle of the city.
  const auto fwd = reach(out, 0);
  const auto bwd = reach(in, 0);
  std::size_t both = 0;
  for (std::size_t v = 0; v < out.size(); ++v) both += fwd[v] && bwd[v];
  EXPECT_GE(static_cast<double>(both) / static_cast<double>(out.size()), 0.98)
      << both << " of " << out.size() << " road nodes are mutually reachable";
}

TEST_F(DemoCity, StatsMatchTheFile) {
  EXPECT_EQ(stats_->nodes, data_->nodes.size());
  EXPECT_EQ(stats_->ways, data_->ways.size());
  EXPECT_EQ(stats_->relations, data_->relations.size());
  EXPECT_FALSE(stats_->name_zh.empty());
  EXPECT_GT(stats_->file_bytes, 1'000'000u);
}

TEST(CityGenerator, SameSeedGivesByteIdenticalFilesOtherSeedsDiffer) {
  const fs::path dir = temp_dir();
  const auto a = write_demo_city({7, 8.0}, (dir / "a.osm.pbf").string());
  const auto b = write_demo_city({7, 8.0}, (dir / "b.osm.pbf").string());
  const auto c = write_demo_city({8, 8.0}, (dir / "c.osm.pbf").string());
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  const std::string bytes_a = slurp(dir / "a.osm.pbf");
  EXPECT_EQ(bytes_a, slurp(dir / "b.osm.pbf"));
  EXPECT_NE(bytes_a, slurp(dir / "c.osm.pbf"));
  EXPECT_GT(bytes_a.size(), 10'000u);
  fs::remove_all(dir);
}

TEST(CityGenerator, RejectsBadOptionsAndUnwritablePathsLeavingNothing) {
  const fs::path dir = temp_dir();
  const auto small = write_demo_city({1, 1.0}, (dir / "x.osm.pbf").string());
  ASSERT_FALSE(small.ok());
  EXPECT_EQ(small.error().field, "size-km");
  EXPECT_FALSE(write_demo_city({1, std::nan("")}, (dir / "x.osm.pbf").string()).ok());
  const auto missing = write_demo_city({1, 5.0}, (dir / "no-such-dir" / "x.osm.pbf").string());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, Errc::kIoError);
  const auto is_dir = write_demo_city({1, 5.0}, dir.string());
  ASSERT_FALSE(is_dir.ok());
  EXPECT_EQ(is_dir.error().code, Errc::kIoError);
  EXPECT_FALSE(fs::exists(dir / "x.osm.pbf"));
  EXPECT_TRUE(fs::is_empty(dir));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace shouwang::osm
