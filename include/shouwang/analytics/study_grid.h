#pragma once
// A study area for hotspot statistics and forecasts, in a planar coordinate system of the
// caller's choosing (a projected EPSG system in feet or metres, or a local frame in
// metres): the boundary and the square cells laid over it. Units are the system's own;
// nothing here converts them.
//
// Cells (docs/analytics.md, "Forecast evaluation"): squares of side `cell` counted from
// the south-west corner of the boundary's bounding box; a cell belongs to the study area
// when its centre is inside the boundary. A cell's id is row * columns + column, so ids
// run west to east, then south to north; the study cells are held in ascending id order,
// and a cell's index among them is what every score vector is indexed by.

#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

#include <shouwang/base/geo.h>
#include <shouwang/base/result.h>

namespace shouwang::analytics {

struct PlanarBox {
  Xy min{std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity()};
  Xy max{-std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
  [[nodiscard]] bool empty() const { return !(min.x <= max.x && min.y <= max.y); }
  [[nodiscard]] bool contains(Xy p) const {
    return min.x <= p.x && p.x <= max.x && min.y <= p.y && p.y <= max.y;
  }
};

// Closed rings under the even-odd rule: several polygons, each with holes, in one list.
// A ring's last point need not repeat its first.
class Boundary {
 public:
  // kInvalidArgument for no rings, a ring of fewer than three points, or a non-finite point.
  static Result<Boundary> from_rings(std::vector<std::vector<Xy>> rings);

  [[nodiscard]] bool contains(Xy p) const;
  // The area inside by the even-odd rule: holes subtracted, whatever the rings' winding,
  // and adjacent polygons (districts sharing edges) added up without double counting.
  [[nodiscard]] double area() const { return area_; }
  [[nodiscard]] const PlanarBox& bounds() const { return bounds_; }
  [[nodiscard]] const std::vector<std::vector<Xy>>& rings() const { return rings_; }

 private:
  std::vector<std::vector<Xy>> rings_;
  std::vector<PlanarBox> ring_bounds_;
  PlanarBox bounds_;
  double area_ = 0.0;
};

inline constexpr std::uint32_t kOutsideStudy = std::numeric_limits<std::uint32_t>::max();

class StudyGrid {
 public:
  // kInvalidArgument for a cell side that is not positive or makes more than 2^28 cells.
  static Result<StudyGrid> over(const Boundary& boundary, double cell);

  [[nodiscard]] std::size_t size() const { return ids_.size(); }
  [[nodiscard]] double cell() const { return cell_; }
  [[nodiscard]] double cell_area() const { return cell_ * cell_; }
  [[nodiscard]] std::uint32_t columns() const { return columns_; }
  [[nodiscard]] std::uint32_t rows() const { return rows_; }
  [[nodiscard]] Xy origin() const { return origin_; }

  [[nodiscard]] std::uint32_t id(std::uint32_t index) const { return ids_[index]; }
  [[nodiscard]] std::uint32_t column(std::uint32_t index) const { return ids_[index] % columns_; }
  [[nodiscard]] std::uint32_t row(std::uint32_t index) const { return ids_[index] / columns_; }
  [[nodiscard]] Xy centre(std::uint32_t index) const;
  [[nodiscard]] Xy south_west(std::uint32_t index) const;

  // The study index of the cell holding p (a point on a shared edge goes east and north),
  // kOutsideStudy when that cell is not a study cell or p is off the grid.
  [[nodiscard]] std::uint32_t index_of(Xy p) const;
  // The study index of the cell at (column, row), kOutsideStudy when not a study cell.
  [[nodiscard]] std::uint32_t index_at(std::int64_t column, std::int64_t row) const;

 private:
  Xy origin_;
  double cell_ = 0.0;
  std::uint32_t columns_ = 0;
  std::uint32_t rows_ = 0;
  std::vector<std::uint32_t> ids_;
  std::vector<std::uint32_t> index_by_id_;  // kOutsideStudy for cells outside
};

}  // namespace shouwang::analytics
