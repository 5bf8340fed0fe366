#include <shouwang/routing/isochrone.h>

#include <algorithm>
#include <array>

namespace shouwang::routing {
namespace {

LatLon along(LatLon a, LatLon b, double f) { return {a.lat + (b.lat - a.lat) * f, a.lon + (b.lon - a.lon) * f}; }

}  // namespace

Isochrone isochrone(const RoadGraph& graph, DijkstraQuery& query, const std::vector<Entry>& sources, Weight limit) {
  Isochrone out;
  std::vector<DijkstraQuery::Overrun> overruns;
  query.search(sources, limit, &overruns);
  const auto settled = query.settled();
  out.nodes.assign(settled.begin(), settled.end());
  std::vector<LatLon> points;
  points.reserve(out.nodes.size() + overruns.size());
  for (const auto& [v, t] : out.nodes) points.push_back(graph.coordinate(v));
  for (const auto& [v, a, left] : overruns) {
    const NodeId w = graph.head(a);
    // A head reached by itself, or an arc with nothing left to spend on, is not partial.
    if (left == 0 || query.time(w) != kInfinity) continue;
    const double f = static_cast<double>(left) / graph.time_ms(a);
    out.partial.push_back({a, v, f});
    points.push_back(along(graph.coordinate(v), graph.coordinate(w), f));
  }
  out.outline = convex_outline(std::move(points));
  return out;
}

std::vector<LatLon> convex_outline(std::vector<LatLon> points) {
  // Akl–Toussaint: points strictly inside the polygon of the extreme points in eight
  // directions cannot be on the hull; dropping them first leaves the sort below a small
  // fraction of the points (about 5 % of an isochrone's).
  if (points.size() > 16) {
    std::array<LatLon, 8> extreme;
    extreme.fill(points.back());
    auto sum = [](const LatLon& p) { return p.lon + p.lat; };
    auto difference = [](const LatLon& p) { return p.lon - p.lat; };
    // Backwards: an isochrone's points come in order of time, so the far ones are last, and
    // starting from them the extremes seldom change (few mispredicted branches).
    for (auto it = points.rbegin(); it != points.rend(); ++it) {
      const LatLon& p = *it;
      if (p.lon < extreme[0].lon) extreme[0] = p;                       // west
      if (sum(p) < sum(extreme[1])) extreme[1] = p;                     // south-west
      if (p.lat < extreme[2].lat) extreme[2] = p;                       // south
      if (difference(p) > difference(extreme[3])) extreme[3] = p;       // south-east
      if (p.lon > extreme[4].lon) extreme[4] = p;                       // east
      if (sum(p) > sum(extreme[5])) extreme[5] = p;                     // north-east
      if (p.lat > extreme[6].lat) extreme[6] = p;                       // north
      if (difference(p) < difference(extreme[7])) extreme[7] = p;       // north-west
    }
    // The extremes in this order run counter-clockwise; repeated ones would make a
    // zero-length edge that no point is strictly inside of, so they are dropped.
    std::vector<LatLon> polygon;
    for (const LatLon& p : extreme) {
      if (polygon.empty() || !(polygon.back() == p)) polygon.push_back(p);
    }
    while (polygon.size() > 1 && polygon.back() == polygon.front()) polygon.pop_back();
    if (polygon.size() >= 3) {
      struct Edge {
        double lon, lat, d_lon, d_lat;  // start and direction
      };
      std::array<Edge, 8> edges{};
      for (std::size_t i = 0; i < polygon.size(); ++i) {
        const LatLon& a = polygon[i];
        const LatLon& b = polygon[i + 1 < polygon.size() ? i + 1 : 0];
        edges[i] = {a.lon, a.lat, b.lon - a.lon, b.lat - a.lat};
      }
      const std::size_t edge_count = polygon.size();
      auto strictly_inside = [&edges, edge_count](const LatLon& p) {
        for (std::size_t i = 0; i < edge_count; ++i) {
          const Edge& e = edges[i];
          if (e.d_lon * (p.lat - e.lat) - e.d_lat * (p.lon - e.lon) <= 0) return false;
        }
        return true;
      };
      points.erase(std::remove_if(points.begin(), points.end(), strictly_inside), points.end());
    }
  }
  auto less = [](const LatLon& a, const LatLon& b) { return a.lon < b.lon || (a.lon == b.lon && a.lat < b.lat); };
  std::sort(points.begin(), points.end(), less);
  points.erase(std::unique(points.begin(), points.end()), points.end());
  if (points.size() < 3) return points;
  auto cross = [](const LatLon& o, const LatLon& a, const LatLon& b) {
    return (a.lon - o.lon) * (b.lat - o.lat) - (a.lat - o.lat) * (b.lon - o.lon);
  };
  // Andrew's monotone chain.
  std::vector<LatLon> hull(2 * points.size());
  std::size_t k = 0;
  for (const LatLon& p : points) {
    while (k >= 2 && cross(hull[k - 2], hull[k - 1], p) <= 0) --k;
    hull[k++] = p;
  }
  for (std::size_t i = points.size() - 1, lower = k + 1; i-- > 0;) {
    while (k >= lower && cross(hull[k - 2], hull[k - 1], points[i]) <= 0) --k;
    hull[k++] = points[i];
  }
  hull.resize(k);  // the last point repeats the first: closed
  return hull;
}

}  // namespace shouwang::routing
