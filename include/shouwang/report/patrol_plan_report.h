#pragma once
// The patrol plan of a shift (server/patrol_plan.h) as a page a station prints for its
// patrols: one table per station of the cells to patrol, best first, with where each is,
// why (its share of the forecast, the incidents expected in the shift and those of the
// last 28 days) and a blank column for the officer's initials. Self-contained HTML, no
// script; zh-CN or en.

#include <string>

#include <nlohmann/json_fwd.hpp>

#include <shouwang/report/briefing_report.h>

namespace shouwang::report {

std::string render_patrol_plan_html(const nlohmann::json& plan, const BriefingContext& context);

}  // namespace shouwang::report
