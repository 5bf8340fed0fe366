#include "report/svg_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>

#include <shouwang/base/text.h>

namespace shouwang::report::detail {
namespace {

constexpr int kLeft = 44;  // room for the axis labels
constexpr int kRight = 12;
constexpr int kTop = 28;  // room for the legend
constexpr int kBottom = 40;
constexpr std::string_view kAxis = "#555";
constexpr std::string_view kGrid = "#ddd";
// OrRd, five classes (ColorBrewer): from few incidents to many.
constexpr std::string_view kRamp[] = {"#fee8c8", "#fdbb84", "#fc8d59", "#e34a33", "#b30000"};

std::string num(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", v);
  std::string s = text;
  if (s.ends_with(".0"))
    s.resize(s.size() - 2);
  return s;
}

// The smallest of 1, 2, 5 × 10^k at or above `v` (at least 1).
double nice_ceiling(double v) {
  if (v <= 1)
    return 1;
  const double magnitude = std::pow(10.0, std::floor(std::log10(v)));
  for (const double step : {1.0, 2.0, 5.0, 10.0}) {
    if (step * magnitude >= v)
      return step * magnitude;
  }
  return 10 * magnitude;
}

std::string open_svg(const std::string& title, int width, int height) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 " +
         std::to_string(width) + " " + std::to_string(height) + "\" width=\"" +
         std::to_string(width) + "\" height=\"" + std::to_string(height) + "\" aria-label=\"" +
         escape_markup(title) + "\"><title>" + escape_markup(title) + "</title>";
}

std::string text_at(double x, double y, std::string_view text, std::string_view anchor,
                    std::string_view extra = {}) {
  return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + std::string(anchor) +
         "\"" + (extra.empty() ? "" : " " + std::string(extra)) + ">" + escape_markup(text) +
         "</text>";
}

std::string rect(double x, double y, double w, double h, std::string_view fill,
                 std::string_view extra = {}) {
  return "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) + "\" height=\"" +
         num(h) + "\" fill=\"" + std::string(fill) + "\"" +
         (extra.empty() ? "" : " " + std::string(extra)) + "/>";
}

std::string line(double x1, double y1, double x2, double y2, std::string_view stroke) {
  return "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" +
         num(y2) + "\" stroke=\"" + std::string(stroke) + "\" stroke-width=\"1\"/>";
}

// The legend along the top, one swatch per series.
std::string legend(const std::vector<Series>& series, int width) {
  std::string out;
  double x = width - kRight;
  for (auto it = series.rbegin(); it != series.rend(); ++it) {
    const double label = 12.0 * static_cast<double>(it->name.size()) * 0.45 + 8;
    x -= label;
    out += text_at(x + 16, 14, it->name, "start");
    out += rect(x, 5, 12, 12, it->colour);
    x -= 16;
  }
  return out;
}

// The value axis with four gridlines up to `top`.
std::string value_axis(double top, int width, double plot_h) {
  std::string out;
  for (int i = 0; i <= 4; ++i) {
    const double v = top * i / 4;
    const double y = kTop + plot_h - plot_h * i / 4;
    out += line(kLeft, y, width - kRight, y, i == 0 ? kAxis : kGrid);
    out += text_at(kLeft - 6, y + 4, num(v), "end", "class=\"axis\"");
  }
  return out;
}

double max_value(const std::vector<Series>& series) {
  double top = 0;
  for (const Series& s : series)
    for (const double v : s.values)
      if (!std::isnan(v))
        top = std::max(top, v);
  return nice_ceiling(top);
}

// A category chart's frame: the plot's size, its scale's top and the SVG so far (the
// value axis drawn).
struct Plot {
  double width = 0;
  double height = 0;
  double top = 1;
  std::string svg;
};

Plot start_plot(const CategoryChart& chart) {
  Plot p;
  p.width = chart.width - kLeft - kRight;
  p.height = chart.height - kTop - kBottom;
  p.top = max_value(chart.series);
  p.svg =
      open_svg(chart.title, chart.width, chart.height) + value_axis(p.top, chart.width, p.height);
  return p;
}

}  // namespace

std::string bar_chart(const CategoryChart& chart) {
  Plot plot = start_plot(chart);
  const double plot_w = plot.width;
  const double plot_h = plot.height;
  const double top = plot.top;
  std::string out = std::move(plot.svg);
  const std::size_t n = chart.categories.size();
  const double slot = n == 0 ? 0 : plot_w / static_cast<double>(n);
  const double bar = slot * 0.7 / std::max<std::size_t>(1, chart.series.size());
  for (std::size_t c = 0; c < n; ++c) {
    const double x0 = kLeft + slot * c + slot * 0.15;
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
      const double v = c < chart.series[s].values.size() ? chart.series[s].values[c] : 0;
      const double h = plot_h * v / top;
      const double x = x0 + bar * s;
      out += rect(x, kTop + plot_h - h, bar - 1, h, chart.series[s].colour,
                  "data-series=\"" + std::to_string(s) + "\"");
      if (s == 0)
        out += text_at(x + bar / 2, kTop + plot_h - h - 3, num(v), "middle", "class=\"value\"");
    }
    out += text_at(kLeft + slot * c + slot / 2, kTop + plot_h + 16, chart.categories[c], "middle",
                   "class=\"category\"");
  }
  out += legend(chart.series, chart.width);
  return out + "</svg>";
}

std::string line_chart(const CategoryChart& chart) {
  Plot plot = start_plot(chart);
  const double plot_w = plot.width;
  const double plot_h = plot.height;
  const double top = plot.top;
  std::string out = std::move(plot.svg);
  const std::size_t n = chart.categories.size();
  const double step = n > 1 ? plot_w / static_cast<double>(n - 1) : 0;
  const std::size_t every = std::max<std::size_t>(1, (n + 11) / 12);
  for (std::size_t c = 0; c < n; c += every)
    out += text_at(kLeft + step * c, kTop + plot_h + 16, chart.categories[c], "middle",
                   "class=\"category\"");
  // Drawn last to first, so that the current period lies on top.
  for (std::size_t s = chart.series.size(); s-- > 0;) {
    const Series& series = chart.series[s];
    // A missing value (NaN) breaks the line.
    std::vector<std::string> pieces(1);
    for (std::size_t c = 0; c < n && c < series.values.size(); ++c) {
      if (std::isnan(series.values[c])) {
        if (!pieces.back().empty())
          pieces.emplace_back();
        continue;
      }
      pieces.back() +=
          num(kLeft + step * c) + "," + num(kTop + plot_h - plot_h * series.values[c] / top) + " ";
    }
    for (const std::string& points : pieces) {
      if (!points.empty())
        out += "<polyline fill=\"none\" stroke=\"" + std::string(series.colour) +
               "\" stroke-width=\"" + (s == 0 ? "3" : "2") + "\" points=\"" + points +
               "\" data-series=\"" + std::to_string(s) + "\"/>";
    }
  }
  out += legend(chart.series, chart.width);
  return out + "</svg>";
}

std::string share_bars(const std::string& title, const std::vector<ShareBar>& bars, double target) {
  constexpr int kRow = 22;
  constexpr int kLabel = 170;
  constexpr int kWidth = 680;
  const int height = kTop + kRow * static_cast<int>(bars.size()) + 10;
  const double plot_w = kWidth - kLabel - 120;
  std::string out = open_svg(title, kWidth, height);
  for (int i = 0; i <= 4; ++i) {
    const double x = kLabel + plot_w * i / 4;
    out += line(x, kTop - 4, x, height - 8, kGrid);
    out += text_at(x, kTop - 8, std::to_string(i * 25) + "%", "middle", "class=\"axis\"");
  }
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const double y = kTop + kRow * static_cast<double>(i);
    out += text_at(kLabel - 6, y + 15, bars[i].label, "end", "class=\"category\"");
    out += rect(kLabel, y + 4, plot_w * std::clamp(bars[i].share, 0.0, 1.0), kRow - 8,
                bars[i].share < target ? kLastYearColour : kCurrentColour);
    out += text_at(kLabel + plot_w + 6, y + 15, bars[i].note, "start", "class=\"value\"");
  }
  const double tx = kLabel + plot_w * std::clamp(target, 0.0, 1.0);
  out += "<line x1=\"" + num(tx) + "\" y1=\"" + num(kTop - 4) + "\" x2=\"" + num(tx) + "\" y2=\"" +
         num(height - 8) + "\" stroke=\"#b00000\" stroke-dasharray=\"4 3\"/>";
  return out + "</svg>";
}

std::string hotspot_map(const HotspotMap& map) {
  // The frame: the outlines' extent, else the cells'.
  double south = 90, north = -90, west = 180, east = -180;
  const auto extend = [&](double lat, double lon) {
    south = std::min(south, lat);
    north = std::max(north, lat);
    west = std::min(west, lon);
    east = std::max(east, lon);
  };
  for (const MapOutline& o : map.outlines)
    for (const LatLon& p : o.ring)
      extend(p.lat, p.lon);
  for (const MapCell& c : map.cells) {
    extend(c.south, c.west);
    extend(c.south + map.cell_lat, c.west + map.cell_lon);
  }
  std::string out = open_svg(map.title, map.width, map.height);
  if (south > north) {
    out += text_at(map.width / 2.0, map.height / 2.0, "—", "middle");
    return out + "</svg>";
  }
  // Equirectangular at the middle latitude, fitted into the frame with a margin.
  const double k = std::cos((south + north) / 2 * std::numbers::pi / 180.0);
  const double span_x = std::max((east - west) * k, 1e-9);
  const double span_y = std::max(north - south, 1e-9);
  const double margin = 10;
  const double legend_h = 26;
  const double scale =
      std::min((map.width - 2 * margin) / span_x, (map.height - 2 * margin - legend_h) / span_y);
  const double ox = (map.width - span_x * scale) / 2;
  const double oy = margin + ((map.height - 2 * margin - legend_h) - span_y * scale) / 2;
  const auto px = [&](double lon) { return ox + (lon - west) * k * scale; };
  const auto py = [&](double lat) { return oy + (north - lat) * scale; };

  out += rect(0, 0, map.width, map.height - legend_h, "#f7f7f5");
  double top = 0;
  for (const MapCell& c : map.cells)
    top = std::max(top, c.count);
  for (const MapCell& c : map.cells) {
    const int cls =
        top <= 0 ? 0 : std::clamp(static_cast<int>(std::ceil(c.count / top * 5.0)) - 1, 0, 4);
    out += rect(px(c.west), py(c.south + map.cell_lat), map.cell_lon * k * scale,
                map.cell_lat * scale, kRamp[cls], "data-count=\"" + num(c.count) + "\"");
  }
  for (const MapOutline& o : map.outlines) {
    std::string points;
    for (const LatLon& p : o.ring)
      points += num(px(p.lon)) + "," + num(py(p.lat)) + " ";
    out += "<polygon fill=\"none\" stroke=\"#556\" stroke-width=\"1\" points=\"" + points + "\"/>";
  }
  // The ten busiest numbered, as in the table below the map.
  std::vector<std::size_t> order(map.cells.size());
  for (std::size_t i = 0; i < order.size(); ++i)
    order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return map.cells[a].count > map.cells[b].count;
  });
  for (std::size_t r = 0; r < order.size() && r < 10; ++r) {
    const MapCell& c = map.cells[order[r]];
    const double x = px(c.west + map.cell_lon / 2);
    const double y = py(c.south + map.cell_lat / 2);
    out += "<circle cx=\"" + num(x) + "\" cy=\"" + num(y) +
           "\" r=\"8\" fill=\"#fff\" stroke=\"#b00000\"/>";
    out += text_at(x, y + 4, std::to_string(r + 1), "middle", "class=\"marker\"");
  }
  // The legend: five swatches from fewer to more.
  const double ly = map.height - legend_h + 6;
  double lx = 12;
  if (!map.legend.empty()) {
    out += text_at(lx, ly + 11, map.legend.front(), "start");
    lx += 12.0 * static_cast<double>(map.legend.front().size()) * 0.45 + 10;
  }
  for (const std::string_view colour : kRamp) {
    out += rect(lx, ly, 22, 14, colour);
    lx += 24;
  }
  if (map.legend.size() > 1)
    out += text_at(lx + 4, ly + 11, map.legend.back(), "start");
  return out + "</svg>";
}

}  // namespace shouwang::report::detail
