#include "routing/one_block.h"

#include <cassert>
#include <optional>
#include <vector>

#include "routing/segment_positions.h"

namespace shouwang::routing::testing {
namespace {

RoadGraph block() {
  // About 110 m a side, near the centre of Shanghai.
  std::vector<LatLon> corners{
      {31.2300, 121.4700}, {31.2300, 121.4712}, {31.2310, 121.4712}, {31.2310, 121.4700}};
  std::vector<ArcInput> arcs{{NodeId(0), NodeId(1), 10'000, 1100},
                             {NodeId(1), NodeId(0), 20'000, 1100},
                             {NodeId(1), NodeId(2), 10'000, 1100},
                             {NodeId(2), NodeId(3), 10'000, 1100},
                             {NodeId(3), NodeId(0), 10'000, 1100}};
  return std::move(RoadGraph::build(std::move(corners), std::move(arcs))).value();
}

std::optional<ArcId> find_arc(const RoadGraph& graph, std::uint32_t u, std::uint32_t v) {
  for (ArcId a = graph.begin_out(NodeId(u)); a < graph.end_out(NodeId(u));
       a = ArcId(a.value() + 1)) {
    if (graph.head(a) == NodeId(v)) {
      return a;
    }
  }
  return std::nullopt;
}

}  // namespace

OneBlock::OneBlock() : graph_(block()), hierarchy_(ContractionHierarchy::build(graph_)) {}

ArcId OneBlock::arc(std::uint32_t u, std::uint32_t v) const {
  const auto a = find_arc(graph_, u, v);
  assert(a);
  return *a;
}

Snap OneBlock::at(std::uint32_t u, std::uint32_t v, double t) const {
  return position_on(graph_, arc(u, v), find_arc(graph_, v, u), t);
}

}  // namespace shouwang::routing::testing
