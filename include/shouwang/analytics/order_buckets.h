#pragma once
// The time-bucket reports of 110 work rules: how long dispatch orders took to be signed
// for, to turn out (en route), to arrive and to be fed back, counted in the buckets the
// weekly bulletins use, per station or per unit, ranked as a league table.
//
// Default buckets (domain.md): sign-for 0–30 s, 30–60 s, 60–120 s, 120–180 s, >180 s;
// turnout 0–5, 5–10, 10–15, 15–30, >30 min; arrival likewise; feedback 0–30 min, 30–60
// min, 1–2 h, 2–4 h, >4 h. A bucket holds durations above its lower bound up to and
// including its upper bound (30 s is in 0–30 s).
//
// An order counts in the period of its incident. An order without the step (not yet
// signed for, cancelled or returned before it) is `missing`; a step recorded before the
// order was issued is `out_of_order`; neither is in a bucket.
//
// League table: the share within the standard (sign-for 60 s, turnout 5 min, arrival 15
// min, feedback 30 min by default) descending, then the median ascending, then the code.
// Rows with no measured order are listed after the ranked ones, without a rank.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <shouwang/analytics/incident_history.h>
#include <shouwang/analytics/selection.h>
#include <shouwang/base/result.h>

namespace shouwang::analytics {

enum class OrderMeasure : std::uint8_t { kSignFor, kTurnout, kArrival, kFeedback };
std::string_view to_string(OrderMeasure m);  // "sign_for"
std::optional<OrderMeasure> parse_order_measure(std::string_view name);

struct BucketScheme {
  std::vector<double> upper_s;  // ascending upper bounds; one more bucket above the last
  double standard_s = 0;        // the limit the league table ranks by
};
BucketScheme default_buckets(OrderMeasure m);

enum class OrderGrouping : std::uint8_t { kStation, kTarget };

struct BucketQuery {
  Period period;
  Filter filter;
  OrderMeasure measure = OrderMeasure::kSignFor;
  OrderGrouping by = OrderGrouping::kStation;
  std::optional<BucketScheme> scheme;  // default_buckets(measure) when absent
};

struct BucketRow {
  std::string key;                    // station code or target; empty for the total
  std::vector<std::int64_t> buckets;  // upper_s.size() + 1 counts
  std::int64_t n = 0;
  std::int64_t missing = 0;
  std::int64_t out_of_order = 0;
  std::optional<double> median_s;
  std::optional<double> within_standard;  // share, 0..1
  int rank = 0;                           // 1 = best; 0 when unranked
};

struct BucketReport {
  Period period;
  OrderMeasure measure = OrderMeasure::kSignFor;
  OrderGrouping by = OrderGrouping::kStation;
  BucketScheme scheme;
  BucketRow total;
  std::vector<BucketRow> rows;  // the league table
};

Result<BucketReport> order_buckets(const IncidentHistory& history, const BucketQuery& query);

}  // namespace shouwang::analytics
