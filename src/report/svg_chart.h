#pragma once
// Charts of a bulletin drawn as inline SVG: bars for the reporting groups against their
// 同比 base, a line for the trend, horizontal bars for the league table and the hotspot
// map. Plain SVG with the figures written beside the marks, so that the page prints, and
// reads, without a script.

#include <string>
#include <string_view>
#include <vector>

#include <shouwang/base/geo.h>

namespace shouwang::report::detail {

// The series colours; tests look for them in the rendered page.
inline constexpr std::string_view kCurrentColour = "#2b6cb0";
inline constexpr std::string_view kLastYearColour = "#dd8a1f";
inline constexpr std::string_view kPreviousColour = "#8a9bb0";

struct Series {
  std::string name;
  std::string_view colour;
  std::vector<double> values;
};

struct CategoryChart {
  std::string title;  // the accessible name of the figure
  std::vector<std::string> categories;
  std::vector<Series> series;
  int width = 680;
  int height = 260;
};

// Bars side by side per category, with the current series' values above its bars.
std::string bar_chart(const CategoryChart& chart);
// One line per series over the categories (labels thinned to fit).
std::string line_chart(const CategoryChart& chart);

struct ShareBar {
  std::string label;
  double share = 0;  // 0..1
  std::string note;  // written after the bar
};
// One horizontal bar per row (0–100 %), with a mark at `target`.
std::string share_bars(const std::string& title, const std::vector<ShareBar>& bars, double target);

struct MapCell {
  double south = 0;
  double west = 0;
  double count = 0;
};
struct MapOutline {
  std::vector<LatLon> ring;
};
struct HotspotMap {
  std::string title;
  std::vector<MapOutline> outlines;  // area borders drawn under the cells
  std::vector<MapCell> cells;
  double cell_lat = 0;  // a cell's size in degrees
  double cell_lon = 0;
  std::vector<std::string> legend;  // "fewer", "more"
  int width = 680;
  int height = 420;
};
// The cells shaded in five classes up to the busiest; the ten busiest numbered.
std::string hotspot_map(const HotspotMap& map);

}  // namespace shouwang::report::detail
