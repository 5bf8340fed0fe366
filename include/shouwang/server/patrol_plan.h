#pragma once
// The patrol plan (巡逻防控建议) for a shift (GET /api/v1/forecast/patrol-plan): the cells
// where the default forecaster (analytics/forecast_default.h) expects the shift's
// incidents, the top ones of each station's area, as a list a station prints for its
// patrols and as GeoJSON for the map.
//
// The shift: day 08:00–20:00 or night 20:00–08:00 in the centre's time; `shift=next` (the
// default) is the next one to start. The forecast learns from the incidents of the same
// hours only (night burglaries are not day thefts), as the history holds them up to the
// shift's start; cells are squares of `cell` metres (default 250) on the lattice through
// the history's grid origin, each given to the station whose area holds its centre.
//
// Per cell: its rank in the station, `share` (its part of the forecast's mass over the
// whole city), `expected` (share × the city's mean incidents per shift of those hours
// over the last 28 days) and `recent` (its incidents of those hours in the last 28 days),
// so an officer can see why a cell is on the list.
//
// Parameters: shift (next, day, night), date (the shift's day, YYYY-MM-DD; default: that of
// the next shift), cells (per station, 1–20, default 5), cell, station (one station's
// plan), type, group (the common filters), format (json, geojson, html), lang (zh, en).

#include <map>
#include <string>

#include <shouwang/base/clock.h>
#include <shouwang/base/result.h>
#include <shouwang/server/stats_answers.h>

namespace shouwang::server {

struct PatrolPlanDocument {
  std::string content_type;
  std::string body;
};

Result<PatrolPlanDocument> answer_patrol_plan(const Statistics& statistics,
                                              const std::map<std::string, std::string>& params,
                                              const StatsEnvironment& env, UtcTime now);

}  // namespace shouwang::server
