#include <map>
#include <utility>

#include <nlohmann/json.hpp>

#include <shouwang/cad/record_id.h>
#include <shouwang/server/stats_answers.h>
#include <shouwang/server/warning_watch.h>

namespace shouwang::server {
namespace {

using nlohmann::json;

const store::Actor kWatch{"system", "system", "warning-watch"};

// The alarms of the statistic's answer grouped by (station, subject), in the answer's
// order (strongest first), each with the evidence of every method that fired.
std::vector<cad::RaiseWarning> directives(const json& answer, const std::string& day,
                                          const std::string& kind) {
  std::vector<cad::RaiseWarning> out;
  std::map<std::pair<std::string, std::string>, std::size_t> index;
  for (const json& alarm : answer.at("alarms")) {
    const std::pair key{alarm.at("area").get<std::string>(),
                        alarm.at("subject").get<std::string>()};
    auto [it, fresh] = index.emplace(key, out.size());
    if (fresh)
      out.push_back({{day, "station", key.first, kind, key.second}, {}});
    out[it->second].evidence.push_back(
        {alarm.at("method").get<std::string>(), alarm.at("count").get<double>(),
         alarm.at("baseline_mean").get<double>(), alarm.at("baseline_sd").get<double>(),
         alarm.at("baseline_first").get<std::string>(),
         alarm.at("baseline_last").get<std::string>(), alarm.at("statistic").get<double>(),
         alarm.at("threshold").get<double>()});
  }
  return out;
}

}  // namespace

WarningWatch::WarningWatch(CommandService& commands, const Statistics& statistics,
                           const osm::Jurisdictions* jurisdictions, const Clock& clock,
                           WarningWatchOptions options)
    : commands_(commands),
      statistics_(statistics),
      jurisdictions_(jurisdictions),
      clock_(clock),
      options_(std::move(options)) {}

WarningWatch::~WarningWatch() {
  stop();
}

Result<WarningScan> WarningWatch::scan(analytics::Day day) {
  StatsEnvironment env;
  env.today = local_day(clock_.now(), statistics_.context().utc_offset_minutes);
  env.jurisdictions = jurisdictions_;
  const std::string day_text = analytics::to_string(day);
  auto text = answer_stats(statistics_, "warnings",
                           {{"as_of", day_text},
                            {"methods", options_.methods},
                            {"subject", options_.subject},
                            {"level", "station"}},
                           env);
  if (!text)
    return text.error();
  WarningScan scan;
  scan.day = day_text;
  const json answer = json::parse(*text);
  scan.alarms = answer.at("alarms").size();
  for (const cad::RaiseWarning& raise : directives(answer, day_text, options_.subject)) {
    auto done = commands_.execute(raise, kWatch);
    if (done) {
      for (const auto& event : done->events) {
        if (auto id = cad::parse_warning_id(event.body.entities.front()); id.ok())
          scan.raised.push_back(*id);
      }
    } else if (done.error().code == Errc::kConflict) {
      ++scan.already;
    } else {
      ++scan.refused;
    }
  }
  std::lock_guard lock(mutex_);
  ++stats_.scans;
  stats_.raised += scan.raised.size();
  stats_.refused += scan.refused;
  stats_.last_day = day_text;
  return scan;
}

std::optional<Result<WarningScan>> WarningWatch::tick() {
  const analytics::Day yesterday =
      local_day(clock_.now(), statistics_.context().utc_offset_minutes) - std::chrono::days(1);
  {
    std::lock_guard lock(mutex_);
    if (scanned_ == yesterday)
      return std::nullopt;
    scanned_ = yesterday;
  }
  return scan(yesterday);
}

void WarningWatch::start() {
  periodic_.start(options_.period, [this] { (void)tick(); });
}

void WarningWatch::stop() {
  periodic_.stop();
}

WarningWatchStats WarningWatch::stats() const {
  std::lock_guard lock(mutex_);
  return stats_;
}

std::string WarningWatch::prometheus() const {
  const WarningWatchStats s = stats();
  const auto counter = [](const char* name, const char* help, std::uint64_t n) {
    return std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " counter\n" + name +
           " " + std::to_string(n) + "\n";
  };
  return counter("shouwang_warning_scans_total", "Daily early-warning scans run.", s.scans) +
         counter("shouwang_warnings_raised_total", "Early-warning directives raised.", s.raised) +
         counter("shouwang_warnings_refused_total", "Directives the domain refused (not repeats).",
                 s.refused);
}

}  // namespace shouwang::server
