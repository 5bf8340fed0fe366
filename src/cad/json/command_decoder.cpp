#include <shouwang/cad/command_json.h>

#include <algorithm>
#include <functional>
#include <limits>

#include <nlohmann/json.hpp>

#include <shouwang/cad/record_id.h>

#include "cad/codec/record_codec.h"
#include "cad/json/field_reader.h"

namespace shouwang::cad {
namespace {

using Reader = std::function<Command(const FieldReader&, UtcTime)>;

struct Entry {
  std::string_view name;
  std::vector<std::string_view> fields;
  Reader read;
};

int small_integer(const FieldReader& in, std::string_view key, int fallback) {
  if (!in.has(key))
    return fallback;
  const std::int64_t value = in.integer(key);
  if (value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max())
    in.fail(key, "is out of range");
  return static_cast<int>(value);
}

std::size_t index(const FieldReader& in, std::string_view key) {
  const std::int64_t value = in.integer(key);
  if (value < 0)
    in.fail(key, "must not be negative");
  return static_cast<std::size_t>(value);
}

OrderTarget read_target(const FieldReader& in) {
  return {in.enumeration<TargetKind>("kind", parse_target_kind), in.string("id"), in.string_or_empty("name")};
}

void only_members(const nlohmann::json& object, const std::vector<std::string_view>& allowed,
                  const std::string& path) {
  for (const auto& item : object.items()) {
    if (std::find(allowed.begin(), allowed.end(), item.key()) == allowed.end()) {
      const std::string field = path.empty() ? item.key() : path + "." + item.key();
      throw JsonFormatError("field " + field + ": is not a member of this command", field);
    }
  }
}

OrderTarget read_target_object(const FieldReader& parent, std::string_view key) {
  const FieldReader target = parent.object(key);
  only_members(parent.raw(key), {"kind", "id", "name"}, parent.path_of(key));
  return read_target(target);
}

std::vector<std::string> strings_or_empty(const FieldReader& in, std::string_view key) {
  return in.has(key) ? in.strings(key) : std::vector<std::string>{};
}

UnitProfile read_profile_object(const FieldReader& parent, std::string_view key) {
  const FieldReader in = parent.object(key);
  only_members(parent.raw(key), {"name", "type", "station", "capabilities", "equipment", "home_post", "devices"},
               parent.path_of(key));
  UnitProfile profile;
  profile.name = in.string_or_empty("name");
  if (in.has("type"))
    profile.type = in.enumeration<UnitType>("type", parse_unit_type);
  profile.station = in.string("station");
  profile.capabilities = strings_or_empty(in, "capabilities");
  profile.equipment = strings_or_empty(in, "equipment");
  profile.devices = strings_or_empty(in, "devices");
  if (in.has("home_post")) {
    const FieldReader post = in.object("home_post");
    only_members(in.raw("home_post"), {"lat", "lon"}, in.path_of("home_post"));
    profile.home_post = LatLon{post.number("lat"), post.number("lon")};
  }
  return profile;
}

SiteProfile read_site_profile_object(const FieldReader& parent) {
  only_members(parent.raw("profile"), {"name", "type", "tier_s", "station", "lat", "lon", "hours"},
               parent.path_of("profile"));
  return decode_site_profile(parent.object("profile"));
}

PostProfile read_post_profile_object(const FieldReader& parent) {
  only_members(parent.raw("profile"), {"name", "kind", "station", "lat", "lon"}, parent.path_of("profile"));
  return decode_post_profile(parent.object("profile"));
}

std::map<std::string, std::string> read_fields(const FieldReader& in) {
  std::map<std::string, std::string> fields;
  const FieldReader object = in.object("fields");
  for (const auto& item : in.raw("fields").items())
    fields[item.key()] = object.string(item.key());
  return fields;
}

const std::vector<Entry>& entries() {
  static const std::vector<Entry> table = {
      {"receive_call",
       {"channel", "caller_number", "caller_name", "summary", "started_at", "answered_at"},
       [](const FieldReader& in, UtcTime now) -> Command {
         ReceiveCall c;
         if (in.has("channel"))
           c.channel = in.enumeration<CallChannel>("channel", parse_call_channel);
         c.caller_number = in.string_or_empty("caller_number");
         c.caller_name = in.string_or_empty("caller_name");
         c.summary = in.string_or_empty("summary");
         c.answered_at = in.optional_time("answered_at").value_or(now);
         c.started_at = in.optional_time("started_at").value_or(c.answered_at);
         return c;
       }},
      {"dismiss_call", {"call", "reason"},
       [](const FieldReader& in, UtcTime) -> Command {
         return DismissCall{in.call_id("call"), in.string_or_empty("reason")};
       }},
      {"create_incident", {"call", "summary", "type_code", "priority"},
       [](const FieldReader& in, UtcTime) -> Command {
         return CreateIncident{in.optional_call_id("call"), in.string_or_empty("summary"),
                               in.string_or_empty("type_code"), small_integer(in, "priority", 0)};
       }},
      {"merge_call", {"call", "incident"},
       [](const FieldReader& in, UtcTime) -> Command {
         return MergeCall{in.call_id("call"), in.incident_id("incident")};
       }},
      {"accept_incident", {"incident"},
       [](const FieldReader& in, UtcTime) -> Command { return AcceptIncident{in.incident_id("incident")}; }},
      {"merge_incident", {"incident", "into", "reason"},
       [](const FieldReader& in, UtcTime) -> Command {
         return MergeIncident{in.incident_id("incident"), in.incident_id("into"), in.string_or_empty("reason")};
       }},
      {"link_incidents", {"incident", "other", "reason"},
       [](const FieldReader& in, UtcTime) -> Command {
         return LinkIncidents{in.incident_id("incident"), in.incident_id("other"), in.string_or_empty("reason")};
       }},
      {"transfer_incident", {"incident", "to_agency", "reason"},
       [](const FieldReader& in, UtcTime) -> Command {
         return TransferIncident{in.incident_id("incident"), in.string_or_empty("to_agency"),
                                 in.string_or_empty("reason")};
       }},
      {"cancel_incident", {"incident", "reason"},
       [](const FieldReader& in, UtcTime) -> Command {
         return CancelIncident{in.incident_id("incident"), in.string_or_empty("reason")};
       }},
      {"close_scene", {"incident", "disposition"},
       [](const FieldReader& in, UtcTime) -> Command {
         return CloseScene{in.incident_id("incident"), in.string_or_empty("disposition")};
       }},
      {"terminate_incident", {"incident"},
       [](const FieldReader& in, UtcTime) -> Command { return TerminateIncident{in.incident_id("incident")}; }},
      {"archive_incident", {"incident"},
       [](const FieldReader& in, UtcTime) -> Command { return ArchiveIncident{in.incident_id("incident")}; }},
      {"set_type", {"incident", "type_code"},
       [](const FieldReader& in, UtcTime) -> Command {
         return SetType{in.incident_id("incident"), in.string("type_code")};
       }},
      {"set_priority", {"incident", "priority", "reason"},
       [](const FieldReader& in, UtcTime) -> Command {
         return SetPriority{in.incident_id("incident"), small_integer(in, "priority", 0), in.string_or_empty("reason")};
       }},
      {"assign_station", {"incident", "station", "source", "reason"},
       [](const FieldReader& in, UtcTime) -> Command {
         AssignStation c{in.incident_id("incident"), in.string("station"), "dispatcher", in.string_or_empty("reason")};
         if (in.has("source"))
           c.source = in.string("source");
         return c;
       }},
      {"set_disposition", {"incident", "code"},
       [](const FieldReader& in, UtcTime) -> Command {
         return SetDisposition{in.incident_id("incident"), in.string("code")};
       }},
      {"add_location_candidate", {"incident", "source", "text", "lat", "lon", "uncertainty_m", "observed_at"},
       [](const FieldReader& in, UtcTime) -> Command {
         AddLocationCandidate c;
         c.incident = in.incident_id("incident");
         c.source = in.enumeration<LocationSource>("source", parse_location_source);
         c.text = in.string_or_empty("text");
         // Only the shape here: decide() judges the coordinates, like every other value.
         if (in.has("lat") || in.has("lon"))
           c.position = LatLon{in.number("lat"), in.number("lon")};
         if (in.has("uncertainty_m"))
           c.uncertainty = Meters(in.number("uncertainty_m"));
         c.observed_at = in.optional_time("observed_at");
         return c;
       }},
      {"confirm_location", {"incident", "candidate"},
       [](const FieldReader& in, UtcTime) -> Command {
         return ConfirmLocation{in.incident_id("incident"), index(in, "candidate")};
       }},
      {"add_caution", {"incident", "kind", "count", "detail"},
       [](const FieldReader& in, UtcTime) -> Command {
         return AddCaution{in.incident_id("incident"), in.enumeration<CautionKind>("kind", parse_caution_kind),
                           small_integer(in, "count", 0), in.string_or_empty("detail")};
       }},
      {"add_note", {"incident", "text"},
       [](const FieldReader& in, UtcTime) -> Command {
         return AddNote{in.incident_id("incident"), in.string_or_empty("text")};
       }},
      {"add_person", {"incident", "role", "fields"},
       [](const FieldReader& in, UtcTime) -> Command {
         return AddPerson{in.incident_id("incident"), in.enumeration<PersonRole>("role", parse_person_role),
                          read_fields(in)};
       }},
      {"add_vehicle", {"incident", "role", "fields"},
       [](const FieldReader& in, UtcTime) -> Command {
         return AddVehicle{in.incident_id("incident"), in.enumeration<VehicleRole>("role", parse_vehicle_role),
                           read_fields(in)};
       }},
      {"verify_field", {"incident", "kind", "index", "field"},
       [](const FieldReader& in, UtcTime) -> Command {
         return VerifyField{in.incident_id("incident"), in.enumeration<InvolvedKind>("kind", parse_involved_kind),
                            index(in, "index"), in.string("field")};
       }},
      {"issue_order", {"incident", "target", "instructions", "reissue_of", "bypassed", "bypass_reason"},
       [](const FieldReader& in, UtcTime) -> Command {
         IssueOrder c{in.incident_id("incident"), read_target_object(in, "target"),
                      in.string_or_empty("instructions"), in.optional_order_id("reissue_of"), {}, {}};
         if (in.has("bypassed"))
           c.bypassed = in.strings("bypassed");
         c.bypass_reason = in.string_or_empty("bypass_reason");
         return c;
       }},
      {"split_order", {"order", "targets", "instructions"},
       [](const FieldReader& in, UtcTime) -> Command {
         SplitOrder c{in.order_id("order"), {}, in.string_or_empty("instructions")};
         const auto& targets = in.array("targets");
         for (std::size_t k = 0; k < targets.size(); ++k) {
           const std::string path = in.path_of("targets") + "[" + std::to_string(k) + "]";
           const FieldReader target(targets[k], path);
           only_members(targets[k], {"kind", "id", "name"}, path);
           c.targets.push_back(read_target(target));
         }
         return c;
       }},
      {"acknowledge_order", {"order"},
       [](const FieldReader& in, UtcTime) -> Command { return AcknowledgeOrder{in.order_id("order")}; }},
      {"sign_for", {"order"}, [](const FieldReader& in, UtcTime) -> Command { return SignFor{in.order_id("order")}; }},
      {"en_route", {"order"}, [](const FieldReader& in, UtcTime) -> Command { return EnRoute{in.order_id("order")}; }},
      {"arrive", {"order", "source"},
       [](const FieldReader& in, UtcTime) -> Command {
         Arrive c{in.order_id("order")};
         if (in.has("source"))
           c.source = in.string("source");
         return c;
       }},
      {"give_feedback", {"order", "text"},
       [](const FieldReader& in, UtcTime) -> Command {
         return GiveFeedback{in.order_id("order"), in.string_or_empty("text")};
       }},
      {"complete_order", {"order"},
       [](const FieldReader& in, UtcTime) -> Command { return CompleteOrder{in.order_id("order")}; }},
      {"cancel_order", {"order", "reason"},
       [](const FieldReader& in, UtcTime) -> Command {
         return CancelOrder{in.order_id("order"), in.string_or_empty("reason")};
       }},
      {"return_order", {"order", "reason"},
       [](const FieldReader& in, UtcTime) -> Command {
         return ReturnOrder{in.order_id("order"), in.string_or_empty("reason")};
       }},
      {"register_unit", {"unit", "profile"},
       [](const FieldReader& in, UtcTime) -> Command {
         return RegisterUnit{in.string("unit"), read_profile_object(in, "profile")};
       }},
      {"update_unit", {"unit", "profile"},
       [](const FieldReader& in, UtcTime) -> Command {
         return UpdateUnit{in.string("unit"), read_profile_object(in, "profile")};
       }},
      {"retire_unit", {"unit", "reason"},
       [](const FieldReader& in, UtcTime) -> Command {
         return RetireUnit{in.string("unit"), in.string_or_empty("reason")};
       }},
      {"start_shift", {"unit", "crew", "vehicle", "equipment", "patrol_area"},
       [](const FieldReader& in, UtcTime) -> Command {
         return StartShift{in.string("unit"), in.strings("crew"), in.string_or_empty("vehicle"),
                           strings_or_empty(in, "equipment"), in.string_or_empty("patrol_area")};
       }},
      {"end_shift", {"unit"},
       [](const FieldReader& in, UtcTime) -> Command { return EndShift{in.string("unit")}; }},
      {"set_unit_status", {"unit", "status", "reason", "expected_return"},
       [](const FieldReader& in, UtcTime) -> Command {
         return SetUnitStatus{in.string("unit"), in.enumeration<UnitStatus>("status", parse_unit_status),
                              in.string_or_empty("reason"), in.optional_time("expected_return")};
       }},
      {"raise_emergency", {"unit", "note", "lat", "lon"},
       [](const FieldReader& in, UtcTime) -> Command {
         return RaiseEmergency{in.string("unit"), in.string_or_empty("note"), in.optional_lat_lon("lat", "lon")};
       }},
      {"clear_emergency", {"unit", "reason"},
       [](const FieldReader& in, UtcTime) -> Command {
         return ClearEmergency{in.string("unit"), in.string_or_empty("reason")};
       }},
      {"record_missed_deadline", {"kind", "incident", "order", "due", "offered_unit"},
       [](const FieldReader& in, UtcTime) -> Command {
         return RecordMissedDeadline{in.enumeration<DeadlineKind>("kind", parse_deadline_kind),
                                     in.incident_id("incident"), in.optional_order_id("order"), in.time("due"),
                                     in.string_or_empty("offered_unit")};
       }},
      {"raise_warning", {"subject", "evidence"},
       [](const FieldReader& in, UtcTime) -> Command {
         const FieldReader subject = in.object("subject");
         only_members(in.raw("subject"), {"day", "level", "area", "kind", "code"}, "subject");
         return RaiseWarning{decode_warning_subject(subject), decode_warning_evidence(in, "evidence")};
       }},
      {"acknowledge_warning", {"warning", "response"},
       [](const FieldReader& in, UtcTime) -> Command {
         auto id = parse_warning_id(in.string("warning"), "warning");
         if (!id.ok())
           in.fail("warning", id.error().message);
         return AcknowledgeWarning{*id, in.string("response")};
       }},
      {"register_site", {"site", "profile"},
       [](const FieldReader& in, UtcTime) -> Command {
         return RegisterSite{in.string("site"), read_site_profile_object(in)};
       }},
      {"update_site", {"site", "profile"},
       [](const FieldReader& in, UtcTime) -> Command {
         return UpdateSite{in.string("site"), read_site_profile_object(in)};
       }},
      {"retire_site", {"site", "reason"},
       [](const FieldReader& in, UtcTime) -> Command {
         return RetireSite{in.string("site"), in.string_or_empty("reason")};
       }},
      {"register_post", {"post", "profile"},
       [](const FieldReader& in, UtcTime) -> Command {
         return RegisterPost{in.string("post"), read_post_profile_object(in)};
       }},
      {"update_post", {"post", "profile"},
       [](const FieldReader& in, UtcTime) -> Command {
         return UpdatePost{in.string("post"), read_post_profile_object(in)};
       }},
      {"retire_post", {"post", "reason"},
       [](const FieldReader& in, UtcTime) -> Command {
         return RetirePost{in.string("post"), in.string_or_empty("reason")};
       }},
      {"open_coverage_gap", {"site", "left_by", "move_up"},
       [](const FieldReader& in, UtcTime) -> Command {
         OpenCoverageGap c{in.string("site"), in.string_or_empty("left_by"), std::nullopt};
         if (in.has("move_up")) {
           only_members(in.raw("move_up"), {"unit", "post", "travel_s", "restores"}, "move_up");
           c.move_up = decode_move_up(in.object("move_up"));
         }
         return c;
       }},
      {"close_coverage_gap", {"site", "covered_by"},
       [](const FieldReader& in, UtcTime) -> Command {
         return CloseCoverageGap{in.string("site"), in.string_or_empty("covered_by")};
       }},
  };
  return table;
}

const Entry* find_entry(std::string_view name) {
  for (const auto& entry : entries()) {
    if (entry.name == name)
      return &entry;
  }
  return nullptr;
}

}  // namespace

Result<Command> decode_command_json(std::string_view name, const nlohmann::json& object, UtcTime now) {
  const Entry* entry = find_entry(name);
  if (entry == nullptr)
    return Error(Errc::kNotFound, "there is no command '" + std::string(name) + "'", "command");
  if (!object.is_object())
    return Error(Errc::kInvalidArgument, "the body of '" + std::string(name) + "' must be a JSON object");
  try {
    only_members(object, entry->fields, "");
    return entry->read(FieldReader(object, ""), now);
  } catch (const JsonFormatError& e) {
    return Error(Errc::kInvalidArgument, e.what(), e.field());
  } catch (const nlohmann::json::exception& e) {
    return Error(Errc::kInvalidArgument, std::string("malformed JSON value: ") + e.what());
  }
}

Result<Command> decode_command(std::string_view name, std::string_view json_text, UtcTime now) {
  nlohmann::json parsed = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded())
    return Error(Errc::kInvalidArgument, "the body is not valid JSON");
  return decode_command_json(name, parsed, now);
}

const std::vector<std::string_view>& command_names() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> out;
    for (const auto& entry : entries())
      out.push_back(entry.name);
    return out;
  }();
  return names;
}

bool server_only(std::string_view name) {
  return name == RecordMissedDeadline::kName || name == RaiseWarning::kName || name == OpenCoverageGap::kName ||
         name == CloseCoverageGap::kName;
}

const std::vector<std::string_view>& command_fields(std::string_view name) {
  static const std::vector<std::string_view> none;
  const Entry* entry = find_entry(name);
  return entry == nullptr ? none : entry->fields;
}

}  // namespace shouwang::cad
