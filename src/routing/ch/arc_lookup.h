#pragma once
// Finding the arc of the hierarchy between two ranks: how a shortcut's middle node leads
// to its two halves (used by path unpacking and by ContractionHierarchy::check).

#include <cstdint>

#include <shouwang/routing/contraction_hierarchy.h>

namespace shouwang::routing::ch {

inline constexpr std::uint32_t kNoArc = 0xFFFFFFFFu;

// The index of the lightest arc stored at rank `tail` that leads to rank `head`, or kNoArc.
// Precondition: tail is a rank of `arcs` (first_out has tail + 1 entries or more).
inline std::uint32_t find_arc(const ChArcs& arcs, std::uint32_t tail, std::uint32_t head) {
  std::uint32_t best = kNoArc;
  for (std::uint32_t a = arcs.first_out[tail]; a < arcs.first_out[tail + 1]; ++a) {
    if (arcs.head[a].value() == head && (best == kNoArc || arcs.weight[a] < arcs.weight[best])) {
      best = a;
    }
  }
  return best;
}

}  // namespace shouwang::routing::ch
