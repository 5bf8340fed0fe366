#include "cad/recommend/test_roads.h"

#include <cmath>
#include <map>
#include <utility>

namespace shouwang::cad::testing {
namespace {

constexpr LatLon kOrigin{31.2000, 121.5000};

}  // namespace

TestRoads::TestRoads(const std::vector<std::vector<Xy>>& streets) : frame_(kOrigin) {
  std::map<std::pair<double, double>, NodeId> nodes;
  std::vector<LatLon> coordinates;
  const auto node = [&](Xy p) {
    const auto [it, added] =
        nodes.try_emplace({p.x, p.y}, NodeId(static_cast<std::uint32_t>(coordinates.size())));
    if (added)
      coordinates.push_back(frame_.to_lat_lon(p));
    return it->second;
  };
  std::vector<routing::ArcInput> arcs;
  for (const auto& street : streets) {
    for (std::size_t i = 1; i < street.size(); ++i) {
      const NodeId a = node(street[i - 1]);
      const NodeId b = node(street[i]);
      const double metres = distance(street[i - 1], street[i]);
      const auto ms = static_cast<routing::Weight>(std::lround(metres / kSpeed * 1000.0));
      const auto dm = static_cast<std::uint32_t>(std::lround(metres * 10.0));
      arcs.push_back({a, b, ms, dm});
      arcs.push_back({b, a, ms, dm});
    }
  }
  graph_ = std::move(routing::RoadGraph::build(std::move(coordinates), std::move(arcs))).value();
  hierarchy_ = routing::ContractionHierarchy::build(graph_);
  index_ = std::make_unique<routing::SnapIndex>(graph_, 100.0);
}

const TestRoads& river_town() {
  static const TestRoads town([] {
    std::vector<Xy> north, south;
    for (double x = 0; x <= 3000; x += 200) {
      north.push_back({x, 60});
      south.push_back({x, -60});
    }
    return std::vector<std::vector<Xy>>{
        north, south, {{3000, 60}, {3000, -60}}, {{600, 60}, {600, 600}}};
  }());
  return town;
}

const TestRoads& grid_town() {
  static const TestRoads town([] {
    std::vector<std::vector<Xy>> streets;
    for (double c = 0; c <= 1000; c += 250) {
      std::vector<Xy> row, column;
      for (double d = 0; d <= 1000; d += 250) {
        row.push_back({d, c});
        column.push_back({c, d});
      }
      streets.push_back(row);
      streets.push_back(column);
    }
    streets.push_back({{1500, 0}, {1500, 300}});
    return streets;
  }());
  return town;
}

}  // namespace shouwang::cad::testing
