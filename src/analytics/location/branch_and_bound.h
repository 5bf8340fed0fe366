#pragma once
// Depth-first branch and bound over which sites are open, for the location problems
// (facility_location.h). A Relaxation gives, for multipliers λ and the sites fixed open or
// closed at a node, a bound and the p sites its relaxed problem picks (also a feasible
// answer, costed exactly as a primal candidate); subgradient steps tighten the bound at
// each node. A node is pruned when its bound cannot beat the incumbent; otherwise the
// most attractive free site of the relaxed answer is branched on, open first.
//
// Relaxation (sense: minimise for the p-median, maximise for the MCLP):
//   bool minimise;
//   std::vector<double> start() const;                     // λ at the root
//   Relaxed solve(const std::vector<double>& λ, const std::vector<std::int8_t>& fix) const;
//   double objective(const std::vector<std::uint32_t>& sites) const;
//   void step(std::vector<double>& λ, const Relaxed& r, double incumbent, double theta) const;

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <string>
#include <vector>

#include <shouwang/analytics/facility_location.h>

#include "analytics/location/location_support.h"

namespace shouwang::analytics::location {

inline constexpr std::int8_t kFree = -1, kClosed = 0, kOpen = 1;

// A bound within this share of the incumbent proves it: subgradient steps approach the
// Lagrangian dual only asymptotically, so an exact tie is never reached.
inline constexpr double kProofTolerance = 1e-7;

struct Relaxed {
  double bound = 0;
  std::vector<std::uint32_t> chosen;  // p sites: the fixed-open ones and the best free ones
  std::vector<double> score;          // per site: how much the relaxation wants it (higher: more)
};

// The fixed-open sites and then the free ones of highest score, p in all.
inline std::vector<std::uint32_t> pick(const std::vector<double>& score,
                                       const std::vector<std::int8_t>& fix, std::size_t p) {
  std::vector<std::uint32_t> chosen, free;
  for (std::uint32_t j = 0; j < fix.size(); ++j) {
    if (fix[j] == kOpen)
      chosen.push_back(j);
    else if (fix[j] == kFree)
      free.push_back(j);
  }
  const std::size_t more = p - chosen.size();
  std::partial_sort(free.begin(), free.begin() + static_cast<std::ptrdiff_t>(more), free.end(),
                    [&](std::uint32_t a, std::uint32_t b) {
                      return score[a] > score[b] || (score[a] == score[b] && a < b);
                    });
  chosen.insert(chosen.end(), free.begin(), free.begin() + static_cast<std::ptrdiff_t>(more));
  return chosen;
}

// Subgradient steps on λ from `lambda` at a node with `fix`: the best bound seen, its λ,
// and every relaxed answer tried as a primal candidate against `incumbent`. Stops early
// when the bound cannot beat the incumbent.
template <typename Relaxation>
struct Tightened {
  Relaxed best;
  std::vector<double> lambda;
};

template <typename Relaxation>
bool prunes(const Relaxation& relax, double bound, double incumbent) {
  const double tolerance = kProofTolerance * (1 + std::abs(incumbent));
  return relax.minimise ? bound >= incumbent - tolerance : bound <= incumbent + tolerance;
}

template <typename Relaxation>
Tightened<Relaxation> tighten(const Relaxation& relax, std::vector<double> lambda,
                              const std::vector<std::int8_t>& fix, int steps, double theta,
                              LocationSolution& incumbent) {
  // Objectives improve downwards when minimising; bounds on them upwards.
  const auto better = [&](double a, double b) { return relax.minimise ? a < b : a > b; };
  const auto tighter = [&](double a, double b) { return relax.minimise ? a > b : a < b; };
  StepControl control;
  control.theta = theta;
  Tightened<Relaxation> out;
  out.lambda = lambda;
  bool have = false;
  for (int it = 0; it < std::max(steps, 1); ++it) {
    Relaxed r = relax.solve(lambda, fix);
    const double value = relax.objective(r.chosen);
    if (better(value, incumbent.objective)) {
      incumbent.objective = value;
      incumbent.sites = sorted(r.chosen);
    }
    const bool improved = !have || tighter(r.bound, out.best.bound);
    control.record(improved);
    if (improved)
      out.lambda = lambda;
    const bool done = prunes(relax, improved ? r.bound : out.best.bound, incumbent.objective);
    if (!done)
      relax.step(lambda, r, incumbent.objective, control.theta);  // from the current iterate
    if (improved) {
      out.best = std::move(r);
      have = true;
    }
    if (done)
      break;
  }
  return out;
}

template <typename Relaxation>
Result<LocationSolution> branch_and_bound(const Relaxation& relax, std::size_t sites, std::size_t p,
                                          LocationSolution incumbent, std::uint64_t max_nodes,
                                          int root_steps, int node_steps) {
  struct Node {
    std::vector<std::int8_t> fix;
    std::vector<double> lambda;
    std::size_t open = 0;
    std::size_t free = 0;
  };
  std::vector<Node> stack;
  stack.push_back({std::vector<std::int8_t>(sites, kFree), relax.start(), 0, sites});
  std::uint64_t nodes = 0;
  while (!stack.empty()) {
    Node node = std::move(stack.back());
    stack.pop_back();
    if (++nodes > max_nodes)
      return Error(Errc::kOutOfRange,
                   "the exact search needs more than " + std::to_string(max_nodes) + " nodes", "p");
    auto t = tighten(relax, std::move(node.lambda), node.fix, nodes == 1 ? root_steps : node_steps,
                     nodes == 1 ? 2.0 : 1.0, incumbent);
    if (prunes(relax, t.best.bound, incumbent.objective) || node.open == p ||
        node.open + node.free == p)
      continue;
    // Branch on the free site the relaxation wants most.
    std::uint32_t site = 0;
    bool found = false;
    for (const std::uint32_t j : t.best.chosen) {
      if (node.fix[j] == kFree && (!found || t.best.score[j] > t.best.score[site])) {
        site = j;
        found = true;
      }
    }
    if (!found)
      continue;
    Node closed{node.fix, t.lambda, node.open, node.free - 1};
    closed.fix[site] = kClosed;
    Node opened{std::move(node.fix), std::move(t.lambda), node.open + 1, node.free - 1};
    opened.fix[site] = kOpen;
    if (closed.open + closed.free >= p)
      stack.push_back(std::move(closed));
    if (opened.open <= p)
      stack.push_back(std::move(opened));
  }
  incumbent.bound = incumbent.objective;  // proved: every other set was pruned
  incumbent.nodes = nodes;
  return incumbent;
}

}  // namespace shouwang::analytics::location
