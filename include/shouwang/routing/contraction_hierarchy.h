#pragma once
// A contraction hierarchy (CH) over a RoadGraph: the index behind fast one-to-one travel
// times. Immutable once built and safe to share between threads; queries run through a
// per-thread ChQuery (ch_query.h). No I/O here: a file writer saves the raw arrays below
// and hands them back through from_arrays.
//
// Nodes are contracted one at a time, least important first; contracting v adds a
// shortcut u→w (weight u→v + v→w, middle node v) unless a witness path u⇝w of at most
// that weight avoids v. A node's rank is its position in that order. Every arc of the
// hierarchy leads from a lower to a higher rank, and is stored at its lower end:
//
//   upward graph    arc x→y, rank x < rank y, stored at x: the road path x⇝y
//   downward graph  arc x→y, rank x < rank y, stored at x: the road path y⇝x
//
//        y   a shortcut x→y with middle m stands for m's downward arc to x (x⇝m)
//       / \  followed by m's upward arc to y (m⇝y); m ranks below x and y, so
//      x   \ unpacking the halves recursively ends in road arcs (middle = invalid)
//       \  /
//        m
//
// Both graphs are CSR arrays indexed by rank. Parallel road arcs collapse to the
// fastest one; path sums must stay below kInfinity (city paths do by far).

#include <cstdint>
#include <span>
#include <vector>

#include <shouwang/base/ids.h>
#include <shouwang/base/result.h>
#include <shouwang/base/strong_id.h>
#include <shouwang/routing/road_graph.h>

namespace shouwang::routing {

// A node's position in the contraction order: 0 is contracted first (least important).
using Rank = StrongId<struct RankTag, std::uint32_t>;

struct ChBuildOptions {
  // A witness search gives up after settling this many nodes and the shortcut is kept:
  // always correct, at worst superfluous. Larger limits give fewer shortcuts and slower
  // builds.
  std::uint32_t witness_settled_limit = 500;
  // The same limit while a node's priority is only being estimated.
  std::uint32_t priority_settled_limit = 500;
};

// One direction of the hierarchy in CSR form: the arcs stored at rank r are
// [first_out[r], first_out[r + 1]); each leads to head (a higher rank), costs weight ms,
// and is a shortcut through middle, or a road arc when middle is invalid.
struct ChArcs {
  std::vector<std::uint32_t> first_out{0};
  std::vector<Rank> head;
  std::vector<Weight> weight;
  std::vector<Rank> middle;
};

class ContractionHierarchy {
 public:
  ContractionHierarchy() = default;

  // Contracts every node of `graph`. Deterministic: the same graph and options give the
  // same arrays. Runs on the calling thread.
  static ContractionHierarchy build(const RoadGraph& graph, const ChBuildOptions& options = {});

  // Adopts arrays as saved from order(), upward() and downward() (the ranks are derived
  // from the order); kCorrupt, naming the first broken invariant, if they fail check().
  static Result<ContractionHierarchy> from_arrays(std::vector<NodeId> order, ChArcs upward,
                                                  ChArcs downward);

  [[nodiscard]] std::size_t node_count() const { return order_.size(); }
  // Arcs of both directions together (road arcs and shortcuts).
  [[nodiscard]] std::size_t arc_count() const { return up_.head.size() + down_.head.size(); }

  [[nodiscard]] Rank rank(NodeId v) const { return rank_[v.value()]; }
  [[nodiscard]] NodeId node(Rank r) const { return order_[r.value()]; }

  // Raw arrays, for serialisation and for the query's tight loops.
  [[nodiscard]] std::span<const NodeId> order() const { return order_; }  // rank → node
  [[nodiscard]] std::span<const Rank> ranks() const { return rank_; }     // node → rank
  [[nodiscard]] const ChArcs& upward() const { return up_; }
  [[nodiscard]] const ChArcs& downward() const { return down_; }

  // Structural invariants: the order is a permutation and the ranks its inverse; in both
  // graphs first_out is monotone from 0 to the arc count, array sizes agree, every arc
  // climbs to a valid higher rank with a finite weight, and every shortcut's middle ranks
  // below both ends and its two halves exist with weights that add up to its own. The
  // message names the first broken one. Linear in the size of the hierarchy (times the
  // degree of middle nodes).
  [[nodiscard]] Status check() const;

 private:
  std::vector<NodeId> order_;
  std::vector<Rank> rank_;
  ChArcs up_;
  ChArcs down_;
};

}  // namespace shouwang::routing
