#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include <shouwang/osm/ch_file.h>
#include <shouwang/routing/ch_query.h>

namespace shouwang::osm {
namespace {

namespace fs = std::filesystem;

routing::RoadGraph ring(std::uint32_t n, routing::Weight step) {
  std::vector<LatLon> coords;
  std::vector<routing::ArcInput> arcs;
  for (std::uint32_t v = 0; v < n; ++v) {
    coords.push_back({31.0 + 0.001 * v, 121.0});
    arcs.push_back({NodeId(v), NodeId((v + 1) % n), step, 100});
    arcs.push_back({NodeId((v + 1) % n), NodeId(v), step * 2, 100});
  }
  return std::move(routing::RoadGraph::build(coords, arcs)).value();
}

class ChFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("shouwang-chfile-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    path_ = (dir_ / kChFileName).string();
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
  std::string path_;
};

TEST_F(ChFileTest, RoundTripsAndAnswersTheSame) {
  const auto graph = ring(50, 1000);
  const auto ch = routing::ContractionHierarchy::build(graph);
  ASSERT_TRUE(write_ch_file(path_, ch, graph).ok());
  const auto back = read_ch_file(path_, graph);
  ASSERT_TRUE(back.ok()) << back.error().to_string();
  routing::ChQuery a(ch), b(*back);
  for (std::uint32_t s = 0; s < 50; s += 7) {
    for (std::uint32_t t = 0; t < 50; t += 3) EXPECT_EQ(a.distance(NodeId(s), NodeId(t)), b.distance(NodeId(s), NodeId(t)));
  }
  EXPECT_EQ(a.distance(NodeId(0), NodeId(10)), 10'000u);
}

TEST_F(ChFileTest, RefusesAHierarchyOfAnotherGraphAndDamage) {
  const auto graph = ring(30, 1000);
  ASSERT_TRUE(write_ch_file(path_, routing::ContractionHierarchy::build(graph), graph).ok());
  const auto other = read_ch_file(path_, ring(30, 1500));
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, Errc::kInvalidArgument);
  EXPECT_NE(other.error().message.find("another road graph"), std::string::npos);
  {
    std::fstream f(path_, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(40);
    f.put('\x55');
  }
  const auto damaged = read_ch_file(path_, graph);
  ASSERT_FALSE(damaged.ok());
  EXPECT_EQ(damaged.error().code, Errc::kCorrupt);
  EXPECT_EQ(read_ch_file((dir_ / "none").string(), graph).error().code, Errc::kNotFound);
}

}  // namespace
}  // namespace shouwang::osm
