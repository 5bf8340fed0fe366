#include "server/stats/stats_query.h"

#include <charconv>

#include <shouwang/analytics/period_text.h>

namespace shouwang::server::stats {

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (;;) {
    const std::size_t comma = text.find(',', start);
    parts.push_back(
        text.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (comma == std::string::npos)
      return parts;
    start = comma + 1;
  }
}

Result<bool> read_flag(const std::string& name, const std::string& value) {
  if (value == "1" || value == "true")
    return true;
  if (value == "0" || value == "false")
    return false;
  return Error(Errc::kInvalidArgument, name + " is 1 or 0, not '" + value + "'", name);
}

Result<StatsParams> read_stats_params(const std::map<std::string, std::string>& params,
                                      analytics::Day today, bool officer_initiated_default) {
  StatsParams out;
  out.period = analytics::month_of(today);
  out.filter.officer_initiated = officer_initiated_default;
  for (const auto& [name, value] : params) {
    if (name == "period") {
      auto period = analytics::parse_period(value);
      if (!period)
        return period.error();
      out.period = *period;
    } else if (name == "type") {
      out.filter.types = split_list(value);
    } else if (name == "group") {
      out.filter.groups = split_list(value);
    } else if (name == "station") {
      out.filter.stations = split_list(value);
    } else if (name == "district") {
      out.filter.districts = split_list(value);
    } else if (name == "priority") {
      for (const std::string& part : split_list(value)) {
        int p = 0;
        const auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), p);
        if (part.empty() || ec != std::errc() || end != part.data() + part.size() || p < 1 || p > 9)
          return Error(Errc::kInvalidArgument,
                       "priority is a list of numbers 1 to 9, not '" + value + "'", "priority");
        out.filter.priorities.push_back(p);
      }
    } else if (name == "officer_initiated" || name == "cancelled") {
      auto flag = read_flag(name, value);
      if (!flag)
        return flag.error();
      (name == "cancelled" ? out.filter.cancelled : out.filter.officer_initiated) = *flag;
    } else if (name == "by") {
      if (value.empty())
        continue;
      for (const std::string& part : split_list(value)) {
        const auto d = analytics::parse_dimension(part);
        if (!d)
          return Error(Errc::kInvalidArgument,
                       "by names '" + part +
                           "'; dimensions are type, type_level1, type_level2, group, district, "
                           "station, hour, "
                           "weekday, priority, day, cell and first_unit",
                       "by");
        out.by.push_back(*d);
      }
      if (out.by.size() > 3)
        return Error(Errc::kInvalidArgument, "at most three dimensions at once", "by");
    } else {
      out.rest.emplace(name, value);
    }
  }
  return out;
}

Status only_known(const StatsParams& params, const std::set<std::string>& known) {
  for (const auto& [name, value] : params.rest) {
    if (!known.contains(name)) {
      std::string list;
      for (const auto& k : known)
        list += ", " + k;
      return Error(Errc::kInvalidArgument,
                   "unknown parameter " + name +
                       " (this statistic takes period, type, group, station, district, priority, "
                       "officer_initiated, cancelled, by" +
                       list + ")",
                   name);
    }
  }
  return {};
}

}  // namespace shouwang::server::stats
