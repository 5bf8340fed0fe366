#include <shouwang/osm/city_summary.h>

#include <cstdlib>
#include <filesystem>

#include <osmium/io/pbf_input.hpp>
#include <osmium/io/reader.hpp>
#include <osmium/osm/relation.hpp>

namespace shouwang::osm {

Result<CitySummary> read_city_summary(const std::string& pbf_path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(pbf_path, ec)) {
    return Error(Errc::kNotFound, "no city file at " + pbf_path);
  }
  CitySummary summary;
  int best_level = 99;
  try {
    osmium::io::Reader reader(pbf_path, osmium::osm_entity_bits::relation);
    const osmium::Box box = reader.header().box();
    if (!box.valid()) {
      return Error(Errc::kInvalidArgument, pbf_path + " has no bounding box in its header");
    }
    summary.south_west = {box.bottom_left().lat(), box.bottom_left().lon()};
    summary.north_east = {box.top_right().lat(), box.top_right().lon()};
    while (osmium::memory::Buffer buffer = reader.read()) {
      for (const auto& relation : buffer.select<osmium::Relation>()) {
        const auto& tags = relation.tags();
        if (!tags.has_tag("boundary", "administrative")) continue;
        const char* level_text = tags.get_value_by_key("admin_level");
        const char* name = tags.get_value_by_key("name");
        if (level_text == nullptr || name == nullptr) continue;
        const int level = std::atoi(level_text);
        if (level <= 0 || level >= best_level) continue;
        best_level = level;
        summary.name = name;
        summary.name_en = tags.get_value_by_key("name:en", name);
        summary.code = tags.get_value_by_key("ref", "");
      }
    }
    reader.close();
  } catch (const std::exception& e) {
    return Error(Errc::kCorrupt, pbf_path + " is not a readable OSM PBF file: " + e.what());
  }
  if (summary.name.empty()) {
    return Error(Errc::kInvalidArgument, pbf_path + " has no named administrative boundary");
  }
  return summary;
}

}  // namespace shouwang::osm
