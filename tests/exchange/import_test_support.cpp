#include "import_test_support.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>

#include "exchange/sha256.h"

namespace shouwang::exchange::testing {

namespace fs = std::filesystem;

fs::path source_dir() { return SHOUWANG_SOURCE_DIR; }
fs::path shared_incidents() { return fs::path(SHOUWANG_SHARED_DATA) / "incidents"; }

const cad::Taxonomy& taxonomy() {
  static const cad::Taxonomy loaded = [] {
    auto t = cad::load_taxonomy(source_dir() / "data" / "taxonomy");
    if (!t) {
      ADD_FAILURE() << t.error().message;
      std::abort();
    }
    return std::move(t).value();
  }();
  return loaded;
}

cad::Centre test_centre() { return *cad::make_centre("310100", 480); }

TempDir::TempDir(std::string_view name)
    : path_(fs::temp_directory_path() / ("shouwang-" + std::string(name) + "-" + std::to_string(::getpid()))) {
  fs::remove_all(path_);
  fs::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

ImportSource source_from_text(std::string_view file_name, std::string text) {
  ImportSource source;
  source.file_name = std::string(file_name);
  source.sha256 = detail::sha256_hex(text);
  source.text = std::move(text);
  return source;
}

ImportMapping mapping_from_text(std::string_view text) {
  auto mapping = parse_import_mapping(text, "test.toml", taxonomy());
  EXPECT_TRUE(mapping.ok()) << mapping.error().message;
  if (!mapping) return {};
  return std::move(mapping).value();
}

const std::string_view kTestHeader = "id,call,notify,arrive,clear,lat,lon,kind,station,address\n";

const std::string_view kTestMapping = R"(
name = "test"
[record]
id = "id"
summary = "{kind} at {address}"
[time]
timezone = "America/Los_Angeles"
format = "%Y-%m-%d %H:%M"
received = "call"
dispatched = "notify"
arrived = "arrive"
cleared = "clear"
[location]
lat = "lat"
lon = "lon"
text = "{address}"
uncertainty_m = 20
bounds = [-123.0, 45.0, -122.0, 46.0]
[dispatch]
target = "station"
kind = "station"
name = "Station {station}"
[type]
default = "09"
unmapped = "default"
[[type.match]]
column = "kind"
values = { FIRE = "04", THEFT = "0105", CRASH = "0301" }
[disposition]
default = "30"
)";

}  // namespace shouwang::exchange::testing
