#include <algorithm>
#include <cassert>

#include <shouwang/sim/timed_path.h>

namespace shouwang::sim {
namespace {

LatLon lerp(LatLon a, LatLon b, double f) {
  return {a.lat + (b.lat - a.lat) * f, a.lon + (b.lon - a.lon) * f};
}

}  // namespace

TimedPath::TimedPath(LatLon at, NodeId node) {
  vertices_.push_back({at, 0.0, 0.0, node, 0.0});
}

void TimedPath::extend(LatLon at, NodeId node, double seconds, double metres) {
  assert(!vertices_.empty() && seconds >= 0.0);
  PathVertex& last = vertices_.back();
  // A zero-length step (a junction split into copies for its turn restrictions) keeps the
  // heading the path had.
  const double heading = at == last.at ? last.heading_deg : initial_bearing(last.at, at);
  last.heading_deg = heading;
  vertices_.push_back({at, last.t_s + seconds, last.d_m + metres, node, heading});
}

void TimedPath::append(const TimedPath& next) {
  if (next.vertices_.empty())
    return;
  if (vertices_.empty()) {
    *this = next;
    return;
  }
  for (std::size_t i = 1; i < next.vertices_.size(); ++i) {
    const PathVertex& v = next.vertices_[i];
    const PathVertex& u = next.vertices_[i - 1];
    extend(v.at, v.node, v.t_s - u.t_s, v.d_m - u.d_m);
  }
  exit = next.exit;
}

PathSample TimedPath::sample(double elapsed_s, std::size_t& cursor) const {
  PathSample s;
  if (vertices_.empty()) {
    s.finished = true;
    return s;
  }
  if (elapsed_s >= vertices_.back().t_s) {
    s.position = vertices_.back().at;
    s.heading_deg = vertices_.back().heading_deg;
    s.finished = true;
    return s;
  }
  if (cursor >= vertices_.size() - 1 || vertices_[cursor].t_s > elapsed_s)
    cursor = 0;
  while (cursor + 1 < vertices_.size() && vertices_[cursor + 1].t_s <= elapsed_s)
    ++cursor;
  const PathVertex& a = vertices_[cursor];
  const PathVertex& b = vertices_[cursor + 1];
  const double span = b.t_s - a.t_s;
  const double f = span > 0.0 ? std::clamp((elapsed_s - a.t_s) / span, 0.0, 1.0) : 1.0;
  s.position = lerp(a.at, b.at, f);
  s.speed_mps = span > 0.0 ? (b.d_m - a.d_m) / span : 0.0;
  s.heading_deg = a.heading_deg;
  return s;
}

TimedPath TimedPath::remainder_to_next_node(double elapsed_s) const {
  TimedPath rest;
  if (vertices_.empty())
    return rest;
  std::size_t cursor = 0;
  const PathSample here = sample(elapsed_s, cursor);
  if (here.finished) {
    rest = TimedPath(vertices_.back().at, vertices_.back().node);
  } else {
    const PathVertex& a = vertices_[cursor];
    const PathVertex& b = vertices_[cursor + 1];
    const double span = b.t_s - a.t_s;
    const double f = span > 0.0 ? std::clamp((elapsed_s - a.t_s) / span, 0.0, 1.0) : 1.0;
    const bool at_node = f == 0.0 && a.node.valid();
    rest = TimedPath(here.position, at_node ? a.node : NodeId());
    if (!at_node) {
      for (std::size_t i = cursor + 1; i < vertices_.size(); ++i) {
        const PathVertex& u = vertices_[i - 1];
        const PathVertex& v = vertices_[i];
        const double part = i == cursor + 1 ? 1.0 - f : 1.0;
        rest.extend(v.at, v.node, (v.t_s - u.t_s) * part, (v.d_m - u.d_m) * part);
        if (v.node.valid())
          return rest;
      }
    }
  }
  if (rest.vertices_.back().node.valid())
    return rest;
  if (exit)
    rest.extend(exit->at, exit->node, exit->seconds, exit->metres);
  return rest;
}

}  // namespace shouwang::sim
