#include "osm/jurisdictions/area_index.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace shouwang::osm::jurisdiction {
namespace {

// Cells per border edge, and the bounds on the grid's size: enough cells that most of them
// are plain, few enough that the grid stays small (4 MiB at most).
constexpr double kCellsPerEdge = 16.0;
constexpr double kMinCells = 4096.0;
constexpr double kMaxCells = 1 << 20;
// A cell is at least this many fixed units wide, so that its centre, rounded to integers,
// still lies in it.
constexpr double kMinCellUnits = 4.0;

}  // namespace

AreaIndex::AreaIndex(const std::vector<FixedArea>& areas) {
  std::vector<Edge> edges;       // not horizontal: the ones a ray can cross
  std::vector<Edge> all_edges;   // every border edge, for marking cells
  min_x_ = min_y_ = std::numeric_limits<std::int64_t>::max();
  max_x_ = max_y_ = std::numeric_limits<std::int64_t>::min();
  for (std::size_t a = 0; a < areas.size(); ++a) {
    for (const FixedRing& ring : areas[a].rings) {
      const std::size_t n = ring.size();
      for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
        FixedPoint lo = ring[j], hi = ring[i];
        min_x_ = std::min<std::int64_t>(min_x_, hi.x);
        max_x_ = std::max<std::int64_t>(max_x_, hi.x);
        min_y_ = std::min<std::int64_t>(min_y_, hi.y);
        max_y_ = std::max<std::int64_t>(max_y_, hi.y);
        if (lo.y > hi.y) std::swap(lo, hi);
        const Edge e{lo, hi, std::max(lo.x, hi.x), static_cast<std::uint32_t>(a)};
        all_edges.push_back(e);
        if (lo.y != hi.y) edges.push_back(e);
      }
    }
  }
  if (all_edges.empty() || max_x_ <= min_x_ || max_y_ <= min_y_) {
    columns_ = rows_ = 0;
    return;
  }
  size_grid(all_edges.size());
  std::vector<bool> mixed(columns_ * rows_, false);
  for (const Edge& e : all_edges) mark_mixed(e.lo, e.hi, mixed);
  fill_rows(edges);
  fill_cells(mixed);
}

void AreaIndex::size_grid(std::size_t edge_count) {
  const double width = static_cast<double>(max_x_ - min_x_);
  const double height = static_cast<double>(max_y_ - min_y_);
  const double target = std::clamp(kCellsPerEdge * static_cast<double>(edge_count), kMinCells, kMaxCells);
  // Square cells in degrees: good enough at city scale.
  double cols = std::ceil(std::sqrt(target * width / height));
  double rows = std::ceil(target / cols);
  cols = std::clamp(cols, 1.0, std::max(1.0, std::floor(std::min(target, width / kMinCellUnits))));
  rows = std::clamp(rows, 1.0, std::max(1.0, std::floor(std::min(target / cols, height / kMinCellUnits))));
  // Whole numbers of cells that exactly span the box.
  cols = std::floor(cols);
  rows = std::floor(rows);
  columns_ = static_cast<std::size_t>(cols);
  rows_ = static_cast<std::size_t>(rows);
  cell_w_ = width / cols;
  cell_h_ = height / rows;
  inv_w_ = 1.0 / cell_w_;
  inv_h_ = 1.0 / cell_h_;
}

std::size_t AreaIndex::column_of(double x) const {
  const double c = std::floor((x - static_cast<double>(min_x_)) * inv_w_);
  return static_cast<std::size_t>(std::clamp(c, 0.0, static_cast<double>(columns_ - 1)));
}

std::size_t AreaIndex::row_of(double y) const {
  const double r = std::floor((y - static_cast<double>(min_y_)) * inv_h_);
  return static_cast<std::size_t>(std::clamp(r, 0.0, static_cast<double>(rows_ - 1)));
}

// Marks every cell the edge passes, with a margin of one fixed unit all round: far more
// than the rounding error of column_of and row_of, so a cell left plain is one no point of
// the edge comes near.
void AreaIndex::mark_mixed(FixedPoint a, FixedPoint b, std::vector<bool>& mixed) const {
  const double ax = a.x, ay = a.y, bx = b.x, by = b.y;  // ay <= by
  const std::size_t first_row = row_of(ay - 1.0), last_row = row_of(by + 1.0);
  for (std::size_t r = first_row; r <= last_row; ++r) {
    const double band_lo = static_cast<double>(min_y_) + static_cast<double>(r) * cell_h_ - 1.0;
    const double band_hi = static_cast<double>(min_y_) + static_cast<double>(r + 1) * cell_h_ + 1.0;
    double x_lo = std::min(ax, bx), x_hi = std::max(ax, bx);
    if (ay != by) {
      const double ya = std::clamp(band_lo, ay, by), yb = std::clamp(band_hi, ay, by);
      const double xa = ax + (ya - ay) * (bx - ax) / (by - ay);
      const double xb = ax + (yb - ay) * (bx - ax) / (by - ay);
      x_lo = std::min(xa, xb);
      x_hi = std::max(xa, xb);
    }
    const std::size_t c0 = column_of(x_lo - 1.0), c1 = column_of(x_hi + 1.0);
    for (std::size_t c = c0; c <= c1; ++c) mixed[r * columns_ + c] = true;
  }
}

void AreaIndex::fill_rows(const std::vector<Edge>& edges) {
  std::vector<std::uint32_t> counts(rows_ + 1, 0);
  for (const Edge& e : edges) {
    for (std::size_t r = row_of(e.lo.y), last = row_of(e.hi.y); r <= last; ++r) ++counts[r + 1];
  }
  row_begin_.assign(rows_ + 1, 0);
  for (std::size_t r = 0; r < rows_; ++r) row_begin_[r + 1] = row_begin_[r] + counts[r + 1];
  row_edges_.resize(row_begin_[rows_]);
  std::vector<std::uint32_t> next(row_begin_.begin(), row_begin_.end() - 1);
  for (const Edge& e : edges) {
    for (std::size_t r = row_of(e.lo.y), last = row_of(e.hi.y); r <= last; ++r) row_edges_[next[r]++] = e;
  }
  // Most eastern first: a scan stops at the first edge that ends west of the point.
  for (std::size_t r = 0; r < rows_; ++r) {
    std::sort(row_edges_.begin() + row_begin_[r], row_edges_.begin() + row_begin_[r + 1],
              [](const Edge& x, const Edge& y) { return x.max_x > y.max_x; });
  }
}

// A run of plain cells along a row has one answer: an edge between two of them would have
// marked both. It is found with the exact ray test at the centre of the run's first cell.
void AreaIndex::fill_cells(const std::vector<bool>& mixed) {
  cells_.assign(columns_ * rows_, kMixed);
  for (std::size_t r = 0; r < rows_; ++r) {
    std::int32_t run_answer = kMixed;  // kMixed: no run open
    for (std::size_t c = 0; c < columns_; ++c) {
      const std::size_t cell = r * columns_ + c;
      if (mixed[cell]) {
        run_answer = kMixed;
        continue;
      }
      if (run_answer == kMixed) {
        const FixedPoint probe{
            static_cast<std::int32_t>(std::lround(static_cast<double>(min_x_) + (static_cast<double>(c) + 0.5) * cell_w_)),
            static_cast<std::int32_t>(std::lround(static_cast<double>(min_y_) + (static_cast<double>(r) + 0.5) * cell_h_))};
        if (column_of(probe.x) != c || row_of(probe.y) != r) continue;  // stays mixed
        run_answer = scan_row(r, probe);
      }
      cells_[cell] = run_answer;
    }
  }
}

std::int32_t AreaIndex::scan_row(std::size_t row, FixedPoint p) const {
  // Areas whose border the ray crosses, once per crossing; those seen an odd number of
  // times contain p. A handful in practice, so a small array and a sort.
  std::array<std::uint32_t, 64> small;
  std::vector<std::uint32_t> large;
  std::size_t count = 0;
  for (std::uint32_t i = row_begin_[row], end = row_begin_[row + 1]; i < end; ++i) {
    const Edge& e = row_edges_[i];
    if (e.max_x <= p.x) break;
    if (e.lo.y > p.y || e.hi.y <= p.y || !edge_right_of(e.lo, e.hi, p)) continue;
    if (count < small.size()) {
      small[count] = e.area;
    } else {
      if (large.empty()) large.assign(small.begin(), small.end());
      large.push_back(e.area);
    }
    ++count;
  }
  std::uint32_t* begin = large.empty() ? small.data() : large.data();
  std::uint32_t* end = begin + count;
  std::sort(begin, end);
  for (std::uint32_t* run = begin; run != end;) {
    std::uint32_t* next = run;
    while (next != end && *next == *run) ++next;
    if ((next - run) % 2 == 1) return static_cast<std::int32_t>(*run);
    run = next;
  }
  return kNone;
}

std::int32_t AreaIndex::locate(FixedPoint p) const {
  if (columns_ == 0 || p.x < min_x_ || p.x >= max_x_ || p.y < min_y_ || p.y >= max_y_) return kNone;
  const std::size_t r = row_of(p.y);
  const std::int32_t cell = cells_[r * columns_ + column_of(p.x)];
  return cell == kMixed ? scan_row(r, p) : cell;
}

AreaIndex::Stats AreaIndex::stats() const {
  Stats s;
  s.columns = columns_;
  s.rows = rows_;
  s.mixed_cells = static_cast<std::size_t>(std::count(cells_.begin(), cells_.end(), kMixed));
  s.row_edges = row_edges_.size();
  return s;
}

}  // namespace shouwang::osm::jurisdiction
