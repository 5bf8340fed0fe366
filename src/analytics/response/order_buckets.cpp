#include <algorithm>
#include <array>
#include <map>

#include <shouwang/analytics/distribution.h>
#include <shouwang/analytics/order_buckets.h>

namespace shouwang::analytics {
namespace {

constexpr std::array<std::string_view, 4> kMeasureNames = {"sign_for", "turnout", "arrival",
                                                           "feedback"};

OrderStep end_step(OrderMeasure m) {
  switch (m) {
    case OrderMeasure::kSignFor:
      return OrderStep::kSignedFor;
    case OrderMeasure::kTurnout:
      return OrderStep::kEnRoute;
    case OrderMeasure::kArrival:
      return OrderStep::kArrived;
    case OrderMeasure::kFeedback:
      return OrderStep::kFeedback;
  }
  return OrderStep::kSignedFor;
}

struct Sample {
  std::vector<double> seconds;
  std::int64_t missing = 0;
  std::int64_t out_of_order = 0;
};

BucketRow summarise(std::string key, Sample sample, const BucketScheme& scheme) {
  BucketRow row;
  row.key = std::move(key);
  row.missing = sample.missing;
  row.out_of_order = sample.out_of_order;
  row.n = static_cast<std::int64_t>(sample.seconds.size());
  row.buckets.assign(scheme.upper_s.size() + 1, 0);
  for (const double s : sample.seconds) {
    const auto bucket =
        std::lower_bound(scheme.upper_s.begin(), scheme.upper_s.end(), s) - scheme.upper_s.begin();
    ++row.buckets[static_cast<std::size_t>(bucket)];
  }
  std::sort(sample.seconds.begin(), sample.seconds.end());
  row.median_s = percentile(sample.seconds, 0.5);
  row.within_standard = share_within(sample.seconds, scheme.standard_s);
  return row;
}

}  // namespace

std::string_view to_string(OrderMeasure m) {
  return kMeasureNames[static_cast<std::size_t>(m)];
}

std::optional<OrderMeasure> parse_order_measure(std::string_view name) {
  const auto it = std::find(kMeasureNames.begin(), kMeasureNames.end(), name);
  if (it == kMeasureNames.end())
    return std::nullopt;
  return static_cast<OrderMeasure>(it - kMeasureNames.begin());
}

BucketScheme default_buckets(OrderMeasure m) {
  switch (m) {
    case OrderMeasure::kSignFor:
      return {{30, 60, 120, 180}, 60};
    case OrderMeasure::kTurnout:
      return {{300, 600, 900, 1800}, 300};
    case OrderMeasure::kArrival:
      return {{300, 600, 900, 1800}, 900};
    case OrderMeasure::kFeedback:
      return {{1800, 3600, 7200, 14400}, 1800};
  }
  return {};
}

Result<BucketReport> order_buckets(const IncidentHistory& history, const BucketQuery& query) {
  BucketReport report;
  report.period = query.period;
  report.measure = query.measure;
  report.by = query.by;
  report.scheme = query.scheme.value_or(default_buckets(query.measure));
  if (!std::is_sorted(report.scheme.upper_s.begin(), report.scheme.upper_s.end()))
    return Error{Errc::kInvalidArgument, "bucket bounds must ascend", "bounds"};

  // Orders are kept in the order they were first seen; pick those of the period's
  // incidents through a mark per incident row.
  std::vector<bool> in_period(history.size(), false);
  const CompiledFilter matches(history, query.filter);
  for (const std::uint32_t row : history.rows_in(query.period))
    in_period[row] = matches(row);

  const OrderStep step = end_step(query.measure);
  Sample total;
  std::map<std::uint16_t, Sample> by_key;
  for (std::uint32_t order = 0; order < history.order_count(); ++order) {
    if (!in_period[history.order_incident(order)])
      continue;
    const std::uint16_t key = query.by == OrderGrouping::kStation ? history.order_station(order)
                                                                  : history.order_target(order);
    const std::int32_t issued = history.order_offset(order, OrderStep::kIssued);
    const std::int32_t done = history.order_offset(order, step);
    const auto add = [&](Sample& sample) {
      if (issued == kNoOffset || done == kNoOffset)
        ++sample.missing;
      else if (done < issued)
        ++sample.out_of_order;
      else
        sample.seconds.push_back((static_cast<double>(done) - issued) / 10.0);
    };
    add(total);
    add(by_key[key]);
  }
  report.total = summarise({}, std::move(total), report.scheme);
  const Dictionary& names =
      query.by == OrderGrouping::kStation ? history.stations() : history.targets();
  for (auto& [key, sample] : by_key)
    report.rows.push_back(summarise(key == kNone16 ? std::string() : names.text(key),
                                    std::move(sample), report.scheme));
  std::sort(report.rows.begin(), report.rows.end(), [](const BucketRow& a, const BucketRow& b) {
    if (a.n == 0 || b.n == 0)
      return a.n != 0 && b.n == 0 ? true : (a.n == 0 && b.n != 0 ? false : a.key < b.key);
    if (*a.within_standard != *b.within_standard)
      return *a.within_standard > *b.within_standard;
    if (*a.median_s != *b.median_s)
      return *a.median_s < *b.median_s;
    return a.key < b.key;
  });
  int rank = 0;
  for (auto& row : report.rows)
    row.rank = row.n == 0 ? 0 : ++rank;
  return report;
}

}  // namespace shouwang::analytics
