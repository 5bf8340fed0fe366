#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <unistd.h>
#include <vector>

#include <gtest/gtest.h>

#include <shouwang/base/random.h>
#include <shouwang/osm/city_generator.h>
#include <shouwang/osm/graph_file.h>
#include <shouwang/osm/road_import.h>
#include <shouwang/osm/snap_file.h>

namespace shouwang::osm {
namespace {

namespace fs = std::filesystem;

fs::path temp_dir() {
  return fs::temp_directory_path() / ("shouwang-snapfile-" + std::to_string(::getpid()));
}

// The roads of a small demo city as a loader sees them: imported, written and read back.
const routing::RoadGraph& demo_graph() {
  static const std::unique_ptr<GraphFileContents> contents = [] {
    const fs::path dir = temp_dir() / "city";
    fs::create_directories(dir);
    const std::string pbf = (dir / "city.osm.pbf").string(),
                      graph = (dir / kGraphFileName).string();
    EXPECT_TRUE(write_demo_city({4, 6.0}, pbf).ok());
    auto roads = import_roads(pbf, CarProfile::chinese_urban());
    EXPECT_TRUE(roads.ok());
    EXPECT_TRUE(
        write_graph_file(graph, {std::move(roads->graph), std::move(roads->osm_node_ids), false})
            .ok());
    auto back = read_graph_file(graph);
    fs::remove_all(dir);
    return std::make_unique<GraphFileContents>(std::move(back).value());
  }();
  return contents->graph;
}

// The same roads with every node moved 1 m north: the structure and times are unchanged.
routing::RoadGraph moved_copy(const routing::RoadGraph& g) {
  std::vector<LatLon> coordinates(g.coordinates().begin(), g.coordinates().end());
  for (LatLon& c : coordinates)
    c.lat += 1e-5;
  return std::move(routing::RoadGraph::from_arrays(
                       {g.first_out().begin(), g.first_out().end()},
                       {g.heads().begin(), g.heads().end()}, {g.times().begin(), g.times().end()},
                       {g.lengths().begin(), g.lengths().end()}, std::move(coordinates)))
      .value();
}

class SnapFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(temp_dir());
    path_ = (temp_dir() / kSnapFileName).string();
    ASSERT_TRUE(write_snap_file(path_, routing::SnapIndex(demo_graph())).ok());
  }
  void TearDown() override { fs::remove_all(temp_dir()); }
  void patch(std::size_t offset, char byte) {
    std::fstream f(path_, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(offset));
    f.put(byte);
  }
  bool names_the_file(const Error& e) const { return e.message.find(path_) != std::string::npos; }
  std::string path_;
};

TEST_F(SnapFileTest, RoundTripsAndSnapsLikeAFreshIndex) {
  const routing::RoadGraph& g = demo_graph();
  const routing::SnapIndex fresh(g);
  const auto back = read_snap_file(path_, g);
  ASSERT_TRUE(back.ok()) << back.error().to_string();
  EXPECT_FALSE(fs::exists(path_ + ".partial"));
  EXPECT_TRUE(std::ranges::equal(back->cell_first(), fresh.cell_first()));
  EXPECT_TRUE(std::ranges::equal(back->cell_arcs(), fresh.cell_arcs()));

  double min_lat = 90, max_lat = -90, min_lon = 180, max_lon = -180;
  for (const LatLon& c : g.coordinates()) {
    min_lat = std::min(min_lat, c.lat), max_lat = std::max(max_lat, c.lat);
    min_lon = std::min(min_lon, c.lon), max_lon = std::max(max_lon, c.lon);
  }
  Rng rng(17);
  std::size_t snapped = 0, refused = 0;
  for (int i = 0; i < 10'000; ++i) {
    // Somewhat beyond the city's box, and with a short reach every other time, so that
    // both answers (a snap, "no road within") are compared.
    const LatLon p{rng.uniform(min_lat - 0.005, max_lat + 0.005),
                   rng.uniform(min_lon - 0.005, max_lon + 0.005)};
    const Meters reach(i % 2 == 0 ? 1000.0 : 60.0);
    const auto a = fresh.snap(p, reach), b = back->snap(p, reach);
    ASSERT_EQ(a.ok(), b.ok()) << "query " << i;
    if (!a.ok()) {
      EXPECT_EQ(a.error().message, b.error().message);
      ++refused;
      continue;
    }
    ++snapped;
    ASSERT_EQ(a->arc, b->arc) << "query " << i;
    ASSERT_EQ(a->from, b->from);
    ASSERT_EQ(a->to, b->to);
    ASSERT_EQ(a->reverse, b->reverse);
    ASSERT_EQ(a->t, b->t);
    ASSERT_EQ(a->point, b->point);
    ASSERT_EQ(a->distance.value(), b->distance.value());
  }
  EXPECT_GT(snapped, 5'000u);
  EXPECT_GT(refused, 100u);
}

TEST_F(SnapFileTest, AFlippedByteIsAChecksumErrorNamingTheFile) {
  const auto size = fs::file_size(path_);
  patch(size / 2, static_cast<char>(0x5A));
  patch(size / 2 + 1, static_cast<char>(0xA5));
  const auto damaged = read_snap_file(path_, demo_graph());
  ASSERT_FALSE(damaged.ok());
  EXPECT_EQ(damaged.error().code, Errc::kCorrupt);
  EXPECT_NE(damaged.error().message.find("checksum mismatch"), std::string::npos)
      << damaged.error().message;
  EXPECT_TRUE(names_the_file(damaged.error()));
}

TEST_F(SnapFileTest, ATruncatedFileIsCorrupt) {
  for (const std::uintmax_t keep : {fs::file_size(path_) - 3, fs::file_size(path_) / 2,
                                    std::uintmax_t{40}, std::uintmax_t{6}}) {
    fs::resize_file(path_, keep);
    const auto truncated = read_snap_file(path_, demo_graph());
    ASSERT_FALSE(truncated.ok()) << keep;
    EXPECT_EQ(truncated.error().code, Errc::kCorrupt) << truncated.error().message;
    EXPECT_TRUE(names_the_file(truncated.error())) << truncated.error().message;
  }
}

TEST_F(SnapFileTest, AnotherFormatVersionIsRefusedAsSuch) {
  patch(8, static_cast<char>(kSnapFileVersion + 1));  // the version follows the 8-byte magic
  const auto other = read_snap_file(path_, demo_graph());
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, Errc::kInvalidArgument);
  EXPECT_NE(other.error().message.find("written by another version"), std::string::npos)
      << other.error().message;
  EXPECT_TRUE(names_the_file(other.error()));
  patch(0, 'X');
  const auto magic = read_snap_file(path_, demo_graph());
  EXPECT_EQ(magic.error().code, Errc::kCorrupt);
  EXPECT_NE(magic.error().message.find("bad magic"), std::string::npos) << magic.error().message;
}

TEST_F(SnapFileTest, AnIndexOfAnotherGraphIsRefused) {
  // Moved roads with the same structure: a contraction hierarchy would still fit them, a
  // snapping index does not.
  const routing::RoadGraph moved = moved_copy(demo_graph());
  const routing::RoadGraph other =
      std::move(routing::RoadGraph::build(
                    {{31.0, 121.0}, {31.001, 121.0}},
                    {{NodeId(0), NodeId(1), 100, 111}, {NodeId(1), NodeId(0), 100, 111}}))
          .value();
  for (const routing::RoadGraph* g : {&moved, &other}) {
    const auto stale = read_snap_file(path_, *g);
    ASSERT_FALSE(stale.ok());
    EXPECT_EQ(stale.error().code, Errc::kInvalidArgument);
    EXPECT_NE(stale.error().message.find("another road graph"), std::string::npos)
        << stale.error().message;
    EXPECT_TRUE(names_the_file(stale.error()));
  }
  ASSERT_TRUE(write_snap_file(path_, routing::SnapIndex(moved)).ok());
  EXPECT_TRUE(read_snap_file(path_, moved).ok());
  EXPECT_FALSE(read_snap_file(path_, demo_graph()).ok());
}

TEST_F(SnapFileTest, AMissingFileSaysHowToMakeOne) {
  const std::string missing = (temp_dir() / "none" / kSnapFileName).string();
  const auto none = read_snap_file(missing, demo_graph());
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, Errc::kNotFound);
  EXPECT_NE(none.error().message.find(missing), std::string::npos) << none.error().message;
  EXPECT_NE(none.error().message.find("shouwang import-osm"), std::string::npos)
      << none.error().message;
}

}  // namespace
}  // namespace shouwang::osm
