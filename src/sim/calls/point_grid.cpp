#include "sim/calls/point_grid.h"

#include <algorithm>
#include <cmath>

namespace shouwang::sim::calls {

PointGrid::PointGrid(const LocalProjection& frame, const std::vector<LatLon>& points,
                     double cell_metres)
    : frame_(frame), cell_(cell_metres) {
  xy_.reserve(points.size());
  double max_x = 0, max_y = 0;
  for (std::size_t i = 0; i < points.size(); ++i) {
    const Xy q = frame_.to_xy(points[i]);
    xy_.push_back(q);
    if (i == 0) {
      min_x_ = max_x = q.x;
      min_y_ = max_y = q.y;
    }
    min_x_ = std::min(min_x_, q.x);
    min_y_ = std::min(min_y_, q.y);
    max_x = std::max(max_x, q.x);
    max_y = std::max(max_y, q.y);
  }
  columns_ = static_cast<std::int64_t>((max_x - min_x_) / cell_) + 1;
  rows_ = static_cast<std::int64_t>((max_y - min_y_) / cell_) + 1;
  if (xy_.empty())
    columns_ = rows_ = 0;
  const auto cells = static_cast<std::size_t>(columns_ * rows_);
  first_.assign(cells + 1, 0);
  auto cell_of = [this](Xy q) {
    const auto cx = static_cast<std::int64_t>((q.x - min_x_) / cell_);
    const auto cy = static_cast<std::int64_t>((q.y - min_y_) / cell_);
    return static_cast<std::size_t>(cy * columns_ + cx);
  };
  for (const Xy q : xy_)
    ++first_[cell_of(q) + 1];
  for (std::size_t c = 0; c < cells; ++c)
    first_[c + 1] += first_[c];
  items_.resize(xy_.size());
  std::vector<std::uint32_t> fill(first_.begin(), first_.end() - 1);
  for (std::uint32_t i = 0; i < xy_.size(); ++i)
    items_[fill[cell_of(xy_[i])]++] = i;
}

std::optional<PointGrid::Found> PointGrid::nearest(
    LatLon p, double radius, const std::function<bool(std::uint32_t)>& accept) const {
  if (xy_.empty())
    return std::nullopt;
  const Xy q = frame_.to_xy(p);
  const auto lo_x = std::max<std::int64_t>(
      0, static_cast<std::int64_t>(std::floor((q.x - radius - min_x_) / cell_)));
  const auto hi_x = std::min<std::int64_t>(
      columns_ - 1, static_cast<std::int64_t>(std::floor((q.x + radius - min_x_) / cell_)));
  const auto lo_y = std::max<std::int64_t>(
      0, static_cast<std::int64_t>(std::floor((q.y - radius - min_y_) / cell_)));
  const auto hi_y = std::min<std::int64_t>(
      rows_ - 1, static_cast<std::int64_t>(std::floor((q.y + radius - min_y_) / cell_)));
  std::optional<Found> best;
  for (std::int64_t cy = lo_y; cy <= hi_y; ++cy) {
    for (std::int64_t cx = lo_x; cx <= hi_x; ++cx) {
      const auto c = static_cast<std::size_t>(cy * columns_ + cx);
      for (std::uint32_t k = first_[c]; k < first_[c + 1]; ++k) {
        const std::uint32_t i = items_[k];
        const double d = distance(q, xy_[i]);
        if (d > radius)
          continue;
        if (best && (d > best->metres || (d == best->metres && i > best->index)))
          continue;
        if (accept && !accept(i))
          continue;
        best = Found{i, d};
      }
    }
  }
  return best;
}

}  // namespace shouwang::sim::calls
