#pragma once
// What `shouwang circles` needs of a city data directory: its road network, its key sites
// and posts (from the event log's registry, from the city's POIs, or planned), historical
// incidents as demand, and a grid of candidate places for posts.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <shouwang/base/geo.h>
#include <shouwang/base/result.h>
#include <shouwang/cad/commands.h>
#include <shouwang/cad/state.h>
#include <shouwang/osm/graph_file.h>
#include <shouwang/osm/jurisdictions.h>
#include <shouwang/osm/place_index.h>
#include <shouwang/routing/contraction_hierarchy.h>
#include <shouwang/routing/snap_index.h>

namespace shouwang::cli {

struct CityRoads {
  osm::GraphFileContents graph;
  std::optional<routing::ContractionHierarchy> hierarchy;
  std::optional<routing::SnapIndex> index;
};

// The files `shouwang import-osm` wrote.
Result<std::unique_ptr<CityRoads>> load_city_roads(const std::filesystem::path& data);

// Key sites from the city's POIs: transport hubs and government buildings promise 1 minute,
// schools and hospitals 3, markets 5. Ids S-0001.. in the index's order; the station is the
// one whose area holds the POI ("" without an organisation).
std::vector<cad::RegisterSite> sites_from_pois(const osm::PlaceIndex& places, const osm::Jurisdictions* org);

// Candidate places for posts: a square grid of `spacing` over the road network's extent,
// each point moved onto the nearest road (points farther than half the spacing from every
// road are dropped).
std::vector<LatLon> candidate_grid(const CityRoads& roads, Meters spacing);

// The positions of the incidents in the state with a known location, and a weight by
// priority (priority 1 counts 4, priority 4 counts 1).
struct IncidentDemand {
  std::vector<LatLon> positions;
  std::vector<double> weights;
};
IncidentDemand incidents_of(const cad::State& state);

// Incident positions from a CSV file with `lat` and `lon` columns (named otherwise by the
// arguments); rows without a valid position are counted in `skipped`.
Result<IncidentDemand> incidents_from_csv(const std::filesystem::path& file, const std::string& lat_column,
                                          const std::string& lon_column, std::size_t& skipped);

}  // namespace shouwang::cli
