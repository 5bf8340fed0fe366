// Key sites, posts and coverage gaps (key_site.h).

#include "cad/apply/appliers.h"
#include "cad/codec/record_codec.h"

namespace shouwang::cad {
namespace {

// Where the state keeps a kind of registry record, and how its events name it.
template <typename Record, typename Profile>
struct RegistryKind {
  std::map<std::string, Record, std::less<>> State::*records;
  const char* what;    // "site"
  const char* id_key;  // "site_id"
  Profile (*decode)(const FieldReader&);
};

const RegistryKind<KeySite, SiteProfile> kSites{&State::sites, "site", "site_id", decode_site_profile};
const RegistryKind<Post, PostProfile> kPosts{&State::posts, "post", "post_id", decode_post_profile};

template <typename Record, typename Profile>
Record& record_for(State& s, const RegistryKind<Record, Profile>& kind, const FieldReader& p) {
  const std::string id = p.string(kind.id_key);
  auto& records = s.*kind.records;
  const auto it = records.find(id);
  if (it == records.end())
    throw EventMismatch(std::string(kind.what) + " " + id + " is not registered");
  return it->second;
}

template <typename Record, typename Profile>
void registered(State& s, const RegistryKind<Record, Profile>& kind, const FieldReader& p) {
  Record record;
  record.id = p.string(kind.id_key);
  record.profile = kind.decode(p.object("profile"));
  auto& records = s.*kind.records;
  if (records.contains(record.id))
    throw EventMismatch(std::string(kind.what) + " " + record.id + " is already registered");
  const std::string id = record.id;
  records.emplace(id, std::move(record));
}

template <typename Record, typename Profile>
void updated(State& s, const RegistryKind<Record, Profile>& kind, const FieldReader& p) {
  Profile profile = kind.decode(p.object("profile"));
  Record& record = record_for(s, kind, p);
  if (record.retired)
    throw EventMismatch(std::string(kind.what) + " " + record.id + " is retired");
  record.profile = std::move(profile);
}

template <typename Record, typename Profile>
Record& retired(State& s, const RegistryKind<Record, Profile>& kind, const FieldReader& p) {
  Record& record = record_for(s, kind, p);
  if (record.retired)
    throw EventMismatch(std::string(kind.what) + " " + record.id + " is already retired");
  record.retired = true;
  return record;
}

}  // namespace

void apply_site_registered(State& s, const EventMeta&, const FieldReader& p) { registered(s, kSites, p); }
void apply_site_updated(State& s, const EventMeta&, const FieldReader& p) { updated(s, kSites, p); }
void apply_site_retired(State& s, const EventMeta&, const FieldReader& p) { retired(s, kSites, p).gap.reset(); }
void apply_post_registered(State& s, const EventMeta&, const FieldReader& p) { registered(s, kPosts, p); }
void apply_post_updated(State& s, const EventMeta&, const FieldReader& p) { updated(s, kPosts, p); }
void apply_post_retired(State& s, const EventMeta&, const FieldReader& p) { retired(s, kPosts, p); }

void apply_site_gap_opened(State& s, const EventMeta& e, const FieldReader& p) {
  CoverageGap gap;
  gap.opened_at = e.time;
  gap.left_by = p.string_or_empty("left_by");
  if (p.has("move_up"))
    gap.move_up = decode_move_up(p.object("move_up"));
  KeySite& site = record_for(s, kSites, p);
  if (site.retired || site.gap)
    throw EventMismatch("site " + site.id + (site.retired ? " is retired" : " already has an open gap"));
  site.gap = std::move(gap);
  ++site.gaps_opened;
}

void apply_site_gap_closed(State& s, const EventMeta&, const FieldReader& p) {
  KeySite& site = record_for(s, kSites, p);
  if (!site.gap)
    throw EventMismatch("site " + site.id + " has no open gap");
  site.gap.reset();
}

}  // namespace shouwang::cad
