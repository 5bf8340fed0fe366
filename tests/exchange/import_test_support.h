#pragma once
// Shared set-up for the import tests: the shipped taxonomy, temporary directories, CSV and
// mapping text turned into the importer's inputs, and the shared real data (when present).

#include <filesystem>
#include <string>
#include <string_view>

#include <shouwang/cad/centre.h>
#include <shouwang/cad/taxonomy.h>
#include <shouwang/exchange/import_mapping.h>
#include <shouwang/exchange/import_source.h>

namespace shouwang::exchange::testing {

std::filesystem::path source_dir();        // the repository
std::filesystem::path shared_incidents();  // ../shared/data/incidents, which may be absent
const cad::Taxonomy& taxonomy();           // data/taxonomy; loading failures abort the test
cad::Centre test_centre();                 // 310100, +08:00

// A fresh directory under the system's temporary directory, removed with its contents.
class TempDir {
 public:
  explicit TempDir(std::string_view name);
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  [[nodiscard]] std::string sqlite_url() const { return "sqlite:" + (path_ / "events.db").string(); }

 private:
  std::filesystem::path path_;
};

// The CSV text as the importer would read it from a file called `file_name`.
ImportSource source_from_text(std::string_view file_name, std::string text);
// The mapping text parsed as "test.toml"; a parse error fails the calling test.
ImportMapping mapping_from_text(std::string_view text);

// A small mapping over the columns id,call,notify,arrive,clear,lat,lon,kind,station,address
// (times "%Y-%m-%d %H:%M" in America/Los_Angeles), used by several tests.
extern const std::string_view kTestMapping;
extern const std::string_view kTestHeader;

}  // namespace shouwang::exchange::testing
