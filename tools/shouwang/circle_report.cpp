#include "circle_report.h"

#include <cmath>
#include <cstdio>
#include <iostream>

#include <nlohmann/json.hpp>

#include <shouwang/analytics/circle_coverage.h>
#include <shouwang/analytics/post_planning.h>
#include <shouwang/osm/place_index.h>

#include "verbs.h"

namespace shouwang::cli {
namespace {

using nlohmann::json;

constexpr double kLimits[] = {60, 180, 300};

int fail(const std::string& message, int code = kExitFailure) {
  std::cerr << "shouwang circles: " << message << "\n";
  return code;
}

struct SitesAt {
  std::vector<cad::RegisterSite> sites;
  std::string source;
};

Result<SitesAt> key_sites(const CircleRun& run) {
  SitesAt out;
  if (run.args.has("from-pois")) {
    auto places = osm::read_place_index((run.data / osm::kPlaceIndexFileName).string());
    if (!places)
      return places.error();
    out.sites = sites_from_pois(*places, run.org);
    out.source = "the city's POIs";
  } else {
    for (const auto& [id, site] : run.state.sites) {
      if (!site.retired)
        out.sites.push_back({id, site.profile});
    }
    out.source = "the registry";
  }
  return out;
}

struct PlanFlags {
  std::size_t p = 0;
  double radius_s = 180;
  double grid_m = 400;
  analytics::PlanObjective objective = analytics::PlanObjective::kMaxCovering;
  bool exact = false;
};

Result<PlanFlags> plan_flags(const Args& args, std::string_view count_flag, std::uint64_t fallback_p) {
  PlanFlags out;
  const auto p = args.get_u64(std::string(count_flag), fallback_p);
  const auto radius = args.get_double("radius", 180);
  const auto grid = args.get_double("grid", 400);
  if (!p)
    return p.error();
  if (!radius)
    return radius.error();
  if (!grid)
    return grid.error();
  if (*p < 1 || *p > 10'000)
    return Error(Errc::kInvalidArgument, "--" + std::string(count_flag) + " is a number of posts from 1 to 10000");
  if (!(*radius > 0 && *radius <= 3600))
    return Error(Errc::kInvalidArgument, "--radius is seconds, more than 0 and at most 3600");
  if (!(*grid >= 50 && *grid <= 10'000))
    return Error(Errc::kInvalidArgument, "--grid is metres from 50 to 10000");
  out.p = *p;
  out.radius_s = *radius;
  out.grid_m = *grid;
  const std::string objective = args.get("objective").value_or("mclp");
  if (objective != "mclp" && objective != "pmedian")
    return Error(Errc::kInvalidArgument, "--objective is mclp (the most covered) or pmedian (the least travel time)");
  out.objective = objective == "mclp" ? analytics::PlanObjective::kMaxCovering : analytics::PlanObjective::kPMedian;
  out.exact = args.has("exact");
  return out;
}

// Plans posts among the candidate grid for `demand`; the chosen places.
Result<std::vector<LatLon>> planned_posts(const CircleRun& run, const PlanFlags& flags,
                                          const std::vector<LatLon>& demand, const std::vector<double>& weights,
                                          const std::vector<double>& promises, analytics::PostPlan& plan,
                                          std::size_t& candidates) {
  analytics::PostPlanInput input;
  input.demand = demand;
  input.weight = weights;
  input.promise_s = promises;
  input.candidates = candidate_grid(run.roads, Meters(flags.grid_m));
  candidates = input.candidates.size();
  analytics::PostPlanOptions options;
  options.p = std::min(flags.p, input.candidates.size());
  options.radius_s = flags.radius_s;
  options.objective = flags.objective;
  options.exact = flags.exact;
  auto planned = analytics::plan_posts(*run.roads.hierarchy, *run.roads.index, input, options);
  if (!planned)
    return planned.error();
  plan = *planned;
  std::vector<LatLon> out;
  for (const std::uint32_t j : plan.chosen)
    out.push_back(input.candidates[j]);
  return out;
}

double percent(double share) {
  return std::round(share * 1000) / 10;
}

}  // namespace

int report_coverage(const CircleRun& run) {
  auto sites = key_sites(run);
  if (!sites)
    return fail(sites.error().message);
  if (sites->sites.empty())
    return fail("there are no key sites in " + sites->source + " (register some: shouwang circles import)");

  // Demand: the incidents of a CSV file, or of the event log.
  IncidentDemand incidents;
  std::string incident_source = "the event log";
  std::size_t skipped = 0;
  if (const auto file = run.args.get("incidents")) {
    auto read = incidents_from_csv(*file, run.args.get("lat-column").value_or("lat"),
                                   run.args.get("lon-column").value_or("lon"), skipped);
    if (!read)
      return fail(read.error().message);
    incidents = std::move(*read);
    incident_source = std::filesystem::path(*file).filename().string();
  } else {
    incidents = incidents_of(run.state);
  }

  // Posts: planned, or the registry's.
  std::vector<LatLon> posts;
  std::string post_source = "the registry";
  json plan_json = nullptr;
  if (run.args.has("plan")) {
    auto flags = plan_flags(run.args, "plan", 1);
    if (!flags)
      return fail(flags.error().message, kExitUsage);
    const std::string demand = run.args.get("demand").value_or("sites");
    std::vector<LatLon> points;
    std::vector<double> weights;
    std::vector<double> promises;
    if (demand == "sites") {
      for (const auto& s : sites->sites) {
        points.push_back(s.profile.position);
        promises.push_back(s.profile.tier_s);
      }
    } else if (demand == "incidents") {
      points = incidents.positions;
      weights = incidents.weights;
    } else {
      return fail("--demand is sites or incidents", kExitUsage);
    }
    analytics::PostPlan plan;
    std::size_t candidates = 0;
    auto planned = planned_posts(run, *flags, points, weights, promises, plan, candidates);
    if (!planned)
      return fail("planning: " + planned.error().message);
    posts = std::move(*planned);
    const std::string goal =
        flags->objective == analytics::PlanObjective::kPMedian
            ? "the least travel time to the " + demand
            : demand == "sites" ? std::string("maximal covering of the sites within their promise")
                                : "maximal covering of the incidents within " + std::to_string(int(flags->radius_s)) + " s";
    post_source = "a plan (" + goal + (flags->exact ? ", exact" : "") + ", " + std::to_string(candidates) +
                  " candidates)";
    plan_json = {{"demand", demand},
                 {"objective", flags->objective == analytics::PlanObjective::kMaxCovering ? "mclp" : "pmedian"},
                 {"exact", flags->exact},
                 {"radius_s", flags->radius_s},
                 {"candidates", candidates},
                 {"objective_value", plan.objective},
                 {"bound", plan.bound},
                 {"covered_share", plan.covered_share},
                 {"mean_time_s", plan.mean_time_s},
                 {"gap", plan.gap},
                 {"table_ms", plan.table_ms},
                 {"solve_ms", plan.solve_ms}};
  } else {
    for (const auto& [id, post] : run.state.posts) {
      if (!post.retired)
        posts.push_back(post.profile.position);
    }
    if (posts.empty())
      return fail("there are no posts in the registry (register some, or plan them with --plan N)");
  }

  analytics::CircleCoverageQuery query(*run.roads.hierarchy, *run.roads.index);
  std::vector<analytics::CircleSite> circle_sites;
  for (const auto& s : sites->sites)
    circle_sites.push_back({s.profile.position, static_cast<double>(s.profile.tier_s)});
  const std::size_t sites_off = query.set_sites(circle_sites);
  const std::size_t incidents_off = query.set_incidents(incidents.positions);
  const auto coverage = query.run(posts, kLimits);

  // Sites within their own promise, by tier.
  json tiers = json::array();
  for (const int tier : cad::kSiteTiers) {
    std::size_t n = 0, in = 0;
    for (std::size_t i = 0; i < circle_sites.size(); ++i) {
      if (static_cast<int>(circle_sites[i].promise_s) != tier)
        continue;
      ++n;
      in += coverage.sites[i].covered;
    }
    tiers.push_back({{"tier_s", tier}, {"sites", n}, {"covered", in}});
  }
  json shares = json::array();
  for (const auto& s : coverage.shares) {
    shares.push_back(
        {{"limit_s", s.limit_s}, {"sites", s.sites}, {"incidents", s.incidents}, {"road_length", s.road_length}});
  }
  const json report = {{"sites", circle_sites.size()},
                       {"sites_source", sites->source},
                       {"sites_off_road", sites_off},
                       {"posts", posts.size()},
                       {"posts_source", post_source},
                       {"posts_off_road", coverage.posts_off_road},
                       {"plan", plan_json},
                       {"incidents", incidents.positions.size()},
                       {"incidents_source", incident_source},
                       {"incidents_skipped", skipped},
                       {"incidents_off_road", incidents_off},
                       {"covered", coverage.covered},
                       {"tiers", tiers},
                       {"shares", shares}};
  if (run.args.has("json")) {
    std::cout << report.dump(2) << "\n";
    return kExitOk;
  }
  std::printf("key sites: %zu from %s (%zu off the road network)\n", circle_sites.size(), sites->source.c_str(),
              sites_off);
  std::printf("posts: %zu from %s (%zu off the road network)\n", posts.size(), post_source.c_str(),
              coverage.posts_off_road);
  if (!plan_json.is_null())
    std::printf("  the plan reaches %.1f %% of its demand within its radius, %.0f s on average; proved within "
                "%.2f %% of the best; table %.0f ms, solve %.0f ms\n",
                percent(plan_json["covered_share"].get<double>()), plan_json["mean_time_s"].get<double>(),
                plan_json["gap"].get<double>() * 100, plan_json["table_ms"].get<double>(),
                plan_json["solve_ms"].get<double>());
  std::printf("incidents: %zu from %s (%zu rows skipped, %zu off the road network)\n", incidents.positions.size(),
              incident_source.c_str(), skipped, incidents_off);
  std::printf("sites reached within their own promise: %zu of %zu (%.1f %%)\n", coverage.covered,
              circle_sites.size(),
              circle_sites.empty() ? 0.0 : percent(double(coverage.covered) / double(circle_sites.size())));
  for (const auto& t : tiers)
    std::printf("  %3d s circles: %zu of %zu\n", t["tier_s"].get<int>(), t["covered"].get<std::size_t>(),
                t["sites"].get<std::size_t>());
  std::printf("\n%-8s %10s %12s %14s\n", "within", "sites", "incidents", "road length");
  for (const auto& s : coverage.shares)
    std::printf("%5.0f s  %8.1f %% %10.1f %% %12.1f %%\n", s.limit_s, percent(s.sites), percent(s.incidents),
                percent(s.road_length));
  return kExitOk;
}

int seed_commands(const CircleRun& run, std::vector<cad::Command>& commands) {
  std::size_t registered = 0;
  for (const auto& [id, site] : run.state.sites)
    registered += !site.retired;
  if (registered > 0) {
    std::printf("the registry has %zu key sites already: nothing seeded\n", registered);
    return kExitOk;
  }
  auto places = osm::read_place_index((run.data / osm::kPlaceIndexFileName).string());
  if (!places)
    return fail("--data: " + places.error().message);
  std::vector<cad::RegisterSite> sites = sites_from_pois(*places, run.org);
  std::erase_if(sites, [](const cad::RegisterSite& s) { return s.profile.station.empty(); });
  if (sites.empty()) {
    std::printf("the city has no POIs to make key sites of: nothing seeded\n");
    return kExitOk;
  }
  auto flags = plan_flags(run.args, "posts", std::max<std::uint64_t>(1, (sites.size() + 3) / 6));
  if (!flags)
    return fail(flags.error().message, kExitUsage);
  std::vector<LatLon> demand;
  std::vector<double> promises;
  for (const auto& s : sites) {
    demand.push_back(s.profile.position);
    promises.push_back(s.profile.tier_s);
  }
  analytics::PostPlan plan;
  std::size_t candidates = 0;
  auto posts = planned_posts(run, *flags, demand, {}, promises, plan, candidates);
  if (!posts)
    return fail("planning the posts: " + posts.error().message);
  for (auto& s : sites)
    commands.push_back(std::move(s));
  for (std::size_t k = 0; k < posts->size(); ++k) {
    const LatLon at = (*posts)[k];
    const std::string code = (k + 1 < 10 ? "0" : "") + std::to_string(k + 1);
    cad::PostProfile profile;
    profile.name = "驻勤点 Post " + code;
    profile.kind = cad::PostKind::kPost;
    profile.station = run.org != nullptr ? std::string(run.org->station_at(at)) : std::string();
    profile.position = at;
    if (profile.station.empty())
      continue;
    commands.push_back(cad::RegisterPost{"P-" + code, profile});
  }
  std::printf("seeding %zu key sites from the city's POIs and %zu posts planned for them (%.1f %% of the sites "
              "within their promise of a post, %zu candidates)\n",
              commands.size() - posts->size(), posts->size(), percent(plan.covered_share), candidates);
  return kExitOk;
}

}  // namespace shouwang::cli
