#include "server/api/incident_search.h"

#include <algorithm>
#include <charconv>

#include <shouwang/cad/location.h>
#include <shouwang/cad/record_id.h>

namespace shouwang::server::api {

using cad::to_string;
using server::to_string;

namespace {

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find(separator, start), text.size());
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::optional<double> to_double(const std::string& text) {
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return c < 0x80 ? static_cast<char>(std::tolower(c)) : static_cast<char>(c); });
  return text;
}

Result<UtcTime> parse_time(const std::string& text, const cad::Centre& centre, const std::string& field) {
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    auto midnight = UtcTime::parse_iso8601(text + "T00:00:00Z");
    if (midnight) return midnight->plus_micros(-static_cast<std::int64_t>(centre.utc_offset_minutes) * 60'000'000);
  }
  auto time = UtcTime::parse_iso8601(text);
  if (!time) return Error(Errc::kInvalidArgument, field + " must be an ISO 8601 time or a date YYYY-MM-DD", field);
  return *time;
}

bool inside(const std::vector<LatLon>& polygon, LatLon p) {
  bool in = false;
  for (std::size_t i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
    const LatLon& a = polygon[i];
    const LatLon& b = polygon[j];
    if ((a.lat > p.lat) != (b.lat > p.lat) && p.lon < (b.lon - a.lon) * (p.lat - a.lat) / (b.lat - a.lat) + a.lon) {
      in = !in;
    }
  }
  return in;
}

bool text_matches(const cad::Incident& i, const std::string& needle, const cad::Taxonomy& taxonomy) {
  const auto has = [&](const std::string& hay) { return lower(hay).find(needle) != std::string::npos; };
  if (has(to_string(i.id)) || has(i.summary)) return true;
  for (const auto& note : i.notes) {
    if (has(note.text)) return true;
  }
  for (const auto& c : i.location.candidates) {
    if (has(c.text)) return true;
  }
  if (const cad::IncidentType* type = taxonomy.types.find(i.type_code)) {
    if (has(type->name_zh) || has(type->name_en)) return true;
  }
  return false;
}

}  // namespace

Result<IncidentQuery> parse_incident_query(const std::map<std::string, std::string>& params, const cad::Centre& centre) {
  static const std::vector<std::string> kKnown = {"from", "to", "day", "type", "status", "station",
                                                  "bbox", "polygon", "q", "limit", "cursor"};
  IncidentQuery q;
  for (const auto& [name, value] : params) {
    if (std::find(kKnown.begin(), kKnown.end(), name) == kKnown.end()) {
      return Error(Errc::kInvalidArgument, "unknown search parameter " + name, name);
    }
  }
  const auto get = [&](const char* name) -> const std::string* {
    const auto it = params.find(name);
    return it == params.end() ? nullptr : &it->second;
  };
  if (const auto* v = get("from")) {
    auto t = parse_time(*v, centre, "from");
    if (!t) return t.error();
    q.from = *t;
  }
  if (const auto* v = get("to")) {
    auto t = parse_time(*v, centre, "to");
    if (!t) return t.error();
    q.to = *t;
  }
  if (const auto* v = get("day")) {
    // One local calendar day: from its midnight to the next (days are 24 h at a fixed offset).
    if (get("from") != nullptr || get("to") != nullptr) {
      return Error(Errc::kInvalidArgument, "give either day or from / to, not both", "day");
    }
    if (v->size() != 10) return Error(Errc::kInvalidArgument, "day must be a date YYYY-MM-DD", "day");
    auto midnight = parse_time(*v, centre, "day");
    if (!midnight) return midnight.error();
    q.from = *midnight;
    q.to = midnight->plus_micros(24LL * 3600 * 1'000'000);
  }
  if (const auto* v = get("type")) q.types = split(*v, ',');
  if (const auto* v = get("status")) {
    for (const auto& name : split(*v, ',')) {
      if (name == "open") {
        for (int s = 0; s <= static_cast<int>(cad::IncidentStatus::kCancelled); ++s) {
          const auto status = static_cast<cad::IncidentStatus>(s);
          if (cad::is_open(status)) q.statuses.push_back(status);
        }
        continue;
      }
      const auto status = cad::parse_incident_status(name);
      if (!status) return Error(Errc::kInvalidArgument, "'" + name + "' is not an incident status", "status");
      q.statuses.push_back(*status);
    }
  }
  if (const auto* v = get("station")) q.station = *v;
  if (const auto* v = get("bbox")) {
    const auto parts = split(*v, ',');
    std::vector<double> n;
    for (const auto& part : parts) {
      if (auto d = to_double(part)) n.push_back(*d);
    }
    if (parts.size() != 4 || n.size() != 4 || n[0] > n[2] || n[1] > n[3]) {
      return Error(Errc::kInvalidArgument, "bbox is south,west,north,east in degrees", "bbox");
    }
    q.bbox = {{n[0], n[1]}, {n[2], n[3]}};
  }
  if (const auto* v = get("polygon")) {
    for (const auto& vertex : split(*v, ';')) {
      const auto parts = split(vertex, ',');
      const auto lat = parts.size() == 2 ? to_double(parts[0]) : std::nullopt;
      const auto lon = parts.size() == 2 ? to_double(parts[1]) : std::nullopt;
      if (!lat || !lon) return Error(Errc::kInvalidArgument, "polygon is lat,lon;lat,lon;... in degrees", "polygon");
      q.polygon.push_back({*lat, *lon});
    }
    if (q.polygon.size() < 3) return Error(Errc::kInvalidArgument, "a polygon needs at least 3 vertices", "polygon");
  }
  if (const auto* v = get("q")) q.text = lower(*v);
  if (const auto* v = get("limit")) {
    const auto n = to_double(*v);
    if (!n || *n < 1 || *n > 500 || *n != static_cast<double>(static_cast<std::size_t>(*n))) {
      return Error(Errc::kInvalidArgument, "limit is a whole number from 1 to 500", "limit");
    }
    q.limit = static_cast<std::size_t>(*n);
  }
  if (const auto* v = get("cursor")) {
    const auto colon = v->find(':');
    std::int64_t micros = 0;
    const char* end = v->data() + (colon == std::string::npos ? 0 : colon);
    if (colon == std::string::npos || std::from_chars(v->data(), end, micros).ptr != end) {
      return Error(Errc::kInvalidArgument, "cursor is not one this server gave out", "cursor");
    }
    q.after = std::pair{micros, v->substr(colon + 1)};
  }
  return q;
}

SearchPage search_incidents(const cad::State& state, const IncidentQuery& query, const cad::Taxonomy& taxonomy,
                            const AccessPolicy& policy, const Principal& principal) {
  std::vector<const cad::Incident*> hits;
  for (const auto& [id, incident] : state.incidents) {
    const UtcTime created = incident.times.created;
    if (query.from && created < *query.from) continue;
    if (query.to && !(created < *query.to)) continue;
    if (!query.types.empty() && std::none_of(query.types.begin(), query.types.end(), [&](const std::string& t) {
          return incident.type_code.rfind(t, 0) == 0;
        })) {
      continue;
    }
    if (!query.statuses.empty() &&
        std::find(query.statuses.begin(), query.statuses.end(), incident.status) == query.statuses.end()) {
      continue;
    }
    if (!query.station.empty() &&
        (incident.station.empty() || !policy.org().is_within(incident.station, query.station))) {
      continue;
    }
    if (query.bbox || !query.polygon.empty()) {
      const cad::LocationCandidate* where = cad::effective_location(incident.location);
      if (where == nullptr || !where->position) continue;
      const LatLon p = *where->position;
      if (query.bbox && (p.lat < query.bbox->first.lat || p.lat > query.bbox->second.lat ||
                         p.lon < query.bbox->first.lon || p.lon > query.bbox->second.lon)) {
        continue;
      }
      if (!query.polygon.empty() && !inside(query.polygon, p)) continue;
    }
    if (!query.text.empty() && !text_matches(incident, query.text, taxonomy)) continue;
    if (!policy.may_see(principal, incident, state)) continue;
    hits.push_back(&incident);
  }
  const auto key = [](const cad::Incident* i) { return std::pair{i->times.created.micros(), to_string(i->id)}; };
  std::sort(hits.begin(), hits.end(), [&](const cad::Incident* a, const cad::Incident* b) { return key(a) > key(b); });
  SearchPage page;
  page.total = hits.size();
  auto it = hits.begin();
  if (query.after) {
    it = std::find_if(hits.begin(), hits.end(), [&](const cad::Incident* i) { return key(i) < *query.after; });
  }
  for (; it != hits.end() && page.items.size() < query.limit; ++it) page.items.push_back(*it);
  if (it != hits.end() && !page.items.empty()) {
    const auto last = key(page.items.back());
    page.next = std::to_string(last.first) + ":" + last.second;
  }
  return page;
}

}  // namespace shouwang::server::api
