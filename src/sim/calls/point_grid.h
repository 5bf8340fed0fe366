#pragma once
// Nearest-point search over a fixed set of positions in one city: a uniform grid of square
// cells in a local metric frame, each cell listing the points inside it. Immutable after
// construction; safe to share between threads.

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include <shouwang/base/geo.h>

namespace shouwang::sim::calls {

class PointGrid {
 public:
  PointGrid() : frame_(LatLon{}) {}
  // `frame` should be centred on the city; `cell_metres` about the usual search radius.
  PointGrid(const LocalProjection& frame, const std::vector<LatLon>& points, double cell_metres);

  struct Found {
    std::uint32_t index = 0;  // into the points given
    double metres = 0;
  };
  // The nearest point within `radius` metres for which `accept` (if given) holds; ties go
  // to the lower index.
  [[nodiscard]] std::optional<Found> nearest(
      LatLon p, double radius, const std::function<bool(std::uint32_t)>& accept = {}) const;

  [[nodiscard]] const LocalProjection& frame() const { return frame_; }

 private:
  LocalProjection frame_;
  double cell_ = 1;
  double min_x_ = 0, min_y_ = 0;
  std::int64_t columns_ = 0, rows_ = 0;
  std::vector<std::uint32_t> first_;  // CSR over cells
  std::vector<std::uint32_t> items_;
  std::vector<Xy> xy_;
};

}  // namespace shouwang::sim::calls
