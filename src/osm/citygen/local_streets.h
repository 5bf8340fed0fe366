#pragma once
// Everything inside a superblock: street grids at the block's own orientation (dense in
// the core, sparse in the suburbs), one-way couplets in the old town, residential compounds
// with service roads and dead ends, parks, and villages in the countryside.

#include "osm/citygen/arterial_grid.h"
#include "osm/citygen/city_plan.h"
#include "osm/citygen/layout_context.h"

namespace shouwang::osm::citygen {

void add_local_streets(LayoutContext& ctx, const ArterialGrid& grid, CityPlan& plan);

}  // namespace shouwang::osm::citygen
