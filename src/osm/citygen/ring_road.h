#pragma once
// The elevated expressway ring (环城高架): two one-way carriageways on a viaduct around the
// centre, joined to primary arterials by diamond interchanges whose ramps come down to
// the ground road.

#include "osm/citygen/arterial_grid.h"
#include "osm/citygen/city_plan.h"
#include "osm/citygen/layout_context.h"
#include "osm/citygen/river.h"

namespace shouwang::osm::citygen {

// Adds the ring and its ramps. Ramp feet are inserted as vertices into the ground roads
// they join, so both share one node. Must run before the river cut and the noder.
void add_ring_road(LayoutContext& ctx, const River& river, CityPlan& plan);

}  // namespace shouwang::osm::citygen
