#include <algorithm>
#include <cmath>

#include <shouwang/analytics/study_grid.h>

namespace shouwang::analytics {
namespace {

// Whether the horizontal line at y crosses edge (a, b), by the half-open rule that makes
// a vertex count once; and where.
bool crosses(Xy a, Xy b, double y) { return (a.y > y) != (b.y > y); }
double crossing_x(Xy a, Xy b, double y) { return a.x + (y - a.y) * (b.x - a.x) / (b.y - a.y); }

bool ring_contains(const std::vector<Xy>& ring, Xy p) {
  bool inside = false;
  for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
    if (crosses(ring[j], ring[i], p.y) && p.x < crossing_x(ring[j], ring[i], p.y))
      inside = !inside;
  }
  return inside;
}

double signed_area(const std::vector<Xy>& ring) {
  double twice = 0.0;
  for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
    twice += (ring[j].x - ring[i].x) * (ring[j].y + ring[i].y);
  return twice / 2.0;
}

}  // namespace

Result<Boundary> Boundary::from_rings(std::vector<std::vector<Xy>> rings) {
  if (rings.empty())
    return Error{Errc::kInvalidArgument, "the boundary has no rings"};
  Boundary b;
  for (std::size_t r = 0; r < rings.size(); ++r) {
    auto& ring = rings[r];
    if (ring.size() > 1 && ring.front() == ring.back())
      ring.pop_back();
    if (ring.size() < 3)
      return Error{Errc::kInvalidArgument,
                   "boundary ring " + std::to_string(r + 1) + " has fewer than three points"};
    PlanarBox box;
    for (const Xy p : ring) {
      if (!std::isfinite(p.x) || !std::isfinite(p.y))
        return Error{Errc::kInvalidArgument,
                     "boundary ring " + std::to_string(r + 1) + " has a point that is not finite"};
      box.min = {std::min(box.min.x, p.x), std::min(box.min.y, p.y)};
      box.max = {std::max(box.max.x, p.x), std::max(box.max.y, p.y)};
    }
    b.bounds_.min = {std::min(b.bounds_.min.x, box.min.x), std::min(b.bounds_.min.y, box.min.y)};
    b.bounds_.max = {std::max(b.bounds_.max.x, box.max.x), std::max(b.bounds_.max.y, box.max.y)};
    b.ring_bounds_.push_back(box);
  }
  b.rings_ = std::move(rings);
  // A ring inside an odd number of others is a hole; its first point decides (rings of a
  // valid polygon do not cross).
  for (std::size_t r = 0; r < b.rings_.size(); ++r) {
    int depth = 0;
    for (std::size_t o = 0; o < b.rings_.size(); ++o) {
      if (o != r && b.ring_bounds_[o].contains(b.rings_[r].front()) &&
          ring_contains(b.rings_[o], b.rings_[r].front()))
        ++depth;
    }
    const double area = std::abs(signed_area(b.rings_[r]));
    b.area_ += depth % 2 == 0 ? area : -area;
  }
  return b;
}

bool Boundary::contains(Xy p) const {
  if (!bounds_.contains(p))
    return false;
  bool inside = false;
  for (std::size_t r = 0; r < rings_.size(); ++r) {
    if (ring_bounds_[r].contains(p) && ring_contains(rings_[r], p))
      inside = !inside;
  }
  return inside;
}

Result<StudyGrid> StudyGrid::over(const Boundary& boundary, double cell) {
  if (!(cell > 0.0) || !std::isfinite(cell))
    return Error{Errc::kInvalidArgument, "the cell side must be a positive number"};
  const PlanarBox& box = boundary.bounds();
  const double columns = std::max(1.0, std::ceil((box.max.x - box.min.x) / cell));
  const double rows = std::max(1.0, std::ceil((box.max.y - box.min.y) / cell));
  if (columns * rows > static_cast<double>(1u << 28))
    return Error{Errc::kInvalidArgument, "the cell side is too small for the boundary: more than 2^28 cells"};
  StudyGrid g;
  g.origin_ = box.min;
  g.cell_ = cell;
  g.columns_ = static_cast<std::uint32_t>(columns);
  g.rows_ = static_cast<std::uint32_t>(rows);
  g.index_by_id_.assign(static_cast<std::size_t>(g.columns_) * g.rows_, kOutsideStudy);
  // Scan each row's centre line: a centre is inside when an odd number of edge crossings
  // lie east of it (the rule Boundary::contains uses, so the two always agree).
  std::vector<double> xs;
  for (std::uint32_t row = 0; row < g.rows_; ++row) {
    const double y = g.origin_.y + (row + 0.5) * cell;
    xs.clear();
    for (const auto& ring : boundary.rings()) {
      for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        if (crosses(ring[j], ring[i], y))
          xs.push_back(crossing_x(ring[j], ring[i], y));
      }
    }
    std::sort(xs.begin(), xs.end());
    std::size_t east_start = 0;  // crossings [east_start, size) lie east of the centre
    for (std::uint32_t column = 0; column < g.columns_; ++column) {
      const double x = g.origin_.x + (column + 0.5) * cell;
      while (east_start < xs.size() && xs[east_start] <= x)
        ++east_start;
      if ((xs.size() - east_start) % 2 == 1) {
        const std::uint32_t id = row * g.columns_ + column;
        g.index_by_id_[id] = static_cast<std::uint32_t>(g.ids_.size());
        g.ids_.push_back(id);
      }
    }
  }
  return g;
}

Xy StudyGrid::south_west(std::uint32_t index) const {
  return {origin_.x + column(index) * cell_, origin_.y + row(index) * cell_};
}

Xy StudyGrid::centre(std::uint32_t index) const {
  const Xy sw = south_west(index);
  return {sw.x + cell_ / 2.0, sw.y + cell_ / 2.0};
}

std::uint32_t StudyGrid::index_at(std::int64_t column, std::int64_t row) const {
  if (column < 0 || row < 0 || column >= columns_ || row >= rows_)
    return kOutsideStudy;
  return index_by_id_[static_cast<std::size_t>(row) * columns_ + static_cast<std::size_t>(column)];
}

std::uint32_t StudyGrid::index_of(Xy p) const {
  const double column = std::floor((p.x - origin_.x) / cell_);
  const double row = std::floor((p.y - origin_.y) / cell_);
  if (!std::isfinite(column) || !std::isfinite(row))
    return kOutsideStudy;
  return index_at(static_cast<std::int64_t>(column), static_cast<std::int64_t>(row));
}

}  // namespace shouwang::analytics
