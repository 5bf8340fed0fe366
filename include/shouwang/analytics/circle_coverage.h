#pragma once
// Quick-response circles (1-3-5分钟快反圈): which key sites the posts, or the units now on
// duty, reach by road within each site's promised time, and the shares of sites, of
// incidents and of road length reached within 60, 180 and 300 s.
//
// One multi-source search from every post at once (routing::CoverageQuery, PHAST on the
// contraction hierarchy) gives each road node its nearest post; a site's time is that of
// the road point it snaps to. Sites and incidents are snapped once, when they are set;
// posts on every run, since for live coverage they are units that move. A run without
// limits (the live path) sweeps only the part of the hierarchy the sites depend on
// (routing::TargetCoverageQuery), chosen when the sites are set. A site or post
// farther than the snapping limit from every road is off the road network: it reaches and
// is reached by nothing.

#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <span>
#include <vector>

#include <shouwang/base/geo.h>
#include <shouwang/base/ids.h>
#include <shouwang/routing/contraction_hierarchy.h>
#include <shouwang/routing/coverage.h>
#include <shouwang/routing/snap_index.h>

namespace shouwang::analytics {

struct CircleSite {
  LatLon position;
  double promise_s = 180;  // the site's tier: 60, 180 or 300 s
};

struct SiteReach {
  double time_s = std::numeric_limits<double>::infinity();  // from the nearest post
  std::int32_t post = -1;                                   // which post; -1 for none
  bool covered = false;                                     // time_s <= the site's promise
};

struct CoverageShare {
  double limit_s = 0;
  double sites = 0;        // share of sites reached within the limit
  double incidents = 0;    // share of incidents
  double road_length = 0;  // share of road length (arcs whose both ends are reached)
};

struct CircleCoverage {
  std::vector<SiteReach> sites;
  std::size_t covered = 0;            // sites reached within their own promise
  std::vector<CoverageShare> shares;  // one per limit asked for
  std::size_t posts_off_road = 0;
};

// Keeps the snapped sites and incidents and the search's work arrays: one per thread.
class CircleCoverageQuery {
 public:
  // `hierarchy` and `index` must be of the same graph and outlive the query.
  CircleCoverageQuery(const routing::ContractionHierarchy& hierarchy,
                      const routing::SnapIndex& index, Meters snap_limit = Meters(500));

  // Returns how many sites (incidents) are off the road network.
  std::size_t set_sites(std::span<const CircleSite> sites);
  std::size_t set_incidents(std::span<const LatLon> incidents);

  // Coverage from `posts`. `limits` (seconds) ask for shares; without them only the sites'
  // reach is computed (the live path), searching as far as the largest promise.
  [[nodiscard]] CircleCoverage run(std::span<const LatLon> posts,
                                   std::span<const double> limits = {});
  // Posts placed on the roads for run_placed(): an off-road post gets no entries (it
  // reaches nothing).
  [[nodiscard]] std::vector<routing::PostEntries> place(std::span<const LatLon> posts) const;
  // The live path for posts already placed on the roads (a unit's placement is made once
  // per move as its fix arrives, routing::Snap::as_source): post k is placed[k].
  [[nodiscard]] CircleCoverage run_placed(const std::vector<routing::PostEntries>& placed);

 private:
  using Entries = std::vector<std::pair<NodeId, routing::Weight>>;
  [[nodiscard]] double time_at(const Entries& target, const routing::Coverage& c,
                               std::int32_t* post) const;

  [[nodiscard]] CircleCoverage sites_only(const std::vector<routing::PostEntries>& sources,
                                          const std::vector<std::int32_t>& post_of_source,
                                          CircleCoverage out);
  [[nodiscard]] std::vector<routing::PostEntries> snap_posts(
      std::span<const LatLon> posts, CircleCoverage& out,
      std::vector<std::int32_t>& post_of_source) const;

  const routing::ContractionHierarchy& hierarchy_;
  const routing::RoadGraph& graph_;
  const routing::SnapIndex& index_;
  Meters snap_limit_;
  routing::CoverageQuery query_;
  std::vector<CircleSite> sites_;
  std::vector<Entries> site_entries_;  // empty: off the road network
  // The live path: the sites' entry nodes as targets, and each entry's target index.
  std::unique_ptr<routing::TargetCoverageQuery> targets_;
  std::vector<std::vector<std::pair<std::uint32_t, routing::Weight>>> site_targets_;
  std::vector<Entries> incident_entries_;  // empty: off the road network
  double road_length_ = 0;
};

}  // namespace shouwang::analytics
