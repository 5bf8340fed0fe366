#pragma once
// Travel-time tables between many sources and many targets on a contraction hierarchy
// (bucket many-to-many): one backward upward search per target fills buckets, then one
// forward upward search per source reads them. Exact, like the one-to-one query.

#include <span>
#include <utility>
#include <vector>

#include <shouwang/routing/contraction_hierarchy.h>

namespace shouwang::routing {

using TableEntry = std::pair<NodeId, Weight>;

// result[i][j] = travel time from sources[i] to targets[j] (each given as the graph entries
// of a position, e.g. Snap::as_source / as_target); kInfinity when unreachable.
std::vector<std::vector<Weight>> distance_table(const ContractionHierarchy& ch,
                                                std::span<const std::vector<TableEntry>> sources,
                                                std::span<const std::vector<TableEntry>> targets);

}  // namespace shouwang::routing
