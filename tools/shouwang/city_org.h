#pragma once
// The organisation of a city data directory as the verbs find it, the way `shouwang serve`
// does: a bureau's own DIR/jurisdictions.geojson, else the boundaries in DIR/city.osm.pbf.

#include <filesystem>

#include <shouwang/base/result.h>
#include <shouwang/osm/jurisdictions.h>

namespace shouwang::cli {

Result<osm::Jurisdictions> load_city_org(const std::filesystem::path& data);

}  // namespace shouwang::cli
