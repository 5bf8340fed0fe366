#pragma once
// The cells of a map answer (hotspots, patrol plan): squares of a side in metres over the
// incidents' extent, their corner on the lattice of that side through the history's grid
// origin, so that a cell is the same square in every answer at that size; and a cell as a
// GeoJSON polygon in longitude and latitude.

#include <cstddef>

#include <nlohmann/json.hpp>

#include <shouwang/analytics/incident_history.h>
#include <shouwang/analytics/study_grid.h>
#include <shouwang/base/result.h>

namespace shouwang::server::stats {

struct LatticeArea {
  analytics::Boundary boundary;
  analytics::StudyGrid grid;
};

// The cells over `box` (planar metres) with `pad` to spare on every side.
// kInvalidArgument naming "cell" when that takes more than `max_cells` cells.
Result<LatticeArea> lattice_area(const analytics::PlanarBox& box, double cell, double pad,
                                 std::size_t max_cells);

// The cell `index` of `grid` as GeoJSON Polygon coordinates (one closed ring, 6 decimals).
nlohmann::json cell_polygon(const analytics::IncidentHistory& history,
                            const analytics::StudyGrid& grid, std::uint32_t index);

}  // namespace shouwang::server::stats
