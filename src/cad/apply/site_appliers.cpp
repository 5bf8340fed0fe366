// Key sites, posts and coverage gaps (key_site.h).

#include "cad/apply/appliers.h"
#include "cad/codec/record_codec.h"

namespace shouwang::cad {
namespace {

KeySite& site_for(State& s, const std::string& id) {
  KeySite* site = s.find_site(id);
  if (site == nullptr)
    throw EventMismatch("site " + id + " is not registered");
  return *site;
}

Post& post_for(State& s, const std::string& id) {
  Post* post = s.find_post(id);
  if (post == nullptr)
    throw EventMismatch("post " + id + " is not registered");
  return *post;
}

}  // namespace

void apply_site_registered(State& s, const EventMeta&, const FieldReader& p) {
  KeySite site;
  site.id = p.string("site_id");
  site.profile = decode_site_profile(p.object("profile"));
  if (s.find_site(site.id) != nullptr)
    throw EventMismatch("site " + site.id + " is already registered");
  const std::string id = site.id;
  s.sites.emplace(id, std::move(site));
}

void apply_site_updated(State& s, const EventMeta&, const FieldReader& p) {
  SiteProfile profile = decode_site_profile(p.object("profile"));
  KeySite& site = site_for(s, p.string("site_id"));
  if (site.retired)
    throw EventMismatch("site " + site.id + " is retired");
  site.profile = std::move(profile);
}

void apply_site_retired(State& s, const EventMeta&, const FieldReader& p) {
  KeySite& site = site_for(s, p.string("site_id"));
  if (site.retired)
    throw EventMismatch("site " + site.id + " is already retired");
  site.retired = true;
  site.gap.reset();
}

void apply_site_gap_opened(State& s, const EventMeta& e, const FieldReader& p) {
  CoverageGap gap;
  gap.opened_at = e.time;
  gap.left_by = p.string_or_empty("left_by");
  if (p.has("move_up"))
    gap.move_up = decode_move_up(p.object("move_up"));
  KeySite& site = site_for(s, p.string("site_id"));
  if (site.retired || site.gap)
    throw EventMismatch("site " + site.id + (site.retired ? " is retired" : " already has an open gap"));
  site.gap = std::move(gap);
  ++site.gaps_opened;
}

void apply_site_gap_closed(State& s, const EventMeta&, const FieldReader& p) {
  KeySite& site = site_for(s, p.string("site_id"));
  if (!site.gap)
    throw EventMismatch("site " + site.id + " has no open gap");
  site.gap.reset();
}

void apply_post_registered(State& s, const EventMeta&, const FieldReader& p) {
  Post post;
  post.id = p.string("post_id");
  post.profile = decode_post_profile(p.object("profile"));
  if (s.find_post(post.id) != nullptr)
    throw EventMismatch("post " + post.id + " is already registered");
  const std::string id = post.id;
  s.posts.emplace(id, std::move(post));
}

void apply_post_updated(State& s, const EventMeta&, const FieldReader& p) {
  PostProfile profile = decode_post_profile(p.object("profile"));
  Post& post = post_for(s, p.string("post_id"));
  if (post.retired)
    throw EventMismatch("post " + post.id + " is retired");
  post.profile = std::move(profile);
}

void apply_post_retired(State& s, const EventMeta&, const FieldReader& p) {
  Post& post = post_for(s, p.string("post_id"));
  if (post.retired)
    throw EventMismatch("post " + post.id + " is already retired");
  post.retired = true;
}

}  // namespace shouwang::cad
