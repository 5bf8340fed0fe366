#include <algorithm>
#include <cmath>

#include <shouwang/analytics/study_grid.h>

namespace shouwang::analytics {
namespace {

// Whether the horizontal line at y crosses edge (a, b), by the half-open rule that makes
// a vertex count once; and where.
bool crosses(Xy a, Xy b, double y) {
  return (a.y > y) != (b.y > y);
}
double crossing_x(Xy a, Xy b, double y) {
  return a.x + (y - a.y) * (b.x - a.x) / (b.y - a.y);
}

bool ring_contains(const std::vector<Xy>& ring, Xy p) {
  bool inside = false;
  for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
    if (crosses(ring[j], ring[i], p.y) && p.x < crossing_x(ring[j], ring[i], p.y))
      inside = !inside;
  }
  return inside;
}

// The area where a point is inside by the even-odd rule, whatever the rings' winding:
// between two consecutive vertex heights no edge starts or ends, so the inside length of
// a horizontal line is linear there (unless edges cross) and its value at mid-height times
// the slab's height is the slab's area. Edges shared by two adjacent polygons cancel.
double even_odd_area(const std::vector<std::vector<Xy>>& rings) {
  struct Edge {
    Xy a, b;
    double low, high;
  };
  std::vector<Edge> edges;
  std::vector<double> heights;
  for (const auto& ring : rings) {
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
      if (ring[j].y == ring[i].y)
        continue;  // horizontal edges never cross a slab's mid-line
      edges.push_back(
          {ring[j], ring[i], std::min(ring[j].y, ring[i].y), std::max(ring[j].y, ring[i].y)});
      heights.push_back(ring[i].y);
    }
  }
  std::sort(edges.begin(), edges.end(), [](const Edge& l, const Edge& r) { return l.low < r.low; });
  std::sort(heights.begin(), heights.end());
  heights.erase(std::unique(heights.begin(), heights.end()), heights.end());
  double area = 0.0;
  std::vector<const Edge*> active;
  std::vector<double> xs;
  std::size_t next = 0;
  for (std::size_t h = 0; h + 1 < heights.size(); ++h) {
    const double y0 = heights[h], y1 = heights[h + 1], mid = (y0 + y1) / 2.0;
    for (; next < edges.size() && edges[next].low <= y0; ++next)
      active.push_back(&edges[next]);
    std::erase_if(active, [&](const Edge* e) { return e->high <= y0; });
    xs.clear();
    for (const Edge* e : active)
      if (crosses(e->a, e->b, mid))
        xs.push_back(crossing_x(e->a, e->b, mid));
    std::sort(xs.begin(), xs.end());
    for (std::size_t i = 0; i + 1 < xs.size(); i += 2)
      area += (xs[i + 1] - xs[i]) * (y1 - y0);
  }
  return area;
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
  b.area_ = even_odd_area(b.rings_);
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
    return Error{Errc::kInvalidArgument,
                 "the cell side is too small for the boundary: more than 2^28 cells"};
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
