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

// A kind of registry record and the events that keep it.
template <typename Record, typename Profile>
struct RegistryKind {
  const char* what;  // "site": the field naming the record, and the word for it
  std::string_view entity_prefix;
  std::string_view id_key;  // "site_id"
  const Record* (State::*find)(std::string_view) const;
  Result<Profile> (*normalize)(const Profile&);
  std::string_view registered, updated, retired;
};

const RegistryKind<KeySite, SiteProfile> kSiteKind{"site",
                                                   event_type::kSiteEntityPrefix,
                                                   "site_id",
                                                   &State::find_site,
                                                   normalized_site_profile,
                                                   event_type::kSiteRegistered,
                                                   event_type::kSiteUpdated,
                                                   event_type::kSiteRetired};
const RegistryKind<Post, PostProfile> kPostKind{"post",
                                                event_type::kPostEntityPrefix,
                                                "post_id",
                                                &State::find_post,
                                                normalized_post_profile,
                                                event_type::kPostRegistered,
                                                event_type::kPostUpdated,
                                                event_type::kPostRetired};

template <typename Record, typename Profile>
Status register_record(Decision& d, const RegistryKind<Record, Profile>& kind, const std::string& id,
                       const Profile& given) {
  if (Status s = check_code(id, kind.what, kind.what); !s)
    return s;
  if (const Record* existing = (d.state().*kind.find)(id))
    return Error(Errc::kAlreadyExists,
                 std::string(kind.what) + " " + id + " is already registered" + (existing->retired ? " (retired)" : ""),
                 kind.what);
  auto profile = kind.normalize(given);
  if (!profile.ok())
    return profile.error();
  d.emit(kind.registered, {entity(kind.entity_prefix, id)}, {{kind.id_key, id}, {"profile", encode(*profile)}});
  return {};
}

template <typename Record, typename Profile>
Status update_record(Decision& d, const RegistryKind<Record, Profile>& kind, const std::string& id,
                     const Profile& given) {
  auto record = active((d.state().*kind.find)(id), kind.what, id, "edit it");
  if (!record.ok())
    return record.error();
  auto profile = kind.normalize(given);
  if (!profile.ok())
    return profile.error();
  if (*profile == (*record)->profile)
    return Error(Errc::kConflict, std::string(kind.what) + " " + id + " already has this profile", "profile");
  d.emit(kind.updated, {entity(kind.entity_prefix, id)}, {{kind.id_key, id}, {"profile", encode(*profile)}});
  return {};
}

template <typename Record, typename Profile>
Status retire_record(Decision& d, const RegistryKind<Record, Profile>& kind, const std::string& id,
                     const std::string& reason) {
  auto record = active((d.state().*kind.find)(id), kind.what, id, "retire it");
  if (!record.ok())
    return record.error();
  if (Status s = require_text(reason, "reason", "the reason"); !s)
    return s;
  d.emit(kind.retired, {entity(kind.entity_prefix, id)}, {{kind.id_key, id}, {"reason", reason}});
  return {};
}

}  // namespace

Status handle(Decision& d, const RegisterSite& c) { return register_record(d, kSiteKind, c.site, c.profile); }
Status handle(Decision& d, const UpdateSite& c) { return update_record(d, kSiteKind, c.site, c.profile); }
Status handle(Decision& d, const RetireSite& c) { return retire_record(d, kSiteKind, c.site, c.reason); }
Status handle(Decision& d, const RegisterPost& c) { return register_record(d, kPostKind, c.post, c.profile); }
Status handle(Decision& d, const UpdatePost& c) { return update_record(d, kPostKind, c.post, c.profile); }
Status handle(Decision& d, const RetirePost& c) { return retire_record(d, kPostKind, c.post, c.reason); }

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
