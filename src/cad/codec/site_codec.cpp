// Key sites, posts and coverage gaps as JSON: the same shapes in events, snapshots, the
// commands that register them and the API.

#include "cad/codec/record_codec.h"

namespace shouwang::cad {

using nlohmann::json;

namespace {

LatLon read_position(const FieldReader& in) {
  return {in.number("lat"), in.number("lon")};
}

}  // namespace

json encode(const SiteProfile& profile) {
  return {{"name", profile.name},
          {"type", to_string(profile.type)},
          {"tier_s", profile.tier_s},
          {"station", profile.station},
          {"lat", profile.position.lat},
          {"lon", profile.position.lon},
          {"hours", opening_hours_text(profile.hours)}};
}

SiteProfile decode_site_profile(const FieldReader& in) {
  SiteProfile profile;
  profile.name = in.string("name");
  profile.type = in.enumeration<SiteType>("type", parse_site_type);
  const std::int64_t tier = in.integer("tier_s");
  if (tier < 0 || tier > 86400)
    in.fail("tier_s", "is out of range");
  profile.tier_s = static_cast<int>(tier);
  profile.station = in.string("station");
  profile.position = read_position(in);
  auto hours = parse_opening_hours(in.string_or_empty("hours"), in.path_of("hours"));
  if (!hours.ok())
    in.fail("hours", hours.error().message);
  profile.hours = std::move(hours).value();
  return profile;
}

json encode(const PostProfile& profile) {
  return {{"name", profile.name},
          {"kind", to_string(profile.kind)},
          {"station", profile.station},
          {"lat", profile.position.lat},
          {"lon", profile.position.lon}};
}

PostProfile decode_post_profile(const FieldReader& in) {
  PostProfile profile;
  profile.name = in.string("name");
  profile.kind = in.enumeration<PostKind>("kind", parse_post_kind);
  profile.station = in.string("station");
  profile.position = read_position(in);
  return profile;
}

json encode(const MoveUp& move_up) {
  return {{"unit", move_up.unit},
          {"post", move_up.post},
          {"travel_s", move_up.travel_s},
          {"restores", move_up.restores}};
}

MoveUp decode_move_up(const FieldReader& in) {
  const std::int64_t restores = in.integer("restores");
  if (restores < -1'000'000 || restores > 1'000'000)
    in.fail("restores", "is out of range");
  return {in.string("unit"), in.string("post"), in.number("travel_s"), static_cast<int>(restores)};
}

json encode(const KeySite& site) {
  json out = {{"id", site.id},
              {"profile", encode(site.profile)},
              {"retired", site.retired},
              {"gaps_opened", site.gaps_opened}};
  if (site.gap) {
    json gap = {{"left_by", site.gap->left_by}};
    put_time(gap, "opened_at", site.gap->opened_at);
    if (site.gap->move_up)
      gap["move_up"] = encode(*site.gap->move_up);
    out["gap"] = std::move(gap);
  }
  return out;
}

KeySite decode_site(const FieldReader& in) {
  KeySite site;
  site.id = in.string("id");
  site.profile = decode_site_profile(in.object("profile"));
  site.retired = in.boolean("retired");
  site.gaps_opened = static_cast<int>(in.integer("gaps_opened"));
  if (in.has("gap")) {
    const FieldReader gap = in.object("gap");
    CoverageGap g;
    g.opened_at = gap.time("opened_at");
    g.left_by = gap.string_or_empty("left_by");
    if (gap.has("move_up"))
      g.move_up = decode_move_up(gap.object("move_up"));
    site.gap = std::move(g);
  }
  return site;
}

json encode(const Post& post) {
  return {{"id", post.id}, {"profile", encode(post.profile)}, {"retired", post.retired}};
}

Post decode_post(const FieldReader& in) {
  return {in.string("id"), decode_post_profile(in.object("profile")), in.boolean("retired")};
}

}  // namespace shouwang::cad
