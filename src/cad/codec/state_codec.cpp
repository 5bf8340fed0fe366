#include <nlohmann/json.hpp>

#include <shouwang/cad/record_id.h>
#include <shouwang/cad/state_codec.h>

#include "cad/codec/record_codec.h"

namespace shouwang::cad {
namespace {

constexpr std::string_view kFormatName = "shouwang.cad.state";

std::string key_text(const std::string& id) {
  return id;
}
template <typename Id>
std::string key_text(Id id) {
  return to_string(id);
}

template <typename Map>
nlohmann::json encode_map(const Map& records) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [id, record] : records)
    out[key_text(id)] = encode(record);
  return out;
}

// Each record is stored under its own id's text; a key that disagrees is corrupt.
template <typename Map, typename Decode>
void decode_map(const FieldReader& in, std::string_view key, Map& records, Decode decode) {
  const FieldReader map = in.object(key);
  for (const auto& [text, value] : in.raw(key).items()) {
    auto record = decode(FieldReader(value, map.path_of(text)));
    if (key_text(record.id) != text)
      map.fail(text, "holds the record of " + key_text(record.id));
    const auto id = record.id;
    records.emplace(id, std::move(record));
  }
}

}  // namespace

std::string serialize_state(const State& state) {
  const nlohmann::json out = {{"format", kFormatName},
                              {"version", kStateFormatVersion},
                              {"events_applied", state.events_applied},
                              {"calls", encode_map(state.calls)},
                              {"incidents", encode_map(state.incidents)},
                              {"orders", encode_map(state.orders)},
                              {"units", encode_map(state.units)},
                              {"warnings", encode_map(state.warnings)},
                              {"sites", encode_map(state.sites)},
                              {"posts", encode_map(state.posts)}};
  return out.dump();
}

Result<State> parse_state(std::string_view text) {
  try {
    const auto document = nlohmann::json::parse(text);
    const FieldReader in(document, "");
    if (in.string("format") != kFormatName)
      in.fail("format", "is not " + std::string(kFormatName));
    const std::int64_t version = in.integer("version");
    if (version < kOldestStateFormatVersion || version > kStateFormatVersion) {
      in.fail("version", "this build reads versions " + std::to_string(kOldestStateFormatVersion) + " to " +
                             std::to_string(kStateFormatVersion));
    }
    State state;
    const auto applied = in.integer("events_applied");
    if (applied < 0)
      in.fail("events_applied", "must be >= 0");
    state.events_applied = static_cast<std::uint64_t>(applied);
    decode_map(in, "calls", state.calls, decode_call);
    decode_map(in, "incidents", state.incidents, decode_incident);
    decode_map(in, "orders", state.orders, decode_order);
    if (version >= 2)
      decode_map(in, "units", state.units, decode_unit);
    if (version >= 3)
      decode_map(in, "warnings", state.warnings, decode_warning);
    if (version >= 4) {
      decode_map(in, "sites", state.sites, decode_site);
      decode_map(in, "posts", state.posts, decode_post);
    }
    return state;
  } catch (const JsonFormatError& e) {
    return Error(Errc::kCorrupt, std::string("state snapshot: ") + e.what(), "state");
  } catch (const nlohmann::json::exception& e) {
    return Error(Errc::kCorrupt, std::string("state snapshot is not valid JSON: ") + e.what(),
                 "state");
  }
}

}  // namespace shouwang::cad
