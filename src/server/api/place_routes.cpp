// Place search for the call-taker's address box: the city's streets, addresses, points of
// interest and areas by Chinese or English name, as the user types (osm/place_index.h).
//
//   GET /api/v1/places?q=TEXT[&limit=N][&near=LAT,LON][&kinds=street,address,poi,area]
//
// Items are best first, in the index's order; `kinds` keeps only those kinds from the best
// kMaxRanked matches. Empty text members of a place are left out of its item.

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include <shouwang/osm/place_index.h>

#include "server/api/api_support.h"
#include "server/api/record_routes.h"

namespace shouwang::server::api {
namespace {

using nlohmann::json;

constexpr std::size_t kDefaultLimit = 10;
constexpr std::size_t kMaxLimit = 50;
// With a `kinds` filter, at most this many matches are ranked to find `limit` of the kinds
// asked for.
constexpr std::size_t kMaxRanked = 1000;
constexpr std::size_t kKindCount = 4;

struct PlaceQuery {
  std::string text;
  std::size_t limit = kDefaultLimit;
  std::optional<LatLon> near;
  std::array<bool, kKindCount> kinds{true, true, true, true};  // by PlaceKind
  bool every_kind = true;
};

std::optional<double> to_double(std::string_view text) {
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size())
    return std::nullopt;
  return value;
}

Result<std::size_t> parse_limit(const std::string& value) {
  std::size_t limit = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), limit);
  if (value.empty() || ec != std::errc() || end != value.data() + value.size() || limit == 0 ||
      limit > kMaxLimit) {
    return Error(Errc::kInvalidArgument,
                 "limit must be a whole number from 1 to " + std::to_string(kMaxLimit) + ", not '" +
                     value + "'",
                 "limit");
  }
  return limit;
}

Result<LatLon> parse_near(const std::string& value) {
  const auto comma = value.find(',');
  if (comma != std::string::npos) {
    const auto lat = to_double(std::string_view(value).substr(0, comma));
    const auto lon = to_double(std::string_view(value).substr(comma + 1));
    if (lat && lon) {
      auto position = make_lat_lon(*lat, *lon);
      if (!position)
        return Error(Errc::kInvalidArgument, "near: " + position.error().message, "near");
      return *position;
    }
  }
  return Error(Errc::kInvalidArgument,
               "near must be LAT,LON (e.g. 31.2304,121.4737), not '" + value + "'", "near");
}

Status parse_kinds(const std::string& value, PlaceQuery& query) {
  query.kinds.fill(false);
  query.every_kind = false;
  std::size_t start = 0;
  bool any = false;
  while (start <= value.size()) {
    const std::size_t end = std::min(value.find(',', start), value.size());
    const std::string name = value.substr(start, end - start);
    bool known = false;
    for (std::size_t k = 0; k < kKindCount; ++k) {
      if (name == osm::place_kind_name(static_cast<osm::PlaceKind>(k))) {
        query.kinds[k] = known = any = true;
      }
    }
    if (!known) {
      return Error(
          Errc::kInvalidArgument,
          "kinds is a comma-separated list of street, address, poi and area, not '" + value + "'",
          "kinds");
    }
    start = end + 1;
  }
  if (!any)
    return Error(Errc::kInvalidArgument, "kinds names no kind", "kinds");
  query.every_kind =
      std::all_of(query.kinds.begin(), query.kinds.end(), [](bool on) { return on; });
  return {};
}

Result<PlaceQuery> parse_place_query(const std::map<std::string, std::string>& params) {
  PlaceQuery query;
  for (const auto& [name, value] : params) {
    if (name == "q") {
      query.text = value;
    } else if (name == "limit") {
      auto limit = parse_limit(value);
      if (!limit)
        return limit.error();
      query.limit = *limit;
    } else if (name == "near") {
      auto near = parse_near(value);
      if (!near)
        return near.error();
      query.near = *near;
    } else if (name == "kinds") {
      if (Status ok = parse_kinds(value, query); !ok)
        return ok.error();
    } else {
      return Error(Errc::kInvalidArgument,
                   "place search takes only q, limit, near and kinds, not " + name, name);
    }
  }
  return query;
}

std::string_view match_name(osm::MatchKind match) {
  switch (match) {
    case osm::MatchKind::kExact:
      return "exact";
    case osm::MatchKind::kPrefix:
      return "prefix";
    case osm::MatchKind::kWordPrefix:
      return "word_prefix";
    case osm::MatchKind::kSubstring:
      return "substring";
    case osm::MatchKind::kAllWords:
      return "all_words";
  }
  return "?";
}

// Degrees to 7 decimals, as OSM stores them.
double degrees(double value) {
  return std::round(value * 1e7) / 1e7;
}

json place_item(const osm::SearchHit& hit) {
  const osm::Place& place = *hit.place;
  json item = {{"kind", osm::place_kind_name(place.kind)}, {"label", place.label()}};
  const auto text = [&item](const char* key, const std::string& value) {
    if (!value.empty())
      item[key] = value;
  };
  text("name_zh", place.name_zh);
  text("name_en", place.name_en);
  text("street", place.street);
  text("housenumber", place.housenumber);
  text("category", place.category);
  item["lat"] = degrees(place.position.lat);
  item["lon"] = degrees(place.position.lon);
  const osm::BoundingBox& box = place.bbox;
  item["bbox"] = {degrees(box.south_west.lon), degrees(box.south_west.lat),
                  degrees(box.north_east.lon), degrees(box.north_east.lat)};
  item["match"] = match_name(hit.match);
  item["house_number_match"] = hit.house_number_match;
  if (hit.distance)
    item["distance_m"] = std::llround(hit.distance->value());
  std::string osm_ref(1, place.osm_type);
  osm_ref += std::to_string(place.osm_id);
  item["osm"] = std::move(osm_ref);
  return item;
}

// The best `query.limit` hits of the kinds asked for. The index ranks without regard to
// kind, so a filter ranks more matches until enough are of those kinds.
Result<std::vector<osm::SearchHit>> find_places(const osm::PlaceIndex& index,
                                                const PlaceQuery& query) {
  std::size_t ranked = query.every_kind ? query.limit : query.limit * 4;
  for (;;) {
    auto hits = index.search(query.text, ranked, query.near);
    if (!hits)
      return Error(hits.error().code, hits.error().message, "q");
    const bool exhausted = hits->size() < ranked || ranked >= kMaxRanked;
    std::vector<osm::SearchHit> kept;
    for (const osm::SearchHit& hit : *hits) {
      if (kept.size() == query.limit)
        break;
      if (query.kinds[static_cast<std::size_t>(hit.place->kind)])
        kept.push_back(hit);
    }
    if (kept.size() == query.limit || exhausted)
      return kept;
    ranked = std::min(ranked * 8, kMaxRanked);
  }
}

HttpResponse search_places(ApiServices& api, const HttpRequest& request) {
  auto query = parse_place_query(query_params(request.query));
  if (!query)
    return error_response(query.error());
  if (api.places == nullptr) {
    return error_response(
        Error(Errc::kUnavailable, "this server has no place index; run shouwang import-osm"));
  }
  auto hits = find_places(*api.places, *query);
  if (!hits)
    return error_response(hits.error());
  json items = json::array();
  for (const osm::SearchHit& hit : *hits)
    items.push_back(place_item(hit));
  return json_response(200, {{"items", std::move(items)}});
}

}  // namespace

void add_place_routes(Router& router, ApiServices& api) {
  router.add("GET", "/api/v1/places",
             authed(api, [&api](const HttpRequest& request, const Principal&) {
               return search_places(api, request);
             }));
}

}  // namespace shouwang::server::api
