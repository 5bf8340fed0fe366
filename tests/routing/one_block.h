#pragma once
// One city block whose travel times are easy to work out by hand, for the small position
// tests with known answers:
//
//        3 <------------ 2
//        |     10 s      ^
//   10 s |               | 10 s
//        v   10 s east   |
//        0 ============= 1
//            20 s west
//
// 0 = 1 is a two-way street, slow westbound; 1 -> 2, 2 -> 3 and 3 -> 0 are one-way. Round the
// block from 1 back to 1 takes 40 s, from 1 to 0 the long way 30 s.

#include <cstdint>

#include <shouwang/routing/contraction_hierarchy.h>
#include <shouwang/routing/road_graph.h>
#include <shouwang/routing/snap_index.h>

namespace shouwang::routing::testing {

class OneBlock {
 public:
  OneBlock();

  [[nodiscard]] const RoadGraph& graph() const { return graph_; }
  [[nodiscard]] const ContractionHierarchy& hierarchy() const { return hierarchy_; }

  // The arc u -> v. Precondition: there is one.
  [[nodiscard]] ArcId arc(std::uint32_t u, std::uint32_t v) const;
  // The position a fraction `t` along the street from u to v, named by the arc u -> v (and
  // v -> u as the reverse when the street is two-way).
  [[nodiscard]] Snap at(std::uint32_t u, std::uint32_t v, double t) const;

 private:
  RoadGraph graph_;
  ContractionHierarchy hierarchy_;
};

}  // namespace shouwang::routing::testing
