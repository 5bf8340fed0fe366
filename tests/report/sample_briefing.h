#pragma once
// A briefing document written by hand, in the shape server::answer_briefing gives: every
// section present, figures small enough to check by eye.

#include <nlohmann/json.hpp>

namespace shouwang::report::testing {

inline nlohmann::json sample_briefing() {
  using nlohmann::json;
  const auto period = [](const char* name, const char* begin, bool covered) {
    return json{{"name", name},  {"kind", "day"}, {"begin", begin},
                {"last", begin}, {"days", 1},     {"covered", covered}};
  };
  const auto counts = [](const char* key, int current, int last_year, int previous) {
    const auto pct = [&](int base) {
      return base == 0 ? json(nullptr) : json((current - base) * 100.0 / base);
    };
    return json{{"key", json::array({key})},     {"current", current},
                {"last_year", last_year},        {"previous", previous},
                {"yoy_percent", pct(last_year)}, {"pop_percent", pct(previous)}};
  };
  json groups = json::array();
  const char* names[] = {"criminal",
                         "public_order",
                         "traffic",
                         "fire",
                         "assistance",
                         "dispute",
                         "robbery_snatching_theft",
                         "telecom_fraud"};
  const int now[] = {31, 42, 55, 2, 60, 25, 12, 7};
  const int year_before[] = {40, 30, 50, 0, 58, 25, 15, 9};
  for (int i = 0; i < 8; ++i)
    groups.push_back(counts(names[i], now[i], year_before[i], now[i] + 1));
  json hours = json::array(), current = json::array(), zero = json::array();
  for (int h = 0; h < 24; ++h) {
    hours.push_back((h < 10 ? "0" : "") + std::to_string(h));
    current.push_back(h < 6 ? 2 : 9);
    zero.push_back(h % 3);
  }
  const auto within = [](double a, double b, double c) {
    return json::array({{{"limit_s", 60}, {"share", a}},
                        {{"limit_s", 180}, {"share", b}},
                        {{"limit_s", 300}, {"share", c}}});
  };
  const auto response_row = [&](json key, int n, double median) {
    return json{{"key", key},
                {"n", n},
                {"mean_s", median + 20},
                {"median_s", median},
                {"p90_s", median * 1.5},
                {"min_s", 40},
                {"max_s", 900},
                {"missing", 2},
                {"out_of_order", 1},
                {"within", within(0.05, 0.3, 0.6)}};
  };
  json parts = json::array(
      {{{"name", "rate"}, {"value", 3.1}, {"score", 62.0}, {"weight", 0.4}, {"contribution", 24.8}},
       {{"name", "trend"},
        {"value", -10.0},
        {"score", 55.0},
        {"weight", 0.2},
        {"contribution", 11.0}},
       {{"name", "clearance"},
        {"value", 0.9},
        {"score", 90.0},
        {"weight", 0.2},
        {"contribution", 18.0}},
       {{"name", "response"},
        {"value", 0.7},
        {"score", 70.0},
        {"weight", 0.2},
        {"contribution", 14.0}}});
  return json{
      {"kind", "daily"},
      {"scope", {{"level", "centre"}, {"code", ""}}},
      {"period", period("day:2026-11-22", "2026-11-22", true)},
      {"last_year", period("day:2025-11-22", "2025-11-22", true)},
      {"previous", period("day:2026-11-21", "2026-11-21", true)},
      {"officer_initiated", true},
      {"totals", counts("", 212, 200, 220)},
      {"groups", groups},
      {"types", json::array({counts("0105", 19, 10, 12), counts("0301", 40, 41, 39)})},
      {"trend",
       {{"unit", "hour"},
        {"labels", hours},
        {"current", current},
        {"last_year", zero},
        {"previous", zero}}},
      {"areas", json::array({counts("S<1>", 150, 140, 160), counts("S2", 62, 60, 60)})},
      {"response",
       {{"from", "call_start"},
        {"to", "first_arrived"},
        {"by", json::array({"priority"})},
        {"officer_initiated", false},
        {"limits_s", json::array({60, 180, 300})},
        {"total", response_row(nullptr, 180, 343)},
        {"rows", json::array({response_row(json::array({"1"}), 30, 290),
                              response_row(json::array({"2"}), 150, 350)})}}},
      {"league",
       {{"measure", "arrival"},
        {"by", "station"},
        {"standard_s", 900},
        {"rows",
         json::array(
             {{{"key", "S2"}, {"n", 60}, {"within_standard", 0.95}, {"median_s", 400}, {"rank", 1}},
              {{"key", "S<1>"},
               {"n", 140},
               {"within_standard", 0.71},
               {"median_s", 520},
               {"rank", 2}}})}}},
      {"sign_for",
       {{"bounds_s", json::array({30, 60})},
        {"standard_s", 60},
        {"total", {{"buckets", json::array({150, 40, 10})}, {"within_standard", 0.95}}}}},
      {"hotspots",
       {{"cell_metres", 500},
        {"cell_degrees", {{"lat", 0.0045}, {"lon", 0.0052}}},
        {"cells",
         json::array({{{"key", "3:4"}, {"count", 14}, {"south", 30.0135}, {"west", 120.0208}},
                      {{"key", "3:5"}, {"count", 6}, {"south", 30.0135}, {"west", 120.026}},
                      {{"key", "1:1"}, {"count", 2}, {"south", 30.0045}, {"west", 120.0052}}})}}},
      {"streaks",
       json::array({{{"key", "S2"}, {"days", 43}, {"since", "2026-10-10"}, {"at_least", false}}})},
      {"safety", json::array({{{"key", "S2"},
                               {"now", {{"index", 67.8}, {"parts", parts}}},
                               {"before", {{"index", 64.1}, {"parts", parts}}},
                               {"moved_by", "trend"},
                               {"moved_by_points", 3.2}}})},
      {"alarms",
       json::array({{{"kind", "rise"},
                     {"dimension", "group"},
                     {"key", "public_order"},
                     {"base", "last_year"},
                     {"current", 42},
                     {"before", 30},
                     {"percent", 40.0}},
                    {{"kind", "late_arrivals"},
                     {"station", "S<1>"},
                     {"n", 140},
                     {"within_standard", 0.71},
                     {"standard_s", 900}},
                    {{"kind", "hotspot"}, {"cell", "3:4"}, {"count", 14}, {"times_mean", 1.9}}})},
  };
}

}  // namespace shouwang::report::testing
