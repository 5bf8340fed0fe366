#include <shouwang/exchange/backtest_plan.h>

#include <charconv>
#include <chrono>

#include "exchange/mapping_toml.h"
#include "exchange/zip_entry.h"

namespace shouwang::exchange {
namespace {

using detail::TomlFields;

constexpr std::int64_t kDay = 86'400;

std::optional<std::int64_t> read_date(std::string_view text) {
  int y = 0;
  unsigned m = 0, d = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto number = [&](std::size_t at, std::size_t n, auto& out) {
    return std::from_chars(text.data() + at, text.data() + at + n, out).ptr == text.data() + at + n;
  };
  if (!number(0, 4, y) || !number(5, 2, m) || !number(8, 2, d)) return std::nullopt;
  const std::chrono::year_month_day day{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
  if (!day.ok()) return std::nullopt;
  return std::chrono::sys_days(day).time_since_epoch().count() * kDay;
}

// "7d" (days) or, where months are allowed, "1m".
struct Span {
  int days = 0;
  int months = 0;
};
std::optional<Span> read_span(std::string_view text, bool months_allowed) {
  if (text.size() < 2) return std::nullopt;
  int n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size() - 1, n);
  if (ec != std::errc() || end != text.data() + text.size() - 1 || n <= 0 || n > 3660) return std::nullopt;
  if (text.back() == 'd') return Span{n, 0};
  if (text.back() == 'm' && months_allowed) return Span{0, n};
  return std::nullopt;
}

class PlanParser {
 public:
  explicit PlanParser(std::string source) : f_(std::move(source)) {}

  Status parse(const toml::table& root, BacktestPlanFile& plan) {
    if (auto s = f_.only(root, "", {"name", "events", "boundary", "study", "schedule", "evaluation"}); !s)
      return s;
    if (auto name = f_.string(root, "", "name"); !name) return name.error();
    else plan.name = name->value_or("");
    if (auto s = events(root, plan); !s) return s;
    if (auto s = boundary(root, plan); !s) return s;
    if (auto s = study(root, plan); !s) return s;
    if (auto s = schedules(root, plan); !s) return s;
    return evaluation(root, plan);
  }

 private:
  Result<const toml::table*> required_table(const toml::table& root, std::string_view name) {
    auto t = f_.table(root, "", name);
    if (!t) return t.error();
    if (*t == nullptr) return f_.error({std::string(name), 1}, "missing: the plan needs an [" + std::string(name) + "] table");
    return *t;
  }

  Status events(const toml::table& root, BacktestPlanFile& plan) {
    auto t = required_table(root, "events");
    if (!t) return t.error();
    const toml::table& e = **t;
    if (auto s = f_.only(e, "events", {"file", "time", "time_format", "x", "y", "epsg", "lat", "lon", "filter"}); !s)
      return s;
    auto file = f_.required_string(e, "events", "file");
    if (!file) return file.error();
    plan.events_file = *file;
    auto time = f_.required_string(e, "events", "time");
    if (!time) return time.error();
    plan.time_column = *time;
    if (auto format = f_.string(e, "events", "time_format"); !format) return format.error();
    else if (*format) plan.time_format = **format;
    for (auto [name, out] : {std::pair{"x", &plan.x_column}, {"y", &plan.y_column}, {"lat", &plan.lat_column},
                             {"lon", &plan.lon_column}}) {
      auto column = f_.string(e, "events", name);
      if (!column) return column.error();
      *out = column->value_or("");
    }
    auto epsg = f_.integer(e, "events", "epsg");
    if (!epsg) return epsg.error();
    plan.epsg = static_cast<int>(epsg->value_or(0));
    const bool projected = !plan.x_column.empty() || !plan.y_column.empty();
    const bool geographic = !plan.lat_column.empty() || !plan.lon_column.empty();
    const auto at = TomlFields::key_at(e, "events");
    if (projected == geographic)
      return f_.error(at, "give either x and y (projected, with epsg) or lat and lon");
    if (projected && (plan.x_column.empty() || plan.y_column.empty() || plan.epsg <= 0))
      return f_.error(at, "projected coordinates need x, y and a positive epsg code");
    if (geographic && (plan.lat_column.empty() || plan.lon_column.empty()))
      return f_.error(at, "geographic coordinates need both lat and lon");
    auto filter = f_.table(e, "events", "filter");
    if (!filter) return filter.error();
    if (*filter != nullptr) {
      const toml::table& ft = **filter;
      if (auto s = f_.only(ft, "events.filter", {"column", "values"}); !s) return s;
      auto column = f_.required_string(ft, "events.filter", "column");
      if (!column) return column.error();
      plan.filter_column = *column;
      auto values = f_.array(ft, "events.filter", "values");
      if (!values) return values.error();
      if (*values == nullptr || (*values)->empty())
        return f_.error(TomlFields::key_at(ft, "events.filter.values"), "name at least one value to keep");
      for (const auto& v : **values) {
        const auto* s = v.as_string();
        if (s == nullptr) return f_.error(TomlFields::key_at(v, "events.filter.values"), "must be strings");
        plan.filter_values.push_back(s->get());
      }
    }
    return {};
  }

  Status boundary(const toml::table& root, BacktestPlanFile& plan) {
    auto t = required_table(root, "boundary");
    if (!t) return t.error();
    if (auto s = f_.only(**t, "boundary", {"file"}); !s) return s;
    auto file = f_.required_string(**t, "boundary", "file");
    if (!file) return file.error();
    plan.boundary_file = *file;
    return {};
  }

  Status study(const toml::table& root, BacktestPlanFile& plan) {
    auto t = required_table(root, "study");
    if (!t) return t.error();
    const toml::table& s = **t;
    if (auto ok = f_.only(s, "study", {"cells", "hot_area", "area"}); !ok) return ok;
    auto cells = f_.array(s, "study", "cells");
    if (!cells) return cells.error();
    if (*cells == nullptr || (*cells)->empty())
      return f_.error(TomlFields::key_at(s, "study.cells"), "name at least one cell side");
    for (const auto& v : **cells) {
      const std::optional<double> side = v.value<double>();
      if (!side || !(*side > 0.0)) return f_.error(TomlFields::key_at(v, "study.cells"), "cell sides are positive numbers");
      plan.cells.push_back(*side);
    }
    auto hot = f_.number(s, "study", "hot_area");
    if (!hot) return hot.error();
    if (!*hot || !(**hot > 0.0))
      return f_.error(TomlFields::key_at(s, "study.hot_area"), "the hot area must be given and positive");
    plan.hot_area = **hot;
    auto area = f_.number(s, "study", "area");
    if (!area) return area.error();
    if (*area && !(**area > 0.0)) return f_.error(TomlFields::key_at(s, "study.area"), "must be positive");
    plan.study_area = *area;
    return {};
  }

  Status schedules(const toml::table& root, BacktestPlanFile& plan) {
    auto list = f_.array(root, "", "schedule");
    if (!list) return list.error();
    if (*list == nullptr || (*list)->empty())
      return f_.error({"schedule", 1}, "missing: the plan needs at least one [[schedule]]");
    std::size_t i = 0;
    for (const auto& node : **list) {
      const std::string path = "schedule[" + std::to_string(++i) + "]";
      const auto* t = node.as_table();
      if (t == nullptr) return f_.error(TomlFields::key_at(node, path), "must be a table");
      if (auto s = f_.only(*t, path, {"name", "first", "last", "every", "horizon"}); !s) return s;
      BacktestSchedule schedule;
      auto name = f_.required_string(*t, path, "name");
      if (!name) return name.error();
      schedule.name = *name;
      for (auto [key, out] : {std::pair{"first", &schedule.first}, {"last", &schedule.last}}) {
        auto text = f_.required_string(*t, path, key);
        if (!text) return text.error();
        const auto day = read_date(*text);
        if (!day) return f_.error(TomlFields::key_at(*t->get(key), path + "." + key), "must be a date YYYY-MM-DD");
        *out = *day;
      }
      if (schedule.last < schedule.first)
        return f_.error(TomlFields::key_at(*t, path), "the last origin comes before the first");
      auto every = f_.required_string(*t, path, "every");
      if (!every) return every.error();
      const auto step = read_span(*every, true);
      if (!step) return f_.error(TomlFields::key_at(*t->get("every"), path + ".every"), "must be days (\"7d\") or months (\"1m\")");
      schedule.every_days = step->days;
      schedule.every_months = step->months;
      auto horizon = f_.required_string(*t, path, "horizon");
      if (!horizon) return horizon.error();
      const auto h = read_span(*horizon, false);
      if (!h) return f_.error(TomlFields::key_at(*t->get("horizon"), path + ".horizon"), "must be days (\"7d\")");
      schedule.horizon = h->days * kDay;
      plan.schedules.push_back(std::move(schedule));
    }
    return {};
  }

  Status evaluation(const toml::table& root, BacktestPlanFile& plan) {
    auto t = f_.table(root, "", "evaluation");
    if (!t) return t.error();
    if (*t == nullptr) return {};
    const toml::table& e = **t;
    if (auto s = f_.only(e, "evaluation", {"methods", "bootstrap", "seed"}); !s) return s;
    auto methods = f_.array(e, "evaluation", "methods");
    if (!methods) return methods.error();
    if (*methods != nullptr) {
      for (const auto& v : **methods) {
        const auto* s = v.as_string();
        if (s == nullptr) return f_.error(TomlFields::key_at(v, "evaluation.methods"), "must be method names");
        plan.methods.push_back(s->get());
      }
    }
    auto samples = f_.integer(e, "evaluation", "bootstrap");
    if (!samples) return samples.error();
    if (*samples) {
      if (**samples < 0 || **samples > 1'000'000)
        return f_.error(TomlFields::key_at(e, "evaluation.bootstrap"), "must be 0 to 1,000,000 resamples");
      plan.bootstrap_samples = static_cast<int>(**samples);
    }
    auto seed = f_.integer(e, "evaluation", "seed");
    if (!seed) return seed.error();
    if (*seed) plan.seed = static_cast<std::uint64_t>(**seed);
    return {};
  }

  TomlFields f_;
};

}  // namespace

std::vector<std::int64_t> BacktestSchedule::origins() const {
  std::vector<std::int64_t> out;
  if (every_days > 0) {
    for (std::int64_t t = first; t <= last; t += every_days * kDay)
      out.push_back(t);
    return out;
  }
  const std::chrono::year_month_day start{std::chrono::sys_days(std::chrono::days(first / kDay))};
  for (int k = 0;; ++k) {
    auto ymd = start + std::chrono::months(k * every_months);
    if (!ymd.ok())  // the 31st of a shorter month: its last day
      ymd = ymd.year() / ymd.month() / std::chrono::last;
    const std::int64_t t = std::chrono::sys_days(ymd).time_since_epoch().count() * kDay;
    if (t > last) break;
    out.push_back(t);
  }
  return out;
}

Result<BacktestPlanFile> parse_backtest_plan(std::string_view text, std::string_view source) {
  auto parsed = detail::parse_toml(text, source);
  if (!parsed) return parsed.error();
  const toml::table& root = *parsed;
  BacktestPlanFile plan;
  plan.source = std::string(source);
  PlanParser parser{std::string(source)};
  if (auto s = parser.parse(root, plan); !s) return s.error();
  return plan;
}

Result<BacktestPlanFile> load_backtest_plan(const std::filesystem::path& path) {
  auto text = detail::read_whole_file(path);
  if (!text) return text.error();
  auto plan = parse_backtest_plan(*text, path.filename().string());
  if (!plan) return plan.error();
  const std::filesystem::path dir = path.parent_path();
  for (auto* file : {&plan->events_file, &plan->boundary_file}) {
    if (file->is_relative()) *file = dir / *file;
  }
  return plan;
}

}  // namespace shouwang::exchange
