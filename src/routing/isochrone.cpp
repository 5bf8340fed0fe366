#include <shouwang/routing/isochrone.h>

#include <algorithm>

namespace shouwang::routing {
namespace {

LatLon along(LatLon a, LatLon b, double f) { return {a.lat + (b.lat - a.lat) * f, a.lon + (b.lon - a.lon) * f}; }

}  // namespace

Isochrone isochrone(const RoadGraph& graph, DijkstraQuery& query, const std::vector<Entry>& sources, Weight limit) {
  Isochrone out;
  query.run(sources, limit, [&out](NodeId v, Weight t) { out.nodes.emplace_back(v, t); });
  std::vector<LatLon> points;
  points.reserve(out.nodes.size());
  for (const auto& [v, t] : out.nodes) {
    points.push_back(graph.coordinate(v));
    const Weight left = limit - t;
    for (ArcId a = graph.begin_out(v); a < graph.end_out(v); a = ArcId(a.value() + 1)) {
      const NodeId w = graph.head(a);
      if (query.time(w) != kInfinity || graph.time_ms(a) == 0) continue;  // head reached by itself
      const double f = std::min(1.0, static_cast<double>(left) / graph.time_ms(a));
      if (f <= 0.0) continue;
      out.partial.push_back({a, v, f});
      points.push_back(along(graph.coordinate(v), graph.coordinate(w), f));
    }
  }
  out.outline = convex_outline(std::move(points));
  return out;
}

std::size_t Coverage::covered_within(Weight t) const {
  return static_cast<std::size_t>(std::count_if(time.begin(), time.end(), [t](Weight w) { return w <= t; }));
}

Coverage coverage(const RoadGraph& graph, DijkstraQuery& query, const std::vector<std::vector<Entry>>& posts,
                  Weight limit) {
  Coverage out;
  out.time.assign(graph.node_count(), kInfinity);
  out.post.assign(graph.node_count(), -1);
  // One search from all posts at once: each node is settled first by its nearest post.
  std::vector<Entry> sources;
  std::vector<std::int32_t> owner_of_node(graph.node_count(), -1);
  for (std::size_t p = 0; p < posts.size(); ++p) {
    for (const Entry& e : posts[p]) {
      sources.push_back(e);
      const auto v = e.first.value();
      // When two posts enter at the same node, the quicker one owns it.
      bool better = owner_of_node[v] < 0;
      if (!better) {
        for (const Entry& other : posts[static_cast<std::size_t>(owner_of_node[v])]) {
          if (other.first == e.first && e.second < other.second) better = true;
        }
      }
      if (better) owner_of_node[v] = static_cast<std::int32_t>(p);
    }
  }
  // Nodes settle after their parent in the shortest-path tree, so ownership flows down it.
  query.run(sources, limit, [&](NodeId v, Weight t) {
    out.time[v.value()] = t;
    const NodeId parent = query.parent(v);
    out.post[v.value()] = parent.valid() ? out.post[parent.value()] : owner_of_node[v.value()];
  });
  return out;
}

std::vector<LatLon> convex_outline(std::vector<LatLon> points) {
  // Akl–Toussaint: points inside the quadrilateral of the four extreme points cannot be on
  // the hull; dropping them first makes the sort below small.
  if (points.size() > 16) {
    LatLon west = points[0], east = points[0], south = points[0], north = points[0];
    for (const LatLon& p : points) {
      if (p.lon < west.lon) west = p;
      if (p.lon > east.lon) east = p;
      if (p.lat < south.lat) south = p;
      if (p.lat > north.lat) north = p;
    }
    const LatLon quad[4] = {west, south, east, north};  // counter-clockwise
    auto strictly_inside = [&quad](const LatLon& p) {
      for (int i = 0; i < 4; ++i) {
        const LatLon& a = quad[i];
        const LatLon& b = quad[(i + 1) % 4];
        if ((b.lon - a.lon) * (p.lat - a.lat) - (b.lat - a.lat) * (p.lon - a.lon) <= 0) return false;
      }
      return true;
    };
    points.erase(std::remove_if(points.begin(), points.end(), strictly_inside), points.end());
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
