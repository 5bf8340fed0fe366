#include <algorithm>
#include <cassert>
#include <limits>
#include <map>
#include <tuple>
#include <utility>

#include <shouwang/osm/place_index.h>

#include "osm/places/place_tables.h"
#include "osm/places/street_merger.h"
#include "osm/places/text_normalizer.h"
#include "osm/places/utf8.h"

namespace shouwang::osm {
namespace {

std::size_t code_point_count(std::string_view s) {
  std::size_t n = 0;
  for (const char c : s)
    n += (static_cast<unsigned char>(c) & 0xC0u) != 0x80u ? 1 : 0;
  return n;
}

bool ends_in_cjk(std::string_view s) {
  const std::u32string cps = places::decode_utf8_lenient(s);
  return !cps.empty() && places::is_cjk(cps.back());
}

// The other-language name of each street: 人民路 -> Renmin Road and back, from the street
// places themselves, so that "12 Renmin Road" finds an address tagged addr:street=人民路.
class StreetTranslations {
 public:
  explicit StreetTranslations(const std::vector<Place>& streets) {
    for (const Place& s : streets) {
      if (s.name_zh.empty() || s.name_en.empty() || s.name_zh == s.name_en)
        continue;
      to_en_.try_emplace(s.name_zh, s.name_en);
      to_zh_.try_emplace(s.name_en, s.name_zh);
    }
  }
  [[nodiscard]] std::string_view other(const std::string& street) const {
    if (const auto it = to_en_.find(street); it != to_en_.end())
      return it->second;
    if (const auto it = to_zh_.find(street); it != to_zh_.end())
      return it->second;
    return {};
  }

 private:
  std::map<std::string, std::string> to_en_;
  std::map<std::string, std::string> to_zh_;
};

// Appends normalised fields (and their keys) for one entity.
struct FieldBuilder {
  PlaceIndex::Tables& t;
  std::vector<places::GramKey>& keys;
  std::size_t first_field = 0;

  void add(FieldRole role, std::string_view raw) {
    if (raw.empty())
      return;
    const std::u32string decoded = places::decode_utf8_lenient(raw);
    const std::u32string norm = role == FieldRole::kHouseNumber
                                    ? places::normalize_house_number(decoded)
                                    : places::normalize_text(decoded);
    if (norm.empty())
      return;
    const std::string utf8 = places::encode_utf8(norm);
    for (std::size_t f = first_field; f < t.field_count(); ++f) {
      if (t.role(f) == role && t.field(f) == utf8)
        return;  // same name in both languages
    }
    t.text += utf8;
    t.field_text.push_back(static_cast<std::uint32_t>(t.text.size()));
    t.field_roles.push_back(static_cast<std::uint8_t>(role));
    if (role != FieldRole::kHouseNumber)
      places::add_name_keys(norm, keys);
  }
};

// Keys of one entity, deduplicated, as (key, entity) pairs.
void add_pairs(std::vector<places::GramKey>& keys, std::uint32_t entity,
               std::vector<std::pair<places::GramKey, std::uint32_t>>& pairs) {
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  for (const places::GramKey k : keys)
    pairs.emplace_back(k, entity);
}

}  // namespace

std::string_view place_kind_name(PlaceKind kind) {
  switch (kind) {
    case PlaceKind::kStreet:
      return "street";
    case PlaceKind::kAddress:
      return "address";
    case PlaceKind::kPoi:
      return "poi";
    case PlaceKind::kArea:
      return "area";
  }
  return "unknown";
}

std::string Place::label() const {
  if (!name_zh.empty())
    return name_zh;
  if (!name_en.empty())
    return name_en;
  if (street.empty())
    return housenumber;
  if (housenumber.empty())
    return street;
  if (ends_in_cjk(street)) {
    const bool has_sign = housenumber.ends_with("号") || housenumber.ends_with("號");
    return street + housenumber + (has_sign ? "" : "号");
  }
  return housenumber + " " + street;
}

std::pair<const std::uint32_t*, const std::uint32_t*> PlaceIndex::Tables::posting(
    places::GramKey key) const {
  const auto it = std::lower_bound(keys.begin(), keys.end(), key);
  if (it == keys.end() || *it != key)
    return {nullptr, nullptr};
  const auto k = static_cast<std::size_t>(it - keys.begin());
  return {postings.data() + key_postings[k], postings.data() + key_postings[k + 1]};
}

std::string_view PlaceIndex::Tables::house_number(std::uint32_t id) const {
  for (std::size_t f = entity_fields[id]; f < entity_fields[id + 1]; ++f) {
    if (role(f) == FieldRole::kHouseNumber)
      return field(f);
  }
  return {};
}

std::pair<const std::uint32_t*, const std::uint32_t*> PlaceIndex::Tables::members_with_number(
    std::uint32_t street, std::string_view prefix) const {
  const std::uint32_t* first = members.data() + street_members[street];
  const std::uint32_t* last = members.data() + street_members[street + 1];
  first = std::lower_bound(first, last, prefix, [this](std::uint32_t id, std::string_view p) {
    return house_number(id) < p;
  });
  const std::uint32_t* end = first;
  while (end != last && house_number(*end).starts_with(prefix))
    ++end;
  return {first, end};
}

PlaceIndex::PlaceIndex() : tables_(std::make_unique<const Tables>()) {}
PlaceIndex::PlaceIndex(std::unique_ptr<const Tables> tables) : tables_(std::move(tables)) {}
PlaceIndex::PlaceIndex(PlaceIndex&&) noexcept = default;
PlaceIndex& PlaceIndex::operator=(PlaceIndex&&) noexcept = default;
PlaceIndex::~PlaceIndex() = default;

PlaceIndex PlaceIndex::build(std::vector<Place> input) {
  // 1. One place per street.
  std::vector<Place> pieces;
  std::vector<Place> all;
  all.reserve(input.size());
  for (Place& p : input) {
    (p.kind == PlaceKind::kStreet ? pieces : all).push_back(std::move(p));
  }
  std::vector<Place> streets = places::merge_street_pieces(std::move(pieces));
  const StreetTranslations translations(streets);
  for (Place& s : streets)
    all.push_back(std::move(s));

  // 2. The fixed order: streets, POIs and areas before plain addresses; then by label.
  struct Order {
    bool plain_address;
    std::size_t label_length;
    std::string label;
    std::size_t index;
  };
  std::vector<Order> order;
  order.reserve(all.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    std::string label = all[i].label();
    const std::size_t length = code_point_count(label);
    order.push_back({all[i].kind == PlaceKind::kAddress, length, std::move(label), i});
  }
  std::sort(order.begin(), order.end(), [&all](const Order& a, const Order& b) {
    const Place& pa = all[a.index];
    const Place& pb = all[b.index];
    return std::tie(a.plain_address, a.label_length, a.label, pa.osm_type, pa.osm_id, pa.kind,
                    pa.position.lat, pa.position.lon, a.index) <
           std::tie(b.plain_address, b.label_length, b.label, pb.osm_type, pb.osm_id, pb.kind,
                    pb.position.lat, pb.position.lon, b.index);
  });

  // 3. Places: their names and house numbers.
  auto tables = std::make_unique<Tables>();
  Tables& t = *tables;
  assert(all.size() < std::numeric_limits<std::uint32_t>::max() / 2);
  t.places.reserve(all.size());
  t.first_plain_address = static_cast<std::uint32_t>(all.size());
  std::vector<std::pair<places::GramKey, std::uint32_t>> pairs;
  std::vector<places::GramKey> keys;
  std::map<std::string, std::vector<std::uint32_t>> address_streets;  // addr:street -> places
  for (const Order& o : order) {
    const auto id = static_cast<std::uint32_t>(t.places.size());
    if (o.plain_address && t.first_plain_address == all.size())
      t.first_plain_address = id;
    Place& p = t.places.emplace_back(std::move(all[o.index]));
    keys.clear();
    FieldBuilder fields{t, keys, t.field_count()};
    fields.add(FieldRole::kName, p.name_zh);
    fields.add(FieldRole::kName, p.name_en);
    fields.add(FieldRole::kHouseNumber, p.housenumber);
    t.entity_fields.push_back(static_cast<std::uint32_t>(t.field_count()));
    add_pairs(keys, id, pairs);
    if (!p.street.empty() && !t.house_number(id).empty())
      address_streets[p.street].push_back(id);
  }

  // 4. Address streets: the street names once, their houses by number.
  for (auto& [street, members] : address_streets) {
    const std::uint32_t entity = t.place_count() + t.street_count++;
    keys.clear();
    FieldBuilder fields{t, keys, t.field_count()};
    fields.add(FieldRole::kStreet, street);
    fields.add(FieldRole::kStreet, translations.other(street));
    t.entity_fields.push_back(static_cast<std::uint32_t>(t.field_count()));
    add_pairs(keys, entity, pairs);
    std::sort(members.begin(), members.end(), [&t](std::uint32_t a, std::uint32_t b) {
      return std::pair(t.house_number(a), a) < std::pair(t.house_number(b), b);
    });
    t.members.insert(t.members.end(), members.begin(), members.end());
    t.street_members.push_back(static_cast<std::uint32_t>(t.members.size()));
  }
  assert(t.text.size() < std::numeric_limits<std::uint32_t>::max());
  assert(pairs.size() < std::numeric_limits<std::uint32_t>::max());

  // 5. The inverted index: pairs in (key, entity) order become CSR posting lists.
  std::sort(pairs.begin(), pairs.end());
  t.postings.reserve(pairs.size());
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    if (i == 0 || pairs[i].first != pairs[i - 1].first) {
      if (i > 0)
        t.key_postings.push_back(static_cast<std::uint32_t>(i));
      t.keys.push_back(pairs[i].first);
    }
    t.postings.push_back(pairs[i].second);
  }
  if (!pairs.empty())
    t.key_postings.push_back(static_cast<std::uint32_t>(pairs.size()));
  return PlaceIndex(std::move(tables));
}

const std::vector<Place>& PlaceIndex::places() const {
  return tables_->places;
}

const Place& PlaceIndex::place(PlaceId id) const {
  assert(id.valid() && id.value() < tables_->places.size());
  return tables_->places[id.value()];
}

std::size_t PlaceIndex::size() const {
  return tables_->places.size();
}

PlaceIndex::Stats PlaceIndex::stats() const {
  Stats s;
  s.places = tables_->places.size();
  for (const Place& p : tables_->places) {
    switch (p.kind) {
      case PlaceKind::kStreet:
        ++s.streets;
        break;
      case PlaceKind::kAddress:
        ++s.addresses;
        break;
      case PlaceKind::kPoi:
        ++s.pois;
        break;
      case PlaceKind::kArea:
        ++s.areas;
        break;
    }
  }
  s.keys = tables_->keys.size();
  s.postings = tables_->postings.size();
  s.text_bytes = tables_->text.size();
  return s;
}

}  // namespace shouwang::osm
