#pragma once
// The arterial skeleton: a jittered grid of trunk (dual carriageway) and primary roads about
// 1.2 km apart, whose cells are the superblocks that local streets fill. Grid point P(i, j)
// is where north–south line i meets east–west line j.

#include <optional>
#include <utility>
#include <vector>

#include "osm/citygen/city_plan.h"
#include "osm/citygen/layout_context.h"
#include "osm/citygen/polyline.h"

namespace shouwang::osm::citygen {

class ArterialGrid {
 public:
  explicit ArterialGrid(LayoutContext& ctx);

  [[nodiscard]] int lines() const { return n_; }  // per axis
  [[nodiscard]] int cells() const { return n_ - 1; }
  [[nodiscard]] Xy point(int i, int j) const { return pts_[static_cast<std::size_t>(j * n_ + i)]; }
  // Cell (i, j) between lines i, i+1 and j, j+1, corners counter-clockwise from P(i, j).
  [[nodiscard]] Quad cell(int i, int j) const;
  // Edge k of cell (i, j) (0 south, 1 east, 2 north, 3 west): how far the carriageway
  // nearest the cell lies from the edge's centre line (8 m for a dual carriageway, else 0).
  [[nodiscard]] double edge_half_width(int i, int j, int edge) const;
  // The cell that contains p, if any.
  [[nodiscard]] std::optional<std::pair<int, int>> locate(Xy p) const;

  // Adds the arterial roads and the border roads.
  void add_roads(LayoutContext& ctx, CityPlan& plan) const;

  static constexpr double kCarriagewayOffset = 8.0;

 private:
  [[nodiscard]] bool is_trunk(int line) const { return line % 4 == 2 && line > 0 && line < n_ - 1; }
  [[nodiscard]] bool is_border(int line) const { return line == 0 || line == n_ - 1; }
  void add_line(LayoutContext& ctx, CityPlan& plan, bool north_south, int line) const;

  int n_ = 0;
  double step_ = 0.0;
  double half_ = 0.0;
  std::vector<Xy> pts_;
};

}  // namespace shouwang::osm::citygen
