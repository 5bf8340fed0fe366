#include "server/stats/lattice_area.h"

#include <cmath>

namespace shouwang::server::stats {

namespace an = analytics;

Result<LatticeArea> lattice_area(const an::PlanarBox& box, double cell, double pad,
                                 std::size_t max_cells) {
  const Xy lo{std::floor((box.min.x - pad) / cell) * cell,
              std::floor((box.min.y - pad) / cell) * cell};
  const Xy hi{box.max.x + pad, box.max.y + pad};
  if ((hi.x - lo.x) / cell * ((hi.y - lo.y) / cell) > static_cast<double>(max_cells))
    return Error(Errc::kInvalidArgument,
                 "the area needs more than " + std::to_string(max_cells) +
                     " cells at this size; use a larger cell",
                 "cell");
  auto boundary = an::Boundary::from_rings({{lo, {hi.x, lo.y}, hi, {lo.x, hi.y}}});
  if (!boundary)
    return boundary.error();
  auto grid = an::StudyGrid::over(*boundary, cell);
  if (!grid)
    return grid.error();
  return LatticeArea{std::move(*boundary), std::move(*grid)};
}

nlohmann::json cell_polygon(const an::IncidentHistory& history, const an::StudyGrid& grid,
                            std::uint32_t index) {
  const Xy sw = grid.south_west(index);
  const double c = grid.cell();
  nlohmann::json ring = nlohmann::json::array();
  for (const Xy p : {sw, Xy{sw.x + c, sw.y}, Xy{sw.x + c, sw.y + c}, Xy{sw.x, sw.y + c}, sw}) {
    const LatLon ll = history.to_lat_lon(p);
    ring.push_back({std::round(ll.lon * 1e6) / 1e6, std::round(ll.lat * 1e6) / 1e6});
  }
  return nlohmann::json::array({ring});
}

}  // namespace shouwang::server::stats
