#include <shouwang/cad/key_site.h>

#include <algorithm>
#include <array>

#include <shouwang/base/text.h>
#include <shouwang/cad/code_text.h>

#include "cad/enum_names.h"

namespace shouwang::cad {
namespace {

using S = SiteType;
using K = PostKind;

constexpr std::array<EnumName<S>, 7> kSiteNames{{
    {S::kSchool, "school"},
    {S::kHospital, "hospital"},
    {S::kTransportHub, "transport_hub"},
    {S::kMarket, "market"},
    {S::kGovernment, "government"},
    {S::kWaterHazard, "water_hazard"},
    {S::kOther, "other"},
}};

constexpr std::array<EnumName<S>, 7> kSiteZhNames{{
    {S::kSchool, "学校"},
    {S::kHospital, "医院"},
    {S::kTransportHub, "交通枢纽"},
    {S::kMarket, "商圈市场"},
    {S::kGovernment, "党政机关"},
    {S::kWaterHazard, "危险水域"},
    {S::kOther, "其他"},
}};

constexpr std::array<EnumName<K>, 3> kPostNames{{
    {K::kPost, "post"},
    {K::kPatrolArea, "patrol_area"},
    {K::kCheckpoint, "checkpoint"},
}};

constexpr std::array<EnumName<K>, 3> kPostZhNames{{
    {K::kPost, "驻勤点"},
    {K::kPatrolArea, "巡区"},
    {K::kCheckpoint, "卡点"},
}};

// "HH:MM" -> minutes, 24:00 allowed as an end.
std::optional<int> parse_clock(std::string_view text, bool end) {
  if (text.size() != 5 || text[2] != ':')
    return std::nullopt;
  for (const std::size_t k : {0U, 1U, 3U, 4U}) {
    if (text[k] < '0' || text[k] > '9')
      return std::nullopt;
  }
  const int hours = (text[0] - '0') * 10 + (text[1] - '0');
  const int minutes = (text[3] - '0') * 10 + (text[4] - '0');
  if (minutes > 59)
    return std::nullopt;
  if (hours == 24 && minutes == 0 && end)
    return 1440;
  if (hours > 23)
    return std::nullopt;
  return hours * 60 + minutes;
}

std::string clock_text(int minute) {
  const int hours = minute / 60;
  const int minutes = minute % 60;
  return std::string{static_cast<char>('0' + hours / 10), static_cast<char>('0' + hours % 10), ':',
                     static_cast<char>('0' + minutes / 10), static_cast<char>('0' + minutes % 10)};
}

Status check_name(const std::string& name) {
  if (name.empty())
    return Error(Errc::kInvalidArgument, "a name is required", "profile.name");
  if (name.size() > 128)
    return Error(Errc::kInvalidArgument, "a name is at most 128 bytes", "profile.name");
  return {};
}

Status check_place(const std::string& station, LatLon position) {
  if (!is_code(station))
    return Error(Errc::kInvalidArgument, "a station code is 1 to 32 letters, digits, '-' or '_'",
                 "profile.station");
  if (auto p = make_lat_lon(position.lat, position.lon); !p.ok())
    return Error(Errc::kInvalidArgument, p.error().message, "profile.position");
  return {};
}

}  // namespace

std::string_view to_string(SiteType type) { return name_in<S>(kSiteNames, type); }
std::string_view zh_name(SiteType type) { return name_in<S>(kSiteZhNames, type); }
std::optional<SiteType> parse_site_type(std::string_view name) { return value_in<S>(kSiteNames, name); }
std::string site_type_names() { return names_in<S>(kSiteNames); }

std::string_view to_string(PostKind kind) { return name_in<K>(kPostNames, kind); }
std::string_view zh_name(PostKind kind) { return name_in<K>(kPostZhNames, kind); }
std::optional<PostKind> parse_post_kind(std::string_view name) { return value_in<K>(kPostNames, name); }
std::string post_kind_names() { return names_in<K>(kPostNames); }

Result<std::vector<OpeningSpan>> parse_opening_hours(std::string_view text, std::string_view field) {
  std::vector<OpeningSpan> spans;
  const std::string all = trim(text);
  if (all.empty())
    return spans;
  const auto bad = [&](const std::string& part) {
    return Error(Errc::kInvalidArgument,
                 "opening hours are spans like 07:00-18:00, separated by commas; '" + part + "' is not one",
                 std::string(field));
  };
  std::string_view rest = all;
  while (!rest.empty()) {
    const std::size_t comma = rest.find(',');
    const std::string part = trim(rest.substr(0, comma));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    const std::size_t dash = part.find('-');
    if (dash == std::string::npos)
      return bad(part);
    const auto from = parse_clock(trim(std::string_view(part).substr(0, dash)), false);
    const auto to = parse_clock(trim(std::string_view(part).substr(dash + 1)), true);
    if (!from || !to || *from == *to)
      return bad(part);
    spans.push_back({*from, *to});
    if (spans.size() > 8)
      return Error(Errc::kInvalidArgument, "at most 8 opening spans", std::string(field));
  }
  return spans;
}

std::string opening_hours_text(const std::vector<OpeningSpan>& spans) {
  std::string out;
  for (const OpeningSpan& s : spans) {
    if (!out.empty())
      out += ',';
    out += clock_text(s.from_minute) + "-" + clock_text(s.to_minute);
  }
  return out;
}

bool is_open_at(const std::vector<OpeningSpan>& spans, int minute) {
  if (spans.empty())
    return true;
  return std::any_of(spans.begin(), spans.end(), [&](const OpeningSpan& s) {
    if (s.from_minute < s.to_minute)
      return minute >= s.from_minute && minute < s.to_minute;
    return minute >= s.from_minute || minute < s.to_minute;  // past midnight
  });
}

Result<SiteProfile> normalized_site_profile(const SiteProfile& profile) {
  SiteProfile out = profile;
  out.name = trim(profile.name);
  out.station = trim(profile.station);
  if (Status s = check_name(out.name); !s.ok())
    return s.error();
  if (std::find(std::begin(kSiteTiers), std::end(kSiteTiers), out.tier_s) == std::end(kSiteTiers))
    return Error(Errc::kInvalidArgument,
                 "the tier is 60, 180 or 300 seconds (1, 3 or 5 minutes), not " + std::to_string(out.tier_s),
                 "profile.tier_s");
  if (Status s = check_place(out.station, out.position); !s.ok())
    return s.error();
  // Stored as written back from its own text, so equal hours compare equal.
  auto hours = parse_opening_hours(opening_hours_text(out.hours), "profile.hours");
  if (!hours.ok())
    return hours.error();
  out.hours = std::move(hours).value();
  return out;
}

Result<PostProfile> normalized_post_profile(const PostProfile& profile) {
  PostProfile out = profile;
  out.name = trim(profile.name);
  out.station = trim(profile.station);
  if (Status s = check_name(out.name); !s.ok())
    return s.error();
  if (Status s = check_place(out.station, out.position); !s.ok())
    return s.error();
  return out;
}

}  // namespace shouwang::cad
