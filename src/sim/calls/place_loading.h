#pragma once
// The place index of a city data directory: place_index.swi as `shouwang import-osm` wrote
// it, or, when there is none, the places read from the city's OSM file.

#include <filesystem>

#include <shouwang/base/result.h>
#include <shouwang/osm/place_index.h>

namespace shouwang::sim::calls {

// Errors of the index file (other than its absence) and of the OSM file pass through.
Result<osm::PlaceIndex> load_place_index(const std::filesystem::path& data_dir);

}  // namespace shouwang::sim::calls
