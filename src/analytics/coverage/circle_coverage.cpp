#include <algorithm>
#include <cmath>

#include <shouwang/analytics/circle_coverage.h>

namespace shouwang::analytics {
namespace {

constexpr double kMsPerSecond = 1000.0;

routing::Weight to_ms(double seconds) {
  const double ms = std::ceil(seconds * kMsPerSecond);
  return ms >= static_cast<double>(routing::kInfinity - 1)
             ? routing::kInfinity - 1
             : static_cast<routing::Weight>(std::max(0.0, ms));
}

}  // namespace

CircleCoverageQuery::CircleCoverageQuery(const routing::ContractionHierarchy& hierarchy,
                                         const routing::SnapIndex& index, Meters snap_limit)
    : hierarchy_(hierarchy),
      graph_(index.graph()),
      index_(index),
      snap_limit_(snap_limit),
      query_(hierarchy) {
  for (const std::uint32_t length_dm : graph_.lengths())
    road_length_ += length_dm;
}

std::size_t CircleCoverageQuery::set_sites(std::span<const CircleSite> sites) {
  sites_.assign(sites.begin(), sites.end());
  site_entries_.clear();
  std::size_t off_road = 0;
  for (const CircleSite& s : sites_) {
    auto snap = index_.snap(s.position, snap_limit_);
    site_entries_.push_back(snap ? snap->as_target(graph_) : Entries{});
    off_road += !snap;
  }
  std::vector<NodeId> nodes;
  site_targets_.assign(sites_.size(), {});
  for (std::size_t i = 0; i < sites_.size(); ++i) {
    for (const auto& [node, offset] : site_entries_[i]) {
      site_targets_[i].emplace_back(static_cast<std::uint32_t>(nodes.size()), offset);
      nodes.push_back(node);
    }
  }
  targets_ = std::make_unique<routing::TargetCoverageQuery>(hierarchy_, nodes);
  return off_road;
}

std::size_t CircleCoverageQuery::set_incidents(std::span<const LatLon> incidents) {
  incident_entries_.clear();
  std::size_t off_road = 0;
  for (const LatLon p : incidents) {
    auto snap = index_.snap(p, snap_limit_);
    incident_entries_.push_back(snap ? snap->as_target(graph_) : Entries{});
    off_road += !snap;
  }
  return off_road;
}

double CircleCoverageQuery::time_at(const Entries& target, const routing::Coverage& c,
                                    std::int32_t* post) const {
  double best = std::numeric_limits<double>::infinity();
  for (const auto& [node, offset] : target) {
    const routing::Weight t = c.time[node.value()];
    if (t == routing::kInfinity)
      continue;
    const double seconds = (static_cast<double>(t) + offset) / kMsPerSecond;
    if (seconds < best) {
      best = seconds;
      if (post != nullptr)
        *post = c.post[node.value()];
    }
  }
  return best;
}

std::vector<routing::PostEntries> CircleCoverageQuery::snap_posts(
    std::span<const LatLon> posts, CircleCoverage& out,
    std::vector<std::int32_t>& post_of_source) const {
  std::vector<routing::PostEntries> sources;
  for (std::size_t k = 0; k < posts.size(); ++k) {
    auto snap = index_.snap(posts[k], snap_limit_);
    if (!snap) {
      ++out.posts_off_road;
      continue;
    }
    sources.push_back(snap->as_source(graph_));
    post_of_source.push_back(static_cast<std::int32_t>(k));
  }
  return sources;
}

std::vector<routing::PostEntries> CircleCoverageQuery::place(std::span<const LatLon> posts) const {
  std::vector<routing::PostEntries> placed;
  placed.reserve(posts.size());
  for (const LatLon p : posts) {
    auto snap = index_.snap(p, snap_limit_);
    placed.push_back(snap ? snap->as_source(graph_) : routing::PostEntries{});
  }
  return placed;
}

CircleCoverage CircleCoverageQuery::run_placed(const std::vector<routing::PostEntries>& placed) {
  std::vector<std::int32_t> post_of_source(placed.size());
  for (std::size_t k = 0; k < placed.size(); ++k)
    post_of_source[k] = static_cast<std::int32_t>(k);
  return sites_only(placed, post_of_source, {});
}

CircleCoverage CircleCoverageQuery::sites_only(const std::vector<routing::PostEntries>& sources,
                                               const std::vector<std::int32_t>& post_of_source,
                                               CircleCoverage out) {
  double reach_s = 0;
  for (const CircleSite& s : sites_)
    reach_s = std::max(reach_s, s.promise_s);
  out.sites.assign(sites_.size(), {});
  out.covered = 0;
  std::vector<routing::Weight> time;
  std::vector<std::int32_t> source;
  if (targets_)
    targets_->run(sources, to_ms(reach_s), time, source);
  for (std::size_t i = 0; i < sites_.size(); ++i) {
    SiteReach& r = out.sites[i];
    for (const auto& [k, offset] : site_targets_[i]) {
      if (time[k] == routing::kInfinity)
        continue;
      const double seconds = (static_cast<double>(time[k]) + offset) / kMsPerSecond;
      if (seconds < r.time_s) {
        r.time_s = seconds;
        r.post = post_of_source[static_cast<std::size_t>(source[k])];
      }
    }
    r.covered = r.time_s <= sites_[i].promise_s;
    out.covered += r.covered;
  }
  return out;
}

CircleCoverage CircleCoverageQuery::run(std::span<const LatLon> posts,
                                        std::span<const double> limits) {
  CircleCoverage out;
  std::vector<std::int32_t> post_of_source;
  const std::vector<routing::PostEntries> sources = snap_posts(posts, out, post_of_source);
  if (limits.empty())
    return sites_only(sources, post_of_source, std::move(out));
  double reach_s = 0;
  for (const CircleSite& s : sites_)
    reach_s = std::max(reach_s, s.promise_s);
  for (const double l : limits)
    reach_s = std::max(reach_s, l);
  out.sites.resize(sites_.size());
  const auto settle = [&](std::size_t i, double seconds, std::int32_t source) {
    SiteReach& r = out.sites[i];
    r.time_s = seconds;
    r.post = source >= 0 ? post_of_source[static_cast<std::size_t>(source)] : -1;
    r.covered = r.time_s <= sites_[i].promise_s;
    out.covered += r.covered;
  };
  const routing::Coverage c = query_.run(sources, to_ms(reach_s));
  for (std::size_t i = 0; i < sites_.size(); ++i) {
    std::int32_t source = -1;
    const double seconds = time_at(site_entries_[i], c, &source);
    settle(i, seconds, source);
  }
  for (const double limit : limits) {
    CoverageShare share;
    share.limit_s = limit;
    std::size_t sites_in = 0, incidents_in = 0;
    for (const SiteReach& r : out.sites)
      sites_in += r.time_s <= limit;
    for (const Entries& e : incident_entries_)
      incidents_in += time_at(e, c, nullptr) <= limit;
    const routing::Weight limit_ms = to_ms(limit);
    double length_in = 0;
    for (std::uint32_t v = 0; v < graph_.node_count(); ++v) {
      if (c.time[v] > limit_ms)
        continue;
      for (ArcId a = graph_.begin_out(NodeId(v)); a != graph_.end_out(NodeId(v));
           a = ArcId(a.value() + 1))
        if (c.time[graph_.head(a).value()] <= limit_ms)
          length_in += graph_.length_dm(a);
    }
    share.sites =
        sites_.empty() ? 0 : static_cast<double>(sites_in) / static_cast<double>(sites_.size());
    share.incidents = incident_entries_.empty() ? 0
                                                : static_cast<double>(incidents_in) /
                                                      static_cast<double>(incident_entries_.size());
    share.road_length = road_length_ > 0 ? length_in / road_length_ : 0;
    out.shares.push_back(share);
  }
  return out;
}

}  // namespace shouwang::analytics
