#pragma once
// Via-way turn restrictions applied by copying the via path. An arrival on the from way
// that turns onto the via path is moved onto a copy of the path's nodes. Each copy has the
// exits of its original, except that the exit along the path leads to the next copy, and
// that the last copy leaves only as the restriction allows (no_*: every exit but the to
// way; only_*: the to way alone). Leaving the path early, onto another road or by a U-turn,
// leads back to the ordinary nodes, where the restriction no longer holds; every other
// arrival keeps using the ordinary nodes and is not affected. Plain shortest-path searches
// (Dijkstra, CH) then obey the restriction exactly, with no turn logic of their own.
//
//   before:            from ──► a ── m ── b ──► to, y        (x leaves at m)
//
//   after:             from ──► a' ──► m' ──► b' ──► y       (x leaves at m' too; no `to`)
//            every other way ──► a ─── m ─── b ──► to, y     (as before)
//
// The path runs in one direction: an arrival at b along the via way from the other side is
// an ordinary arrival. For only_* the vehicle may still leave the via path before its end;
// the restriction binds the choice at its end, as OSM's only_* with a via node does at the
// node. Works on the graph left by the via-node splitting: a copy copies its original as
// the arrival that original stands for, so via-node restrictions at the path's nodes still
// hold on the copies. Restrictions are applied one after another, each exact on the graph
// the ones before left, so overlapping paths combine. A node whose every arriving arc comes
// from the restricted path is changed in place rather than copied, so no node is left
// without arrivals.

#include <cstdint>
#include <vector>

#include <shouwang/base/geo.h>

#include "osm/import/turn_restrictions.h"
#include "osm/import/via_path.h"

namespace shouwang::osm::import {

// A restriction with the readings of its path (resolve_via_paths).
struct ResolvedViaWay {
  ViaWayRestriction restriction;
  std::vector<ViaPath> readings;
};

struct ViaWayReport {
  std::size_t applied = 0;      // restrictions with at least one reading applied
  std::size_t not_found = 0;    // no reading a car can drive from the from way to the to way
  std::size_t unsupported = 0;  // skipped: the path passes a node twice, or could start
                                // again inside itself (an arc of the from way from one of
                                // its nodes into its first node)
  std::size_t nodes_added = 0;  // copies created
};

// Rewrites `arcs` and appends the copies to `coordinates` and `osm_ids`.
ViaWayReport apply_via_way_restrictions(const std::vector<ResolvedViaWay>& restrictions,
                                        std::vector<WayArc>& arcs, std::vector<LatLon>& coordinates,
                                        std::vector<std::int64_t>& osm_ids);

}  // namespace shouwang::osm::import
