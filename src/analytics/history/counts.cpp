#include <algorithm>
#include <map>
#include <unordered_map>

#include <shouwang/analytics/counts.h>

namespace shouwang::analytics {
namespace {

// Dense counters when the key space is small, a hash map when it is not.
class Tally {
 public:
  explicit Tally(std::uint64_t cardinality) {
    if (cardinality <= kDenseLimit)
      dense_.assign(cardinality, 0);
  }
  void add(std::uint64_t key) {
    if (!dense_.empty())
      ++dense_[key];
    else
      ++sparse_[key];
  }
  template <typename F>
  void each(F&& f) const {
    for (std::uint64_t k = 0; k < dense_.size(); ++k)
      if (dense_[k] != 0)
        f(k, dense_[k]);
    for (const auto& [k, n] : sparse_)
      f(k, n);
  }

 private:
  static constexpr std::uint64_t kDenseLimit = 1u << 22;
  std::vector<std::int64_t> dense_;
  std::unordered_map<std::uint64_t, std::int64_t> sparse_;
};

Period hull(const Period& a, const Period& b, const Period& c) {
  return range(std::min({a.begin, b.begin, c.begin}), std::max({a.end, b.end, c.end}));
}

struct Scanned {
  std::int64_t total = 0;
  std::map<std::uint64_t, std::int64_t> by_key;
};

}  // namespace

Result<CountReport> count(const IncidentHistory& history, const CountQuery& query) {
  CountReport report;
  report.period = query.period;
  report.last_year = same_period_last_year(query.period);
  report.previous = previous_period(query.period);
  report.by = query.by;
  auto keys =
      KeyMaker::make(history, query.by, hull(report.period, report.last_year, report.previous));
  if (!keys)
    return keys.error();
  const CompiledFilter matches(history, query.filter);

  std::map<std::uint64_t, CountRow> rows;
  const auto scan = [&](const Period& period, std::int64_t CountRow::*field, std::int64_t& total) {
    Tally tally(keys->cardinality());
    const bool keyed = !query.by.empty();
    for (const std::uint32_t row : history.rows_in(period)) {
      if (!matches(row))
        continue;
      ++total;
      if (keyed)
        keys->keys(row, [&](std::uint64_t key) { tally.add(key); });
    }
    tally.each([&](std::uint64_t key, std::int64_t n) { rows[key].*field += n; });
  };
  scan(report.period, &CountRow::current, report.total.current);
  scan(report.last_year, &CountRow::last_year, report.total.last_year);
  scan(report.previous, &CountRow::previous, report.total.previous);

  report.rows.reserve(rows.size());
  for (auto& [key, row] : rows) {
    row.key = keys->label(key);
    report.rows.push_back(std::move(row));
  }
  std::stable_sort(report.rows.begin(), report.rows.end(),
                   [](const CountRow& a, const CountRow& b) {
                     if (a.current != b.current)
                       return a.current > b.current;
                     return a.key < b.key;
                   });
  return report;
}

Result<std::vector<std::string>> drill_down(const IncidentHistory& history, const CountQuery& query,
                                            const std::vector<std::string>& key, Base base,
                                            std::size_t limit) {
  if (key.size() != query.by.size())
    return Error{Errc::kInvalidArgument,
                 "the key has " + std::to_string(key.size()) + " parts for " +
                     std::to_string(query.by.size()) + " dimensions",
                 "key"};
  const Period period = base == Base::kCurrent    ? query.period
                        : base == Base::kLastYear ? same_period_last_year(query.period)
                                                  : previous_period(query.period);
  auto keys = KeyMaker::make(history, query.by, period);
  if (!keys)
    return keys.error();
  const CompiledFilter matches(history, query.filter);
  std::unordered_map<std::uint64_t, bool> wanted;  // key number → its label is `key`
  std::vector<std::string> ids;
  for (const std::uint32_t row : history.rows_in(period)) {
    if (ids.size() >= limit)
      break;
    if (!matches(row))
      continue;
    bool hit = query.by.empty();
    keys->keys(row, [&](std::uint64_t k) {
      const auto [it, added] = wanted.try_emplace(k, false);
      if (added)
        it->second = keys->label(k) == key;
      hit = hit || it->second;
    });
    if (hit)
      ids.emplace_back(history.id(row));
  }
  return ids;
}

Result<std::vector<StreakRow>> streaks(const IncidentHistory& history, const Filter& filter,
                                       Dimension by, const std::vector<std::string>& areas,
                                       Day as_of) {
  const auto coverage = history.coverage();
  const Day history_begin = coverage ? coverage->begin : as_of + std::chrono::days(1);
  const Period all = range(history_begin, as_of + std::chrono::days(1));
  auto keys = KeyMaker::make(history, {by}, all);
  if (!keys)
    return keys.error();
  const CompiledFilter matches(history, filter);
  std::map<std::string, std::vector<Day>> days;  // filled in day order
  for (const auto& area : areas)
    days[area];
  std::unordered_map<std::uint64_t, std::vector<Day>*> by_key;  // nullptr: not an asked area
  for (const std::uint32_t row : history.rows_in(all)) {
    if (!matches(row))
      continue;
    keys->keys(row, [&](std::uint64_t k) {
      auto [it, added] = by_key.try_emplace(k, nullptr);
      if (added) {
        const auto area = days.find(keys->label(k).front());
        it->second = area == days.end() ? nullptr : &area->second;
      }
      if (it->second != nullptr)
        it->second->push_back(history.day(row));
    });
  }
  std::vector<StreakRow> out;
  for (const auto& area : areas)
    out.push_back({area, streak_as_of(days[area], history_begin, as_of)});
  return out;
}

}  // namespace shouwang::analytics
