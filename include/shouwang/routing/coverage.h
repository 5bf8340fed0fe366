#pragma once
// Coverage of a set of posts: for every road node, the travel time from the nearest post
// and which post that is — the data behind "which key sites are reached in 1, 3, 5 minutes".
//
// Two implementations with one answer. `coverage()` is a multi-source Dijkstra on the road
// graph, the reference. `CoverageQuery` runs PHAST on a contraction hierarchy (Delling,
// Goldberg, Nowatzyk, Werneck, "PHAST: Hardware-accelerated shortest path trees", 2011):
// one upward search from all posts at once, then one sweep over every node from the
// highest rank down, where each node takes the best of its downward arcs from higher
// nodes. The sweep reads the hierarchy's arrays in order, which is what makes it several
// times faster than a Dijkstra that settles most of the city.

#include <cstdint>
#include <utility>
#include <vector>

#include <shouwang/routing/contraction_hierarchy.h>
#include <shouwang/routing/dijkstra.h>
#include <shouwang/routing/radix_heap.h>
#include <shouwang/routing/road_graph.h>

namespace shouwang::routing {

// For each node, the time from the nearest post and which post that is (an index into the
// posts given); kInfinity / -1 beyond the limit. When two posts are equally near, either
// may be named.
struct Coverage {
  std::vector<Weight> time;
  std::vector<std::int32_t> post;
  // Nodes reached within `t` ms (t at most the limit the coverage was computed for).
  [[nodiscard]] std::size_t covered_within(Weight t) const;
};

// Each post is a list of graph entries with start offsets (Snap::as_source).
using PostEntries = std::vector<std::pair<NodeId, Weight>>;

// The reference: one bounded Dijkstra from all posts at once.
Coverage coverage(const RoadGraph& graph, DijkstraQuery& query,
                  const std::vector<PostEntries>& posts, Weight limit);

// PHAST on a hierarchy built from the same graph. One instance per thread; it keeps
// per-rank work arrays between calls.
class CoverageQuery {
 public:
  explicit CoverageQuery(const ContractionHierarchy& hierarchy);

  [[nodiscard]] Coverage run(const std::vector<PostEntries>& posts, Weight limit);

 private:
  void reach(std::uint32_t rank, Weight time, std::int32_t post);

  const ContractionHierarchy& ch_;
  std::vector<Weight> time_;        // by rank
  std::vector<std::int32_t> post_;  // by rank
  RadixHeap<std::uint32_t> queue_;  // (time, rank) of the upward search
};

// The same times for a fixed set of target nodes only (RPHAST: Delling, Goldberg, Werneck,
// "Faster batched shortest paths in road networks", 2011): the nodes whose time the targets
// depend on (the targets and, recursively, the heads of their downward arcs) are selected
// once, in descending rank; each run sweeps only them. For live coverage, where the key
// sites stay and the units move, this is a small part of the city.
class TargetCoverageQuery {
 public:
  TargetCoverageQuery(const ContractionHierarchy& hierarchy, const std::vector<NodeId>& targets);

  // time[k] and post[k] for targets[k]: kInfinity / -1 beyond the limit.
  void run(const std::vector<PostEntries>& posts, Weight limit, std::vector<Weight>& time,
           std::vector<std::int32_t>& post);
  [[nodiscard]] std::size_t swept() const { return sweep_.size(); }

 private:
  const ContractionHierarchy& ch_;
  std::vector<std::uint32_t> target_ranks_;
  std::vector<std::uint32_t> sweep_;    // ranks to sweep, highest first
  std::vector<Weight> time_;            // by rank
  std::vector<std::int32_t> post_;      // by rank
  std::vector<std::uint32_t> touched_;  // ranks the upward search labelled
  RadixHeap<std::uint32_t> queue_;
};

}  // namespace shouwang::routing
