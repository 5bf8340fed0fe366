#include "city_org.h"

namespace shouwang::cli {

Result<osm::Jurisdictions> load_city_org(const std::filesystem::path& data) {
  const std::filesystem::path geojson = data / "jurisdictions.geojson";
  if (std::filesystem::exists(geojson))
    return osm::read_jurisdictions_geojson(geojson.string());
  return osm::read_jurisdictions((data / "city.osm.pbf").string());
}

}  // namespace shouwang::cli
