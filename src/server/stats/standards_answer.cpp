#include "server/stats/standards_answer.h"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include <shouwang/analytics/response_times.h>
#include <shouwang/osm/jurisdictions.h>

#include "server/stats/stats_json.h"

namespace shouwang::server::stats {
namespace {

using nlohmann::json;
namespace an = analytics;

constexpr double kNfpaTravelS = 240;

struct StationClass {
  std::string code;
  bool urban = true;
  std::optional<double> density;  // residents per km², when the population is known
};

Result<double> read_number(const StatsParams& params, const std::string& name, double fallback) {
  const auto it = params.rest.find(name);
  if (it == params.rest.end())
    return fallback;
  auto values = read_seconds_list(name, it->second);
  if (!values || values->size() != 1 || (*values)[0] <= 0)
    return Error(Errc::kInvalidArgument, name + " is one positive number", name);
  return (*values)[0];
}

// Every station the caller may see, with its class.
std::vector<StationClass> classify(const StatsEnvironment& env, const StatsParams& params,
                                   double urban_density) {
  std::vector<StationClass> out;
  if (env.jurisdictions == nullptr)
    return out;
  for (const osm::OrgUnit& unit : env.jurisdictions->units()) {
    if (unit.level != osm::OrgLevel::kStation || (env.in_scope && !env.in_scope(unit.code)))
      continue;
    const auto& wanted = params.filter.stations;
    if (!wanted.empty() && std::find(wanted.begin(), wanted.end(), unit.code) == wanted.end())
      continue;
    StationClass c{unit.code, true, std::nullopt};
    const double km2 = osm::area_square_km(unit);
    if (unit.population && km2 > 0) {
      c.density = static_cast<double>(*unit.population) / km2;
      c.urban = *c.density >= urban_density;
    }
    out.push_back(std::move(c));
  }
  return out;
}

Result<an::ResponseReport> arrivals(const an::IncidentHistory& history, const StatsParams& params,
                                    std::vector<std::string> stations,
                                    std::vector<an::Dimension> by, std::vector<double> limits) {
  an::ResponseQuery query;
  query.period = params.period;
  query.filter = params.filter;
  query.filter.stations = stations.empty() ? std::vector<std::string>{"\x01"} : std::move(stations);
  query.by = std::move(by);
  query.limits_s = std::move(limits);
  return an::response_times(history, query);
}

json class_total(const an::ResponseRow& row, double standard_s) {
  json out = response_row(row, {standard_s});
  out["standard_s"] = standard_s;
  return out;
}

}  // namespace

Result<std::string> standards(const StatsEnvironment& env, const an::IncidentHistory& history,
                              const StatsParams& params) {
  if (Status ok = only_known(params, {"urban_density", "urban_s", "suburban_s"}); !ok)
    return ok.error();
  auto density = read_number(params, "urban_density", 1500);
  auto urban_s = read_number(params, "urban_s", 300);
  auto suburban_s = read_number(params, "suburban_s", 600);
  for (const auto* r : {&density, &urban_s, &suburban_s}) {
    if (!*r)
      return r->error();
  }
  const std::vector<StationClass> stations = classify(env, params, *density);
  std::vector<std::string> urban, suburban;
  for (const StationClass& c : stations)
    (c.urban ? urban : suburban).push_back(c.code);

  auto urban_report = arrivals(history, params, urban, {}, {*urban_s});
  auto suburban_report = arrivals(history, params, suburban, {}, {*suburban_s});
  std::vector<std::string> all = urban;
  all.insert(all.end(), suburban.begin(), suburban.end());
  auto by_station =
      arrivals(history, params, all, {an::Dimension::kStation}, {*urban_s, *suburban_s});
  for (const auto* r : {&urban_report, &suburban_report, &by_station}) {
    if (!*r)
      return r->error();
  }
  json rows = json::array();
  for (const StationClass& c : stations) {
    const double standard = c.urban ? *urban_s : *suburban_s;
    json row = {{"key", c.code},
                {"class", c.urban ? "urban" : "suburban"},
                {"class_basis", c.density ? "density" : "no_population"},
                {"density", c.density ? json(std::round(*c.density)) : json(nullptr)},
                {"standard_s", standard},
                {"n", 0},
                {"within_standard", nullptr}};
    for (const an::ResponseRow& r : by_station->rows) {
      if (r.key[0] != c.code || !r.seconds)
        continue;
      row["n"] = r.seconds->n;
      row["median_s"] = seconds(r.seconds->median);
      row["p90_s"] = seconds(r.seconds->p90);
      row["within_standard"] = share(r.within[c.urban ? 0 : 1]);
      row["missing"] = r.missing;
    }
    rows.push_back(std::move(row));
  }
  // Lowest share first: the stations that fall short lead.
  std::stable_sort(rows.begin(), rows.end(), [](const json& a, const json& b) {
    const double x = a["within_standard"].is_null() ? 2.0 : a["within_standard"].get<double>();
    const double y = b["within_standard"].is_null() ? 2.0 : b["within_standard"].get<double>();
    return x < y;
  });

  // NFPA 1710: travel (en route → first arrival) at the 90th percentile.
  an::ResponseQuery travel;
  travel.period = params.period;
  travel.filter = params.filter;
  travel.from = an::Milestone::kFirstEnRoute;
  travel.to = an::Milestone::kFirstArrived;
  travel.limits_s = {kNfpaTravelS};
  auto nfpa = an::response_times(history, travel);
  if (!nfpa)
    return nfpa.error();
  json nfpa_json = response_row(nfpa->total, {kNfpaTravelS});
  nfpa_json["standard_s"] = kNfpaTravelS;
  nfpa_json["percentile"] = 90;
  nfpa_json["meets"] =
      nfpa->total.seconds ? json(nfpa->total.seconds->p90 <= kNfpaTravelS) : json(nullptr);

  return text({{"period", period_json(params.period, history)},
               {"officer_initiated", params.filter.officer_initiated},
               {"urban_density", *density},
               {"urban", class_total(urban_report->total, *urban_s)},
               {"suburban", class_total(suburban_report->total, *suburban_s)},
               {"stations", std::move(rows)},
               {"nfpa", std::move(nfpa_json)}});
}

}  // namespace shouwang::server::stats
