// shouwang backtest PLAN.toml [--events FILE] [--boundary FILE] [--methods a,b] [--out FILE]:
// rolling-origin evaluation of the shipped forecast methods on a plan's events
// (docs/forecasting.md): pooled PAI, PEI*, hit rates, and each method's PAI ratio to the
// best baseline with a paired bootstrap interval.

#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <shouwang/analytics/backtest.h>
#include <shouwang/analytics/forecast_methods.h>
#include <shouwang/exchange/backtest_input.h>

#include "cli_args.h"
#include "stats_table.h"
#include "verbs.h"

namespace shouwang::cli {
namespace {

using nlohmann::json;

const std::vector<FlagSpec> kFlags = {
    {"events", true, "the events CSV instead of the plan's"},
    {"boundary", true, "the boundary (shapefile, zip or GeoJSON) instead of the plan's"},
    {"methods", true, "comma-separated method names (default: the plan's, else all)"},
    {"out", true, "write the results as JSON to this file"},
    {"help", false, "show this help"},
};

constexpr const char* kUsage =
    "usage: shouwang backtest PLAN.toml [--events FILE] [--boundary FILE] [--methods a,b] [--out "
    "FILE.json]\n"
    "       e.g. shouwang backtest data/backtest/portland_burglary.toml --events "
    "portland_burglary_2012-2017.csv\n";

int usage_error(const std::string& message) {
  std::cerr << "shouwang backtest: " << message << "\n" << kUsage;
  return kExitUsage;
}

int failure(const std::string& message) {
  std::cerr << "shouwang backtest: " << message << "\n";
  return kExitFailure;
}

std::set<std::string> split_names(const std::string& text) {
  std::set<std::string> names;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = text.find(',', start);
    const std::string name =
        text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (!name.empty())
      names.insert(name);
    if (comma == std::string::npos)
      break;
    start = comma + 1;
  }
  return names;
}

std::string fixed(double v, int digits) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", digits, v);
  return buffer;
}

double round_to(double v, int digits) {
  const double scale = std::pow(10.0, digits);
  return std::round(v * scale) / scale;
}

// One schedule at one cell side.
json run_setting(const exchange::BacktestPlanFile& plan, const exchange::BacktestSchedule& schedule,
                 double cell, const analytics::Boundary& boundary,
                 const std::vector<analytics::SpaceTimeEvent>& events, double metres_per_unit,
                 const std::set<std::string>& wanted, const std::string& unit) {
  auto grid = analytics::StudyGrid::over(boundary, cell);
  if (!grid)
    return json{{"error", grid.error().message}};
  const analytics::GridEvents placed = analytics::place_events(events, *grid, boundary);
  analytics::BacktestPlan bp;
  bp.origins = schedule.origins();
  bp.horizon = schedule.horizon;
  bp.hot_area = plan.hot_area;
  bp.study_area = plan.study_area.value_or(boundary.area());

  std::vector<analytics::ShippedMethod> shipped = analytics::shipped_methods(metres_per_unit);
  std::vector<analytics::ForecastMethod*> methods;
  std::vector<bool> baseline;
  for (auto& m : shipped) {
    if (wanted.empty() || wanted.contains(m.method->name())) {
      methods.push_back(m.method.get());
      baseline.push_back(m.baseline);
    }
  }
  const analytics::ForecastInput input{&*grid, &placed};
  const std::vector<analytics::MethodOutcome> outcomes =
      analytics::run_backtest(input, bp, methods);

  std::size_t best = outcomes.size();
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    if (baseline[i] &&
        (best == outcomes.size() || outcomes[i].pooled_pai > outcomes[best].pooled_pai))
      best = i;
  }
  json rows = json::array();
  Table table{{"method", "PAI", "PEI*", "hit 1%", "hit 5%", "ratio to best [95% CI]", "s"}, {}};
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    const auto& o = outcomes[i];
    json row{{"method", o.method},
             {"baseline", static_cast<bool>(baseline[i])},
             {"pooled_pai", round_to(o.pooled_pai, 4)},
             {"pooled_pei_star", round_to(o.pooled_pei_star, 4)},
             {"hit_rate_1pct", round_to(o.hit_rate_1pct, 4)},
             {"hit_rate_5pct", round_to(o.hit_rate_5pct, 4)},
             {"n_origins", o.origins.size()},
             {"seconds", round_to(o.seconds, 3)}};
    std::string ratio_text = "-";
    if (best < outcomes.size()) {
      const analytics::PaiRatio r =
          analytics::pai_ratio(o, outcomes[best], plan.bootstrap_samples, plan.seed);
      row["ratio_to_best_baseline"] = {{"ratio", round_to(r.ratio, 4)},
                                       {"low", round_to(r.low, 4)},
                                       {"high", round_to(r.high, 4)}};
      ratio_text = fixed(r.ratio, 3) + " [" + fixed(r.low, 3) + ", " + fixed(r.high, 3) + "]";
    }
    rows.push_back(row);
    table.rows.push_back({o.method, fixed(o.pooled_pai, 2), fixed(o.pooled_pei_star, 3),
                          fixed(o.hit_rate_1pct, 3), fixed(o.hit_rate_5pct, 3), ratio_text,
                          fixed(o.seconds, 2)});
  }
  std::uint64_t total = 0;
  if (!outcomes.empty())
    for (const auto& o : outcomes.front().origins)
      total += o.total;
  const std::size_t k = analytics::hot_cell_count(bp.hot_area, grid->cell_area());
  std::cout << "\n== " << schedule.name << ", " << fixed(cell, 0) << " " << unit << " cells ("
            << grid->size() << " in the study area), " << bp.origins.size() << " origins, horizon "
            << schedule.horizon / 86'400 << " d, K = " << k << " cells, " << total
            << " events in the periods\n"
            << table.text();
  return json{{"schedule", schedule.name},
              {"cell", cell},
              {"study_cells", grid->size()},
              {"horizon_days", schedule.horizon / 86'400},
              {"n_origins", bp.origins.size()},
              {"hot_cells", k},
              {"events_in_periods", total},
              {"best_baseline", best < outcomes.size() ? json(outcomes[best].method) : json()},
              {"methods", rows}};
}

}  // namespace

int run_backtest(const std::vector<std::string>& argv) {
  const auto args = Args::parse(argv, kFlags, 1);
  if (!args)
    return usage_error(args.error().message);
  if (args->has("help")) {
    std::cout << kUsage << usage_lines(kFlags);
    return kExitOk;
  }
  if (args->positional().size() != 1)
    return usage_error("name the plan file");
  const auto started = std::chrono::steady_clock::now();
  auto plan = exchange::load_backtest_plan(args->positional().front());
  if (!plan)
    return failure(plan.error().message);
  if (auto events = args->get("events"))
    plan->events_file = *events;
  if (auto boundary = args->get("boundary"))
    plan->boundary_file = *boundary;
  std::set<std::string> wanted(plan->methods.begin(), plan->methods.end());
  if (auto methods = args->get("methods"))
    wanted = split_names(*methods);
  auto input = exchange::load_backtest_input(*plan);
  if (!input)
    return failure(input.error().message);
  {  // names carry parameters in the system's units, so they are known once the input is
    std::set<std::string> names;
    std::string known;
    for (const auto& m : analytics::shipped_methods(input->metres_per_unit)) {
      names.insert(m.method->name());
      known += (known.empty() ? "" : ", ") + m.method->name();
    }
    for (const std::string& name : wanted) {
      if (!names.contains(name))
        return usage_error("no method '" + name + "' (the methods are: " + known + ")");
    }
  }
  auto boundary = analytics::Boundary::from_rings(std::move(input->boundary));
  if (!boundary)
    return failure(plan->boundary_file.filename().string() + ": " + boundary.error().message);
  std::vector<analytics::SpaceTimeEvent> events;
  events.reserve(input->events.size());
  for (const auto& e : input->events)
    events.push_back({e.time, e.at});
  std::cout << (plan->name.empty() ? plan->source : plan->name) << "\n"
            << input->rows << " rows: " << events.size() << " events, " << input->skipped
            << " skipped, " << input->filtered << " left out by the filter; study area "
            << fixed(plan->study_area.value_or(boundary->area()), 0) << " square " << input->unit
            << " (boundary " << fixed(boundary->area(), 0) << ")\n";
  for (const std::string& problem : input->problems)
    std::cout << "  skipped " << problem << "\n";

  json settings = json::array();
  for (const auto& schedule : plan->schedules) {
    for (const double cell : plan->cells) {
      json setting = run_setting(*plan, schedule, cell, *boundary, events, input->metres_per_unit,
                                 wanted, input->unit);
      if (setting.contains("error"))
        return failure(setting["error"].get<std::string>());
      settings.push_back(std::move(setting));
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << "\n" << fixed(seconds, 1) << " s in all\n";
  if (auto out = args->get("out")) {
    const json result{{"plan", plan->name},
                      {"unit", input->unit},
                      {"study_area", plan->study_area.value_or(boundary->area())},
                      {"boundary_area", boundary->area()},
                      {"events",
                       {{"rows", input->rows},
                        {"used", events.size()},
                        {"skipped", input->skipped},
                        {"filtered", input->filtered}}},
                      {"settings", settings},
                      {"seconds", round_to(seconds, 2)}};
    std::ofstream file(*out, std::ios::binary | std::ios::trunc);
    file << result.dump(2) << "\n";
    file.close();
    if (!file)
      return failure(*out + ": cannot write");
  }
  return kExitOk;
}

}  // namespace shouwang::cli
