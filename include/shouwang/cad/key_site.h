#pragma once
// Quick-response circles (1-3-5分钟快反圈): the key sites a unit must be able to reach
// within their promised time, and the posts (驻勤点, PTU patrol areas, checkpoints) units
// stand at to keep that promise. Both are registered by the centre with a code of their
// own (code_text.h), like units. A site's circle is live: the server watches whether an
// available unit can reach it in time and, when the last one leaves, opens a coverage gap
// with the best move-up it found; the gap closes when a unit covers the site again.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <shouwang/base/clock.h>
#include <shouwang/base/geo.h>
#include <shouwang/base/result.h>

namespace shouwang::cad {

enum class SiteType : std::uint8_t {
  kSchool,
  kHospital,
  kTransportHub,
  kMarket,
  kGovernment,
  kWaterHazard,
  kOther,
};

std::string_view to_string(SiteType type);  // "transport_hub"
std::string_view zh_name(SiteType type);    // "交通枢纽"
std::optional<SiteType> parse_site_type(std::string_view name);
std::string site_type_names();  // "school, hospital, ..." for messages

enum class PostKind : std::uint8_t {
  kPost,        // 驻勤点 / 岗亭: a fixed place units stand at
  kPatrolArea,  // PTU 巡区: its position is the area's centre
  kCheckpoint,  // 卡点 / 检查站
};

std::string_view to_string(PostKind kind);  // "patrol_area"
std::string_view zh_name(PostKind kind);    // "巡区"
std::optional<PostKind> parse_post_kind(std::string_view name);
std::string post_kind_names();

// The promised times, seconds.
inline constexpr int kSiteTiers[] = {60, 180, 300};

// When a site needs its circle: spans of the local day, minutes after midnight. A span
// with to < from runs past midnight. No spans: around the clock.
struct OpeningSpan {
  int from_minute = 0;  // 0..1439
  int to_minute = 0;    // 0..1440
  friend bool operator==(const OpeningSpan&, const OpeningSpan&) = default;
};

// "07:00-18:00" or "07:00-11:30,13:30-17:00"; "" for around the clock. kInvalidArgument
// naming `field` otherwise.
Result<std::vector<OpeningSpan>> parse_opening_hours(std::string_view text, std::string_view field);
std::string opening_hours_text(const std::vector<OpeningSpan>& spans);
// Whether the hours cover `minute` (0..1439) of the local day.
bool is_open_at(const std::vector<OpeningSpan>& spans, int minute);

struct SiteProfile {
  std::string name;
  SiteType type = SiteType::kOther;
  int tier_s = 180;     // 60, 180 or 300
  std::string station;  // the responsible station's org code
  LatLon position;
  std::vector<OpeningSpan> hours;
  friend bool operator==(const SiteProfile&, const SiteProfile&) = default;
};

struct PostProfile {
  std::string name;
  PostKind kind = PostKind::kPost;
  std::string station;
  LatLon position;
  friend bool operator==(const PostProfile&, const PostProfile&) = default;
};

// What the watch found best to restore coverage: send `unit` to `post`, which brings
// `restores` uncovered sites back into their circles (net of what the unit's move
// uncovers), the unit needing `travel_s` to get there.
struct MoveUp {
  std::string unit;
  std::string post;
  double travel_s = 0;
  int restores = 0;
  friend bool operator==(const MoveUp&, const MoveUp&) = default;
};

// A site no available unit reaches within its promise.
struct CoverageGap {
  UtcTime opened_at;
  std::string left_by;             // the unit whose leaving opened it, if known
  std::optional<MoveUp> move_up;   // none when no unit or post can restore it
  friend bool operator==(const CoverageGap&, const CoverageGap&) = default;
};

struct KeySite {
  std::string id;
  SiteProfile profile;
  bool retired = false;
  std::optional<CoverageGap> gap;  // open gap, if any
  int gaps_opened = 0;             // over the site's life
  friend bool operator==(const KeySite&, const KeySite&) = default;
};

struct Post {
  std::string id;
  PostProfile profile;
  bool retired = false;
  friend bool operator==(const Post&, const Post&) = default;
};

// Checks and trims a profile: name at most 128 bytes, tier one of kSiteTiers, station a
// code, position on the globe. Errors name the field under "profile.".
Result<SiteProfile> normalized_site_profile(const SiteProfile& profile);
Result<PostProfile> normalized_post_profile(const PostProfile& profile);

}  // namespace shouwang::cad
