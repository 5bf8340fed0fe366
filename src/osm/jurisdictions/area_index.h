#pragma once
// AreaIndex: which of a set of areas contains a point, in well under a microsecond.
//
// A uniform grid covers the areas' bounding box. Building marks every cell that a border
// edge touches as "mixed"; every other cell lies wholly inside one area (or none), and
// stores that answer, found once per run of such cells along a grid row.
//
//     +----+----+----+----+      A, B: the answer stored in the cell
//     | A  | A  | /* | B  |      *: a border passes, so a query there casts a ray to the
//     +----+----+/---+----+         east over the edges that cross its grid row
//     | A  | */ | B  | B  |         (listed per row, most eastern first)
//     +----+/---+----+----+
//
// A query in a plain cell is one array read; in a mixed cell it tests the row's edges that
// reach east of the point, with the exact integer rule of fixed_geometry.h. The answer is
// the same as jurisdiction::contains over every area, lowest area index first where areas
// overlap.
//
// Immutable after construction; locate() may be called from several threads at once.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "osm/jurisdictions/fixed_geometry.h"

namespace shouwang::osm::jurisdiction {

class AreaIndex {
 public:
  static constexpr std::int32_t kNone = -1;

  AreaIndex() = default;  // no areas: every point is outside
  explicit AreaIndex(const std::vector<FixedArea>& areas);

  // The lowest index of an area containing p, or kNone.
  [[nodiscard]] std::int32_t locate(FixedPoint p) const;

  struct Stats {
    std::size_t columns = 0, rows = 0;
    std::size_t mixed_cells = 0;
    std::size_t row_edges = 0;  // edges over all row lists (an edge is in every row it spans)
  };
  [[nodiscard]] Stats stats() const;

 private:
  static constexpr std::int32_t kMixed = -2;

  struct Edge {
    FixedPoint lo, hi;  // lo.y < hi.y
    std::int32_t max_x = 0;
    std::uint32_t area = 0;
  };

  [[nodiscard]] std::size_t column_of(double x) const;
  [[nodiscard]] std::size_t row_of(double y) const;
  // The ray test over one row's edges: the lowest area index with an odd count, or kNone.
  [[nodiscard]] std::int32_t scan_row(std::size_t row, FixedPoint p) const;

  void size_grid(std::size_t edge_count);
  void mark_mixed(FixedPoint a, FixedPoint b, std::vector<bool>& mixed) const;
  void fill_rows(const std::vector<Edge>& edges);
  void fill_cells(const std::vector<bool>& mixed);

  std::int64_t min_x_ = 0, min_y_ = 0, max_x_ = 0, max_y_ = 0;  // all vertices
  double cell_w_ = 1.0, cell_h_ = 1.0;
  double inv_w_ = 1.0, inv_h_ = 1.0;
  std::size_t columns_ = 0, rows_ = 0;
  std::vector<std::int32_t> cells_;  // row-major: an area index, kNone or kMixed
  std::vector<std::uint32_t> row_begin_;  // rows_ + 1 offsets into row_edges_
  std::vector<Edge> row_edges_;
};

}  // namespace shouwang::osm::jurisdiction
