#pragma once
// Travel-time tables between many sources and many targets on a contraction hierarchy
// (bucket many-to-many): one backward upward search per target fills buckets, then one
// forward upward search per source reads them. Exact, like the one-to-one query.
// Between snapped positions a cell also takes the straight drive along a shared segment.

#include <span>
#include <utility>
#include <vector>

#include <shouwang/routing/contraction_hierarchy.h>
#include <shouwang/routing/road_graph.h>
#include <shouwang/routing/snap_index.h>

namespace shouwang::routing {

using TableEntry = std::pair<NodeId, Weight>;

// result[i][j] = travel time from sources[i] to targets[j] (each given as the graph entries
// of a position, e.g. Snap::as_source / as_target); kInfinity when unreachable.
std::vector<std::vector<Weight>> distance_table(const ContractionHierarchy& ch,
                                                std::span<const std::vector<TableEntry>> sources,
                                                std::span<const std::vector<TableEntry>> targets);

// The same between snapped positions: result[i][j] is the smaller of the graph time from
// sources[i] to targets[j] and, when both lie on one road segment, the straight drive along
// it (straight_drive.h). `graph` is the graph the hierarchy and the snaps were made for.
// One-to-many and many-to-one are the 1 x N and N x 1 cases.
std::vector<std::vector<Weight>> distance_table(const ContractionHierarchy& ch,
                                                const RoadGraph& graph,
                                                std::span<const Snap> sources,
                                                std::span<const Snap> targets);

}  // namespace shouwang::routing
