#pragma once
// Searching incidents (GET /api/v1/incidents): filters from the query string, newest
// first, keyset pagination. Runs over the in-memory state, so it never touches the log.
//
// Parameters (all optional, combined with AND):
//   from, to      created in [from, to): ISO 8601 times, or dates YYYY-MM-DD taken as the
//                 centre's local midnight
//   type          type codes, comma-separated; a code matches its whole subtree ("02")
//   status        incident statuses, comma-separated ("accepted,dispatched"); `open` for
//                 every open status
//   station       a station or sub-bureau code: incidents whose station lies within it
//   bbox          south,west,north,east in degrees: the effective location inside
//   polygon       lat,lon;lat,lon;...: the effective location inside (3+ vertices)
//   q             text in the id, summary, notes, location texts or the type's zh / en names
//   limit         1..500 (50); cursor: the `next` of the previous page

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <shouwang/base/clock.h>
#include <shouwang/base/geo.h>
#include <shouwang/base/result.h>
#include <shouwang/cad/centre.h>
#include <shouwang/cad/state.h>
#include <shouwang/cad/taxonomy.h>
#include <shouwang/server/access_policy.h>

namespace shouwang::server::api {

struct IncidentQuery {
  std::optional<UtcTime> from;
  std::optional<UtcTime> to;
  std::vector<std::string> types;
  std::vector<cad::IncidentStatus> statuses;
  std::string station;
  std::optional<std::pair<LatLon, LatLon>> bbox;  // south-west, north-east
  std::vector<LatLon> polygon;
  std::string text;  // lower-cased
  std::size_t limit = 50;
  std::optional<std::pair<std::int64_t, std::string>> after;  // (created µs, id) of the last row seen
};

// kInvalidArgument naming the parameter.
Result<IncidentQuery> parse_incident_query(const std::map<std::string, std::string>& params, const cad::Centre& centre);

struct SearchPage {
  std::vector<const cad::Incident*> items;
  std::size_t total = 0;  // matching incidents the caller may see, over all pages
  std::string next;       // cursor of the next page; empty on the last
};

SearchPage search_incidents(const cad::State& state, const IncidentQuery& query, const cad::Taxonomy& taxonomy,
                            const AccessPolicy& policy, const Principal& principal);

}  // namespace shouwang::server::api
