// PlaceIndex::search: candidates from the inverted index, checked field by field, ranked.
//
//   query ──parse──> phrase (whole query) ─────────────> name search ──┐
//              └───> street phrase + house number ─────> number search ─┼─> rank, best `limit`
//
// Name search: intersect the posting lists of the phrase's keys (shortest first, the
// others probed by galloping) and check each candidate. A place matches by its names; an
// address street matches by its names and stands for its plain addresses. Entity ids put
// streets, POIs and areas first, then plain addresses, then address streets, and plain
// addresses rank below all the others: once `limit` of those matched, the scan stops at
// the first plain address, so a one-character query such as 路 does not visit every house
// of the city.
//
// Number search: the address streets that match the street phrase, and in each the houses
// whose number starts with the query's number (a binary search in the street's houses,
// which are sorted by number).

#include <algorithm>
#include <tuple>

#include <shouwang/osm/place_index.h>

#include "osm/places/field_match.h"
#include "osm/places/place_tables.h"
#include "osm/places/search_query.h"

namespace shouwang::osm {
namespace {

using places::GramKey;
using places::Phrase;

struct Scored {
  std::uint32_t id = 0;
  std::uint8_t tier = 0;   // 2: exact street and number; 1: exact street, number prefix
  std::uint8_t group = 0;  // 0: streets, POIs, areas, number matches; 1: plain addresses
  MatchKind match = MatchKind::kAllWords;
  bool number = false;
  double distance = 0;  // metres to `near` (0 without it)
};

// True when `a` ranks before `b`.
bool better(const Scored& a, const Scored& b) {
  return std::make_tuple(-int{a.tier}, a.group, -static_cast<int>(a.match), a.distance, a.id) <
         std::make_tuple(-int{b.tier}, b.group, -static_cast<int>(b.match), b.distance, b.id);
}

using Span = std::pair<const std::uint32_t*, const std::uint32_t*>;

// Calls f(id) for every entity in all `lists` (each ascending) from `first_id` on, in
// ascending order, until f returns false.
template <typename F>
void intersect(std::vector<Span> lists, std::uint32_t first_id, F&& f) {
  std::sort(lists.begin(), lists.end(),
            [](const Span& a, const Span& b) { return a.second - a.first < b.second - b.first; });
  for (const std::uint32_t* it = std::lower_bound(lists[0].first, lists[0].second, first_id);
       it != lists[0].second; ++it) {
    const std::uint32_t id = *it;
    bool in_all = true;
    for (std::size_t l = 1; l < lists.size() && in_all; ++l) {
      Span& s = lists[l];
      // Galloping: step 1, 2, 4 ... past smaller ids, then binary search the last step.
      std::size_t step = 1;
      const std::uint32_t* lo = s.first;
      while (lo + step < s.second && lo[step] < id) {
        lo += step;
        step *= 2;
      }
      s.first = std::lower_bound(lo, std::min(lo + step + 1, s.second), id);
      if (s.first == s.second)
        return;  // this list is used up: no later id can match
      in_all = *s.first == id;
    }
    if (in_all && !f(id))
      return;
  }
}

// The posting lists of `keys`; empty when some key has no entity.
std::vector<Span> lists_for(const PlaceIndex::Tables& t, const std::vector<GramKey>& keys) {
  std::vector<Span> lists;
  for (const GramKey k : keys) {
    const Span s = t.posting(k);
    if (s.first == s.second)
      return {};
    lists.push_back(s);
  }
  return lists;
}

// The best match of the phrase among the entity's name or street fields.
std::optional<MatchKind> best_match(const PlaceIndex::Tables& t, std::uint32_t entity,
                                    const Phrase& phrase) {
  std::optional<MatchKind> best;
  for (std::size_t f = t.entity_fields[entity]; f < t.entity_fields[entity + 1]; ++f) {
    if (t.role(f) == FieldRole::kHouseNumber)
      continue;
    const auto m = places::match_field(t.field(f), phrase);
    if (m && (!best || *m > *best))
      best = m;
  }
  return best;
}

void number_search(const PlaceIndex::Tables& t, const places::ParsedQuery& q,
                   std::vector<Scored>& hits) {
  const std::vector<Span> lists = lists_for(t, q.street->keys);
  if (lists.empty())
    return;
  intersect(lists, t.place_count(), [&](std::uint32_t entity) {
    const auto street = best_match(t, entity, *q.street);
    if (!street)
      return true;
    const auto [first, last] = t.members_with_number(entity - t.place_count(), q.house_number);
    for (const std::uint32_t* m = first; m != last; ++m) {
      const bool exact_number = t.house_number(*m) == q.house_number;
      if (*street == MatchKind::kExact) {
        hits.push_back(
            {*m, static_cast<std::uint8_t>(exact_number ? 2 : 1), 0, *street, exact_number, 0});
      } else if (exact_number) {
        hits.push_back({*m, 0, 0, *street, true, 0});  // that number, on a street like it
      }
    }
    return true;
  });
}

void name_search(const PlaceIndex::Tables& t, const Phrase& phrase, std::size_t limit,
                 std::vector<Scored>& hits) {
  const std::vector<Span> lists = lists_for(t, phrase.keys);
  if (lists.empty())
    return;
  std::size_t found_before_addresses = 0;
  intersect(lists, 0, [&](std::uint32_t entity) {
    const bool plain_address = entity >= t.first_plain_address;
    if (plain_address && found_before_addresses >= limit)
      return false;
    const auto m = best_match(t, entity, phrase);
    if (!m)
      return true;
    if (entity < t.place_count()) {
      hits.push_back({entity, 0, static_cast<std::uint8_t>(plain_address ? 1 : 0), *m, false, 0});
      if (!plain_address)
        ++found_before_addresses;
      return true;
    }
    const std::uint32_t street = entity - t.place_count();
    for (std::uint32_t i = t.street_members[street]; i < t.street_members[street + 1]; ++i) {
      const std::uint32_t id = t.members[i];
      if (t.places[id].kind == PlaceKind::kAddress)
        hits.push_back({id, 0, 1, *m, false, 0});
    }
    return true;
  });
}

}  // namespace

Result<std::vector<SearchHit>> PlaceIndex::search(std::string_view query, std::size_t limit,
                                                  std::optional<LatLon> near) const {
  auto parsed = places::parse_query(query);
  if (!parsed)
    return parsed.error();
  std::vector<SearchHit> out;
  const Tables& t = *tables_;
  if (limit == 0 || parsed->phrase.empty() || t.places.empty())
    return out;

  std::vector<Scored> hits;
  if (parsed->street)
    number_search(t, *parsed, hits);
  name_search(t, parsed->phrase, limit, hits);
  if (near) {
    for (Scored& s : hits)
      s.distance = haversine_distance(*near, t.places[s.id].position).value();
  }
  // A place found more than once keeps its best rank.
  std::sort(hits.begin(), hits.end(), [](const Scored& a, const Scored& b) {
    return a.id != b.id ? a.id < b.id : better(a, b);
  });
  hits.erase(std::unique(hits.begin(), hits.end(),
                         [](const Scored& a, const Scored& b) { return a.id == b.id; }),
             hits.end());
  const std::size_t n = std::min(limit, hits.size());
  std::partial_sort(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(n), hits.end(),
                    better);
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    const Scored& s = hits[i];
    SearchHit hit;
    hit.id = PlaceId(s.id);
    hit.place = &t.places[s.id];
    hit.match = s.match;
    hit.house_number_match = s.number;
    if (near)
      hit.distance = Meters(s.distance);
    out.push_back(hit);
  }
  return out;
}

}  // namespace shouwang::osm
