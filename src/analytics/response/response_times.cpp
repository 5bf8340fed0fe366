#include <algorithm>
#include <map>

#include <shouwang/analytics/response_times.h>

namespace shouwang::analytics {
namespace {

struct Sample {
  std::vector<double> seconds;
  std::int64_t missing = 0;
  std::int64_t out_of_order = 0;
};

ResponseRow summarise(std::vector<std::string> key, Sample sample,
                      const std::vector<double>& limits) {
  ResponseRow row;
  row.key = std::move(key);
  row.missing = sample.missing;
  row.out_of_order = sample.out_of_order;
  std::sort(sample.seconds.begin(), sample.seconds.end());
  if (!sample.seconds.empty()) {
    for (const double limit : limits)
      row.within.push_back(*share_within(sample.seconds, limit));
  }
  row.seconds = describe(std::move(sample.seconds));
  return row;
}

}  // namespace

Filter response_filter() {
  Filter filter;
  filter.officer_initiated = false;
  return filter;
}

Result<ResponseReport> response_times(const IncidentHistory& history, const ResponseQuery& query) {
  auto keys = KeyMaker::make(history, query.by, query.period);
  if (!keys)
    return keys.error();
  const CompiledFilter matches(history, query.filter);
  Sample total;
  std::map<std::uint64_t, Sample> by_key;
  for (const std::uint32_t row : history.rows_in(query.period)) {
    if (!matches(row))
      continue;
    const std::int32_t from = history.offset(row, query.from);
    const std::int32_t to = history.offset(row, query.to);
    const auto add = [&](Sample& sample) {
      if (from == kNoOffset || to == kNoOffset)
        ++sample.missing;
      else if (to < from)
        ++sample.out_of_order;
      else
        sample.seconds.push_back((static_cast<double>(to) - from) / 10.0);
    };
    add(total);
    if (!query.by.empty())
      keys->keys(row, [&](std::uint64_t key) { add(by_key[key]); });
  }
  ResponseReport report;
  report.period = query.period;
  report.from = query.from;
  report.to = query.to;
  report.by = query.by;
  report.limits_s = query.limits_s;
  report.officer_initiated = query.filter.officer_initiated;
  report.total = summarise({}, std::move(total), query.limits_s);
  for (auto& [key, sample] : by_key)
    report.rows.push_back(summarise(keys->label(key), std::move(sample), query.limits_s));
  std::sort(report.rows.begin(), report.rows.end(),
            [](const ResponseRow& a, const ResponseRow& b) { return a.key < b.key; });
  return report;
}

}  // namespace shouwang::analytics
