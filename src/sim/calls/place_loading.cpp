#include "sim/calls/place_loading.h"

#include <utility>

namespace shouwang::sim::calls {

Result<osm::PlaceIndex> load_place_index(const std::filesystem::path& data_dir) {
  auto index = osm::read_place_index((data_dir / osm::kPlaceIndexFileName).string());
  if (index)
    return std::move(index).value();
  if (index.error().code != Errc::kNotFound)
    return index.error();
  auto places = osm::read_places((data_dir / "city.osm.pbf").string());
  if (!places)
    return places.error();
  return osm::PlaceIndex::build(std::move(places).value());
}

}  // namespace shouwang::sim::calls
