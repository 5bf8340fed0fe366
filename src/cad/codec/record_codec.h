#pragma once
// JSON encoding of the state's records for snapshots (state_codec.h). decode_* throw
// JsonFormatError naming the field; parse_state() turns that into kCorrupt.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include <shouwang/base/result.h>
#include <shouwang/cad/call.h>
#include <shouwang/cad/incident.h>
#include <shouwang/cad/key_site.h>
#include <shouwang/cad/order.h>
#include <shouwang/cad/record_id.h>
#include <shouwang/cad/unit.h>
#include <shouwang/cad/warning.h>

#include "cad/json/field_reader.h"

namespace shouwang::cad {

nlohmann::json encode(const Call& call);
nlohmann::json encode(const Incident& incident);
nlohmann::json encode(const Order& order);
nlohmann::json encode(const Unit& unit);
nlohmann::json encode(const UnitProfile& profile);
nlohmann::json encode(const Warning& warning);

Call decode_call(const FieldReader& in);
Incident decode_incident(const FieldReader& in);
Order decode_order(const FieldReader& in);
Unit decode_unit(const FieldReader& in);
UnitProfile decode_profile(const FieldReader& in);
Warning decode_warning(const FieldReader& in);

// Quick-response circles (site_codec.cpp). The profiles are also the bodies of the
// commands that register them, the move-up also the open_coverage_gap command's.
nlohmann::json encode(const SiteProfile& profile);
nlohmann::json encode(const PostProfile& profile);
nlohmann::json encode(const MoveUp& move_up);
nlohmann::json encode(const KeySite& site);
nlohmann::json encode(const Post& post);
SiteProfile decode_site_profile(const FieldReader& in);
PostProfile decode_post_profile(const FieldReader& in);
MoveUp decode_move_up(const FieldReader& in);
KeySite decode_site(const FieldReader& in);
Post decode_post(const FieldReader& in);

// A warning's subject and evidence, the same in its record, its event and the command
// that raises it.
nlohmann::json encode(const WarningSubject& subject);
nlohmann::json encode(const std::vector<WarningEvidence>& evidence);
WarningSubject decode_warning_subject(const FieldReader& in);
std::vector<WarningEvidence> decode_warning_evidence(const FieldReader& in, std::string_view key);

// Lifecycle histories, shared by incidents, orders and units.
template <typename Status>
nlohmann::json encode_history(const std::vector<StatusChange<Status>>& history) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& change : history) {
    out.push_back({{"from", to_string(change.from)},
                   {"to", to_string(change.to)},
                   {"at", change.at.to_iso8601()},
                   {"by", change.by},
                   {"reason", change.reason}});
  }
  return out;
}

template <typename Status>
std::vector<StatusChange<Status>> decode_history(const FieldReader& in, std::string_view key,
                                                 std::optional<Status> (*parse)(std::string_view)) {
  std::vector<StatusChange<Status>> history;
  const auto& items = in.array(key);
  for (std::size_t k = 0; k < items.size(); ++k) {
    const FieldReader item(items[k], in.path_of(key) + "[" + std::to_string(k) + "]");
    history.push_back({item.enumeration<Status>("from", parse),
                       item.enumeration<Status>("to", parse), item.time("at"), item.string("by"),
                       item.string("reason")});
  }
  return history;
}

// Missed deadlines of an order or incident: written only when there are some.
void put_missed(nlohmann::json& out, const std::vector<MissedDeadline>& missed);
std::vector<MissedDeadline> read_missed(const FieldReader& in);

// Arrays of ids in text form.
template <typename Id>
nlohmann::json encode_ids(const std::vector<Id>& ids) {
  nlohmann::json out = nlohmann::json::array();
  for (const Id id : ids)
    out.push_back(to_string(id));
  return out;
}

template <typename Id>
std::vector<Id> decode_ids(const FieldReader& in, std::string_view key,
                           Result<Id> (*parse)(std::string_view, std::string_view)) {
  std::vector<Id> ids;
  for (const auto& item : in.array(key)) {
    if (!item.is_string())
      in.fail(key, "must hold ids");
    auto id = parse(item.get<std::string>(), key);
    if (!id.ok())
      in.fail(key, id.error().message);
    ids.push_back(*id);
  }
  return ids;
}

}  // namespace shouwang::cad
