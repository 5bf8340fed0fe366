#include "demo_city_dir.h"

#include <fstream>
#include <mutex>
#include <sstream>
#include <unistd.h>

#include <gtest/gtest.h>

#include "cad/recommend/recommend_fixture.h"
#include "store/child_process.h"

namespace shouwang::sim::testing {
namespace {

namespace fs = std::filesystem;

// Temporary directories of this process, removed at exit.
struct TempDirs {
  std::vector<fs::path> dirs;
  ~TempDirs() {
    std::error_code ec;
    for (const auto& d : dirs)
      fs::remove_all(d, ec);
  }
};
TempDirs& temp_dirs() {
  static TempDirs dirs;
  return dirs;
}

fs::path fresh_dir(const std::string& name) {
  const fs::path dir =
      fs::temp_directory_path() / ("shouwang-sim-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  temp_dirs().dirs.push_back(dir);
  return dir;
}

}  // namespace

int run_shouwang(const std::vector<std::string>& args, std::string* output) {
  std::vector<std::string> argv{SHOUWANG_BIN};
  argv.insert(argv.end(), args.begin(), args.end());
  const fs::path out =
      fs::temp_directory_path() / ("shouwang-sim-" + std::to_string(::getpid()) + ".out");
  fs::remove(out);
  test::SpawnOptions options;
  options.output_path = out.string();
  auto code = test::run(argv, options);
  std::ifstream in(out);
  std::stringstream text;
  text << in.rdbuf();
  fs::remove(out);
  if (output != nullptr)
    *output = text.str();
  if (!code) {
    ADD_FAILURE() << code.error().message;
    return -1;
  }
  return *code;
}

const fs::path& demo_city_dir() {
  static std::mutex mutex;
  static fs::path dir;
  std::lock_guard lock(mutex);
  if (dir.empty()) {
    dir = fresh_dir("city");
    std::string out;
    EXPECT_EQ(run_shouwang({"gen-city", "--seed", "9", "--size-km", "6", "--out",
                            (dir / "city.osm.pbf").string()},
                           &out),
              0)
        << out;
    EXPECT_EQ(
        run_shouwang({"import-osm", (dir / "city.osm.pbf").string(), "--out", dir.string()}, &out),
        0)
        << out;
  }
  return dir;
}

fs::path demo_city_copy(const std::string& name) {
  const fs::path dir = fresh_dir(name);
  for (const auto& entry : fs::directory_iterator(demo_city_dir())) {
    if (entry.is_regular_file())
      fs::copy_file(entry.path(), dir / entry.path().filename());
  }
  return dir;
}

const cad::Taxonomy& taxonomy() {
  return cad::testing::shipped_taxonomy();
}

}  // namespace shouwang::sim::testing
