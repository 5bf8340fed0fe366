#include <shouwang/server/circle_watch.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

#include <shouwang/analytics/circle_coverage.h>
#include <shouwang/cad/recommendation.h>

namespace shouwang::server {
namespace {

const store::Actor kWatch{"system", "system", "circle-watch"};
constexpr std::int64_t kMicrosPerDay = 86'400'000'000;

int local_minute(UtcTime t, int utc_offset_minutes) {
  const std::int64_t local = t.micros() + std::int64_t{utc_offset_minutes} * 60'000'000;
  const std::int64_t in_day = ((local % kMicrosPerDay) + kMicrosPerDay) % kMicrosPerDay;
  return static_cast<int>(in_day / 60'000'000);
}

}  // namespace

// What one refresh reads of the state.
struct CircleWatch::Inputs {
  struct Site {
    std::string id;
    cad::SiteProfile profile;
    bool gap_open = false;
  };
  struct PostAt {
    std::string id;
    LatLon position;
  };
  std::vector<Site> sites;
  std::vector<PostAt> posts;
  std::vector<cad::Unit> units;  // on duty and available
  std::vector<LatLon> origins;   // of the units placed, in order
  std::vector<std::size_t> unit_of_origin;
};

// What the watch remembers between refreshes.
struct CircleWatch::Memory {
  std::string sites_key;  // the sites the query holds
  std::string posts_key;  // the posts post_reach was worked out for
  std::vector<std::vector<double>> post_reach;  // [post][site] seconds
  struct SiteMemory {
    std::optional<UtcTime> covered_since;  // of the current (or last) covered spell
    bool held = false;                     // that spell lasted the hold period
    std::optional<UtcTime> uncovered_since;
    std::string last_unit;
  };
  std::map<std::string, SiteMemory> sites;
  // Each unit's placement on the roads at its last origin: a unit that has not moved (at
  // its post, or without a fresh fix) is not snapped again.
  std::map<std::string, std::pair<LatLon, routing::PostEntries>, std::less<>> placements;
};

CircleWatch::CircleWatch(CommandService& commands, const UnitLocator& units, const Clock& clock,
                         int utc_offset_minutes, CircleWatchOptions options)
    : commands_(commands),
      units_(units),
      clock_(clock),
      utc_offset_minutes_(utc_offset_minutes),
      options_(options),
      query_(std::make_unique<analytics::CircleCoverageQuery>(units.hierarchy(), units.snap_index(),
                                                              options.snap_limit)),
      memory_(std::make_unique<Memory>()) {}

CircleWatch::~CircleWatch() {
  stop();
}

void CircleWatch::reset_sites(const Inputs& in) {
  std::ostringstream key;
  key.precision(9);
  for (const auto& s : in.sites)
    key << s.id << ' ' << s.profile.position.lat << ' ' << s.profile.position.lon << ' ' << s.profile.tier_s << ';';
  std::ostringstream post_key;
  post_key.precision(9);
  for (const auto& p : in.posts)
    post_key << p.id << ' ' << p.position.lat << ' ' << p.position.lon << ';';
  Memory& m = *memory_;
  if (key.str() != m.sites_key) {
    std::vector<analytics::CircleSite> sites;
    for (const auto& s : in.sites)
      sites.push_back({s.profile.position, static_cast<double>(s.profile.tier_s)});
    query_->set_sites(sites);
    m.sites_key = key.str();
    m.posts_key.clear();
  }
  if (post_key.str() != m.posts_key) {
    // Each post's reach of every site, for the move-ups: one search per post, when the
    // registry changes.
    m.post_reach.clear();
    for (const auto& p : in.posts) {
      const LatLon at[] = {p.position};
      const analytics::CircleCoverage c = query_->run(at);
      std::vector<double> times;
      for (const auto& r : c.sites)
        times.push_back(r.time_s);
      m.post_reach.push_back(std::move(times));
    }
    m.posts_key = post_key.str();
  }
}

std::optional<cad::MoveUp> CircleWatch::best_move_up(const Inputs& in, const CircleRefresh& refresh,
                                                     std::size_t target,
                                                     std::vector<routing::PostEntries>& placed) {
  const Memory& m = *memory_;
  const auto& sites = refresh.sites;
  const auto reaches = [&](std::size_t post, std::size_t site) {
    return m.post_reach[post][site] <= sites[site].tier_s;
  };
  // Posts that would bring the target back, by how many uncovered sites they restore.
  std::vector<std::pair<int, std::size_t>> posts;
  for (std::size_t p = 0; p < in.posts.size(); ++p) {
    if (!reaches(p, target))
      continue;
    int gain = 0;
    for (std::size_t j = 0; j < sites.size(); ++j)
      gain += sites[j].in_hours && !sites[j].covered && reaches(p, j);
    posts.emplace_back(gain, p);
  }
  std::sort(posts.begin(), posts.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  if (posts.size() > options_.move_up_posts)
    posts.resize(options_.move_up_posts);

  // What each unit's leaving uncovers: only a unit first at some covered site can lose
  // anything, and for those one more search without it tells.
  std::map<std::size_t, int> loss_of;
  const auto loss = [&](std::size_t k) {
    if (auto it = loss_of.find(k); it != loss_of.end())
      return it->second;
    const std::string& id = in.units[in.unit_of_origin[k]].id;
    int lost = 0;
    const bool first_somewhere = std::any_of(sites.begin(), sites.end(),
                                             [&](const SiteCircle& s) { return s.covered && s.unit == id; });
    if (first_somewhere) {
      routing::PostEntries saved = std::move(placed[k]);
      placed[k].clear();
      const analytics::CircleCoverage without = query_->run_placed(placed);
      placed[k] = std::move(saved);
      for (std::size_t j = 0; j < sites.size(); ++j)
        lost += sites[j].covered && !without.sites[j].covered;
    }
    loss_of.emplace(k, lost);
    return lost;
  };

  const UtcTime now = refresh.at;
  std::optional<cad::MoveUp> best;
  int best_net = 0;
  for (const auto& [gain, p] : posts) {
    const LatLon at = in.posts[p].position;
    std::vector<std::size_t> nearest(in.origins.size());
    for (std::size_t k = 0; k < nearest.size(); ++k)
      nearest[k] = k;
    const std::size_t take = std::min(options_.move_up_units, nearest.size());
    std::partial_sort(nearest.begin(), nearest.begin() + static_cast<std::ptrdiff_t>(take), nearest.end(),
                      [&](std::size_t a, std::size_t b) {
                        return haversine_distance(in.origins[a], at).value() <
                               haversine_distance(in.origins[b], at).value();
                      });
    nearest.resize(take);
    for (const std::size_t k : nearest) {
      const cad::Unit& unit = in.units[in.unit_of_origin[k]];
      auto route = units_.route(unit, at, options_.max_fix_age, now);
      if (!route.ok())
        continue;
      const int net = gain - loss(k);
      const double travel = route->eta.value();
      if (net <= 0)
        continue;
      if (!best || net > best_net || (net == best_net && travel < best->travel_s)) {
        best = cad::MoveUp{unit.id, in.posts[p].id, std::round(travel * 10) / 10, net};
        best_net = net;
      }
    }
  }
  return best;
}

void CircleWatch::record(const cad::Command& command, const std::string& site, CircleRefresh& refresh) {
  const bool opening = std::holds_alternative<cad::OpenCoverageGap>(command);
  auto outcome = commands_.execute(command, kWatch);
  std::lock_guard lock(mutex_);
  if (!outcome.ok()) {
    ++stats_.refused;  // a gap opened or closed meanwhile, or the site retired
    return;
  }
  (opening ? refresh.opened : refresh.closed).push_back(site);
  ++(opening ? stats_.opened : stats_.closed);
}

CircleRefresh CircleWatch::tick() {
  std::lock_guard tick_lock(tick_mutex_);
  const auto started = std::chrono::steady_clock::now();
  CircleRefresh refresh;
  refresh.at = clock_.now();
  Inputs in;
  commands_.read([&](const cad::State& state, std::uint64_t) {
    for (const auto& [id, s] : state.sites) {
      if (!s.retired)
        in.sites.push_back({id, s.profile, s.gap.has_value()});
    }
    for (const auto& [id, p] : state.posts) {
      if (!p.retired)
        in.posts.push_back({id, p.profile.position});
    }
    for (const auto& [id, u] : state.units) {
      if (!u.retired && u.status == cad::UnitStatus::kAvailable)
        in.units.push_back(u);
    }
    return 0;
  });
  for (std::size_t k = 0; k < in.units.size(); ++k) {
    const auto fix = units_.fix(in.units[k].id);
    const auto origin = cad::unit_origin(in.units[k], fix ? &*fix : nullptr, options_.max_fix_age, refresh.at);
    if (!origin)
      continue;
    in.origins.push_back(origin->position);
    in.unit_of_origin.push_back(k);
  }
  refresh.units = in.origins.size();
  reset_sites(in);
  std::vector<routing::PostEntries> placed(in.origins.size());
  {
    std::map<std::string, std::pair<LatLon, routing::PostEntries>, std::less<>> kept;
    for (std::size_t k = 0; k < in.origins.size(); ++k) {
      const std::string& id = in.units[in.unit_of_origin[k]].id;
      const auto it = memory_->placements.find(id);
      if (it != memory_->placements.end() && it->second.first == in.origins[k]) {
        placed[k] = it->second.second;
      } else {
        const LatLon at[] = {in.origins[k]};
        placed[k] = std::move(query_->place(at).front());
      }
      kept.emplace(id, std::make_pair(in.origins[k], placed[k]));
    }
    memory_->placements = std::move(kept);
  }
  const analytics::CircleCoverage coverage = query_->run_placed(placed);

  const int minute = local_minute(refresh.at, utc_offset_minutes_);
  for (std::size_t i = 0; i < in.sites.size(); ++i) {
    const auto& site = in.sites[i];
    const analytics::SiteReach& r = coverage.sites[i];
    SiteCircle c;
    c.site = site.id;
    c.tier_s = site.profile.tier_s;
    c.in_hours = cad::is_open_at(site.profile.hours, minute);
    c.time_s = r.time_s;
    if (r.post >= 0)
      c.unit = in.units[in.unit_of_origin[static_cast<std::size_t>(r.post)]].id;
    c.covered = c.in_hours && r.covered;
    refresh.in_hours += c.in_hours;
    refresh.covered += c.covered;
    refresh.sites.push_back(std::move(c));
  }

  // Gaps: a covered site's memory is its covering unit; an uncovered one opens a gap once
  // it has been without a unit for the grace period.
  Memory& m = *memory_;
  std::map<std::string, Memory::SiteMemory> kept;
  std::vector<std::size_t> to_open;
  for (std::size_t i = 0; i < in.sites.size(); ++i) {
    const SiteCircle& c = refresh.sites[i];
    Memory::SiteMemory mem = m.sites[c.site];
    const auto since = [&](UtcTime t) { return std::chrono::microseconds(refresh.at.micros() - t.micros()); };
    if (c.covered) {
      if (!mem.covered_since || mem.uncovered_since)
        mem.covered_since = refresh.at;  // a new covered spell
      mem.held = since(*mem.covered_since) >= options_.hold;
      mem.uncovered_since.reset();
      mem.last_unit = c.unit;
      if (in.sites[i].gap_open)
        record(cad::CloseCoverageGap{c.site, c.unit}, c.site, refresh);
    } else if (!c.in_hours) {
      mem = {};
      if (in.sites[i].gap_open)
        record(cad::CloseCoverageGap{c.site, ""}, c.site, refresh);
    } else if (!in.sites[i].gap_open && mem.held) {
      if (!mem.uncovered_since)
        mem.uncovered_since = refresh.at;
      if (since(*mem.uncovered_since) >= options_.grace)
        to_open.push_back(i);
    } else if (!mem.uncovered_since) {
      mem.uncovered_since = refresh.at;  // a spell too short to count ends
      mem.held = false;
    }
    kept[c.site] = std::move(mem);
  }
  m.sites = std::move(kept);
  for (const std::size_t i : to_open) {
    const std::string& site = refresh.sites[i].site;
    Memory::SiteMemory& mem = m.sites[site];
    record(cad::OpenCoverageGap{site, mem.last_unit, best_move_up(in, refresh, i, placed)}, site, refresh);
    mem = {};  // the gap stands for it now; it closes when a unit covers the site again
  }

  refresh.millis = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  std::lock_guard lock(mutex_);
  ++stats_.refreshes;
  stats_.last_millis = refresh.millis;
  latest_ = refresh;
  return refresh;
}

std::optional<CircleRefresh> CircleWatch::latest() const {
  std::lock_guard lock(mutex_);
  return latest_;
}

void CircleWatch::start() {
  periodic_.start(options_.period, [this] { tick(); });
}

void CircleWatch::stop() {
  periodic_.stop();
}

CircleWatchStats CircleWatch::stats() const {
  std::lock_guard lock(mutex_);
  return stats_;
}

std::string CircleWatch::prometheus() const {
  const CircleWatchStats s = stats();
  std::size_t sites = 0, covered = 0, in_hours = 0;
  if (const auto last = latest()) {
    sites = last->sites.size();
    covered = last->covered;
    in_hours = last->in_hours;
  }
  std::ostringstream out;
  out << "# HELP shouwang_circle_refreshes_total Refreshes of the live quick-response circles.\n"
      << "# TYPE shouwang_circle_refreshes_total counter\n"
      << "shouwang_circle_refreshes_total " << s.refreshes << "\n"
      << "# HELP shouwang_circle_gaps_total Coverage gaps opened and closed by the circle watch.\n"
      << "# TYPE shouwang_circle_gaps_total counter\n"
      << "shouwang_circle_gaps_total{event=\"opened\"} " << s.opened << "\n"
      << "shouwang_circle_gaps_total{event=\"closed\"} " << s.closed << "\n"
      << "shouwang_circle_gaps_total{event=\"refused\"} " << s.refused << "\n"
      << "# HELP shouwang_circle_sites Key sites in service, in their hours and covered at the last refresh.\n"
      << "# TYPE shouwang_circle_sites gauge\n"
      << "shouwang_circle_sites{state=\"registered\"} " << sites << "\n"
      << "shouwang_circle_sites{state=\"in_hours\"} " << in_hours << "\n"
      << "shouwang_circle_sites{state=\"covered\"} " << covered << "\n"
      << "# HELP shouwang_circle_refresh_milliseconds The last refresh's time.\n"
      << "# TYPE shouwang_circle_refresh_milliseconds gauge\n"
      << "shouwang_circle_refresh_milliseconds " << s.last_millis << "\n";
  return out.str();
}

}  // namespace shouwang::server
