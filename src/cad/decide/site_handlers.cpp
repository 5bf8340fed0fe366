// The registry of the quick-response circles: key sites and posts (key_site.h), and the
// coverage gaps the server's circle watch opens and closes.

#include <cmath>

#include <shouwang/cad/code_text.h>
#include <shouwang/cad/event_types.h>

#include "cad/codec/record_codec.h"
#include "cad/decide/handlers.h"
#include "cad/decide/refusals.h"

namespace shouwang::cad {
namespace {

std::string entity(std::string_view prefix, std::string_view id) {
  return std::string(prefix) + std::string(id);
}

Status check_code(const std::string& id, std::string_view field, std::string_view what) {
  if (!is_code(id))
    return Error(Errc::kInvalidArgument,
                 std::string("a ") + std::string(what) + " id is 1 to 32 letters, digits, '-' or '_'",
                 std::string(field));
  return {};
}

// The site or post under `id`, unless absent or retired.
template <typename Record>
Result<const Record*> active(const Record* record, std::string_view what, const std::string& id,
                             std::string_view action) {
  if (record == nullptr)
    return Error(Errc::kNotFound, std::string(what) + " " + id + " is not registered", std::string(what));
  if (record->retired)
    return Error(Errc::kInvalidTransition,
                 "cannot " + std::string(action) + ": " + std::string(what) + " " + id + " is retired",
                 std::string(what));
  return record;
}

}  // namespace

Status handle(Decision& d, const RegisterSite& c) {
  if (Status s = check_code(c.site, "site", "site"); !s)
    return s;
  if (const KeySite* existing = d.state().find_site(c.site))
    return Error(Errc::kAlreadyExists,
                 "site " + c.site + " is already registered" + (existing->retired ? " (retired)" : ""), "site");
  auto profile = normalized_site_profile(c.profile);
  if (!profile.ok())
    return profile.error();
  d.emit(event_type::kSiteRegistered, {entity(event_type::kSiteEntityPrefix, c.site)},
         {{"site_id", c.site}, {"profile", encode(*profile)}});
  return {};
}

Status handle(Decision& d, const UpdateSite& c) {
  auto site = active(d.state().find_site(c.site), "site", c.site, "edit it");
  if (!site.ok())
    return site.error();
  auto profile = normalized_site_profile(c.profile);
  if (!profile.ok())
    return profile.error();
  if (*profile == (*site)->profile)
    return Error(Errc::kConflict, "site " + c.site + " already has this profile", "profile");
  d.emit(event_type::kSiteUpdated, {entity(event_type::kSiteEntityPrefix, c.site)},
         {{"site_id", c.site}, {"profile", encode(*profile)}});
  return {};
}

Status handle(Decision& d, const RetireSite& c) {
  auto site = active(d.state().find_site(c.site), "site", c.site, "retire it");
  if (!site.ok())
    return site.error();
  if (Status s = require_text(c.reason, "reason", "the reason"); !s)
    return s;
  d.emit(event_type::kSiteRetired, {entity(event_type::kSiteEntityPrefix, c.site)},
         {{"site_id", c.site}, {"reason", c.reason}});
  return {};
}

Status handle(Decision& d, const RegisterPost& c) {
  if (Status s = check_code(c.post, "post", "post"); !s)
    return s;
  if (const Post* existing = d.state().find_post(c.post))
    return Error(Errc::kAlreadyExists,
                 "post " + c.post + " is already registered" + (existing->retired ? " (retired)" : ""), "post");
  auto profile = normalized_post_profile(c.profile);
  if (!profile.ok())
    return profile.error();
  d.emit(event_type::kPostRegistered, {entity(event_type::kPostEntityPrefix, c.post)},
         {{"post_id", c.post}, {"profile", encode(*profile)}});
  return {};
}

Status handle(Decision& d, const UpdatePost& c) {
  auto post = active(d.state().find_post(c.post), "post", c.post, "edit it");
  if (!post.ok())
    return post.error();
  auto profile = normalized_post_profile(c.profile);
  if (!profile.ok())
    return profile.error();
  if (*profile == (*post)->profile)
    return Error(Errc::kConflict, "post " + c.post + " already has this profile", "profile");
  d.emit(event_type::kPostUpdated, {entity(event_type::kPostEntityPrefix, c.post)},
         {{"post_id", c.post}, {"profile", encode(*profile)}});
  return {};
}

Status handle(Decision& d, const RetirePost& c) {
  auto post = active(d.state().find_post(c.post), "post", c.post, "retire it");
  if (!post.ok())
    return post.error();
  if (Status s = require_text(c.reason, "reason", "the reason"); !s)
    return s;
  d.emit(event_type::kPostRetired, {entity(event_type::kPostEntityPrefix, c.post)},
         {{"post_id", c.post}, {"reason", c.reason}});
  return {};
}

Status handle(Decision& d, const OpenCoverageGap& c) {
  auto site = active(d.state().find_site(c.site), "site", c.site, "open a coverage gap");
  if (!site.ok())
    return site.error();
  if ((*site)->gap)
    return Error(Errc::kConflict,
                 "site " + c.site + " has had a coverage gap open since " + (*site)->gap->opened_at.to_iso8601(),
                 "site");
  nlohmann::json payload = {{"site_id", c.site}, {"left_by", c.left_by}};
  std::vector<std::string> entities{entity(event_type::kSiteEntityPrefix, c.site)};
  if (c.move_up) {
    const MoveUp& m = *c.move_up;
    if (d.state().find_unit(m.unit) == nullptr)
      return Error(Errc::kNotFound, "unit " + m.unit + " is not registered", "move_up.unit");
    if (auto post = active(d.state().find_post(m.post), "post", m.post, "suggest it"); !post.ok())
      return Error(post.error().code, post.error().message, "move_up.post");
    if (!std::isfinite(m.travel_s) || m.travel_s < 0)
      return Error(Errc::kInvalidArgument, "the travel time is a finite number of seconds >= 0",
                   "move_up.travel_s");
    payload["move_up"] = encode(m);
  }
  d.emit(event_type::kSiteGapOpened, std::move(entities), std::move(payload));
  return {};
}

Status handle(Decision& d, const CloseCoverageGap& c) {
  const KeySite* site = d.state().find_site(c.site);
  if (site == nullptr)
    return Error(Errc::kNotFound, "site " + c.site + " is not registered", "site");
  if (!site->gap)
    return Error(Errc::kConflict, "site " + c.site + " has no open coverage gap", "site");
  d.emit(event_type::kSiteGapClosed, {entity(event_type::kSiteEntityPrefix, c.site)},
         {{"site_id", c.site}, {"unit", c.covered_by}});
  return {};
}

}  // namespace shouwang::cad
