#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include <shouwang/osm/graph_file.h>

namespace shouwang::osm {
namespace {

namespace fs = std::filesystem;

class GraphFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("shouwang-graphfile-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    path_ = (dir_ / kGraphFileName).string();
    auto g = routing::RoadGraph::build({{31.0, 121.0}, {31.001, 121.0}, {31.001, 121.001}},
                                       {{NodeId(0), NodeId(1), 1500, 1112}, {NodeId(1), NodeId(2), 900, 953},
                                        {NodeId(2), NodeId(0), 2000, 1500}});
    contents_.graph = std::move(g).value();
    contents_.osm_node_ids = {101, 102, 103};
    ASSERT_TRUE(write_graph_file(path_, contents_).ok());
  }
  void TearDown() override { fs::remove_all(dir_); }
  void patch(std::size_t offset, char byte) {
    std::fstream f(path_, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(offset));
    f.put(byte);
  }
  fs::path dir_;
  std::string path_;
  GraphFileContents contents_;
};

TEST_F(GraphFileTest, RoundTrips) {
  const auto back = read_graph_file(path_);
  ASSERT_TRUE(back.ok()) << back.error().to_string();
  EXPECT_EQ(back->graph.node_count(), 3u);
  EXPECT_EQ(back->graph.arc_count(), 3u);
  EXPECT_EQ(back->graph.time_ms(ArcId(1)), 900u);
  EXPECT_EQ(back->graph.length_dm(ArcId(2)), 1500u);
  EXPECT_NEAR(back->graph.coordinate(NodeId(2)).lon, 121.001, 1e-7);
  EXPECT_EQ(back->osm_node_ids, (std::vector<std::int64_t>{101, 102, 103}));
  EXPECT_FALSE(fs::exists(path_ + ".partial"));
}

TEST_F(GraphFileTest, DetectsDamage) {
  patch(60, '\x7f');
  const auto damaged = read_graph_file(path_);
  ASSERT_FALSE(damaged.ok());
  EXPECT_EQ(damaged.error().code, Errc::kCorrupt);
  EXPECT_NE(damaged.error().message.find("checksum"), std::string::npos);
  EXPECT_NE(damaged.error().message.find(path_), std::string::npos);
}

TEST_F(GraphFileTest, DetectsTruncationBadMagicAndOtherVersions) {
  fs::resize_file(path_, fs::file_size(path_) - 10);
  EXPECT_EQ(read_graph_file(path_).error().code, Errc::kCorrupt);
  ASSERT_TRUE(write_graph_file(path_, contents_).ok());
  patch(8, 9);  // the version field
  const auto other = read_graph_file(path_);
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, Errc::kInvalidArgument);
  EXPECT_NE(other.error().message.find("another version"), std::string::npos);
  patch(0, 'X');
  EXPECT_NE(read_graph_file(path_).error().message.find("bad magic"), std::string::npos);
  EXPECT_EQ(read_graph_file((dir_ / "none.swg").string()).error().code, Errc::kNotFound);
}

}  // namespace
}  // namespace shouwang::osm
