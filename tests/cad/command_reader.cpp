#include "cad/command_reader.h"

#include <functional>
#include <map>

#include "cad/json/field_reader.h"

namespace shouwang::cad::testing {
namespace {

using Reader = std::function<Command(const FieldReader&, UtcTime)>;

int integer_or(const FieldReader& in, const char* key, int fallback) {
  return in.has(key) ? static_cast<int>(in.integer(key)) : fallback;
}

OrderTarget read_target(const FieldReader& in) {
  return {in.enumeration<TargetKind>("kind", parse_target_kind), in.string_or_empty("id"),
          in.string_or_empty("name")};
}

std::map<std::string, std::string> read_fields(const FieldReader& in) {
  std::map<std::string, std::string> fields;
  const FieldReader object = in.object("fields");
  for (const auto& [name, value] : in.raw("fields").items())
    fields[name] = object.string(name);
  return fields;
}

UtcTime time_or_ago(const FieldReader& in, const char* absolute, const char* ago, double fallback,
                    UtcTime now) {
  if (in.has(absolute))
    return in.time(absolute);
  const double seconds = in.has(ago) ? in.number(ago) : fallback;
  return now.plus_micros(-static_cast<std::int64_t>(seconds * 1e6));
}

const std::map<std::string, Reader>& readers() {
  static const std::map<std::string, Reader> table = {
      {"receive_call",
       [](const FieldReader& in, UtcTime now) -> Command {
         ReceiveCall c;
         if (in.has("channel"))
           c.channel = in.enumeration<CallChannel>("channel", parse_call_channel);
         c.caller_number = in.string_or_empty("caller_number");
         c.caller_name = in.string_or_empty("caller_name");
         c.summary = in.string_or_empty("summary");
         c.started_at = time_or_ago(in, "started_at", "started_ago_s", 20, now);
         c.answered_at = time_or_ago(in, "answered_at", "answered_ago_s", 5, now);
         return c;
       }},
      {"dismiss_call",
       [](const FieldReader& in, UtcTime) -> Command {
         return DismissCall{in.call_id("call"), in.string_or_empty("reason")};
       }},
      {"create_incident",
       [](const FieldReader& in, UtcTime) -> Command {
         return CreateIncident{in.optional_call_id("call"), in.string_or_empty("summary"),
                               in.string_or_empty("type_code"), integer_or(in, "priority", 0)};
       }},
      {"merge_call",
       [](const FieldReader& in, UtcTime) -> Command {
         return MergeCall{in.call_id("call"), in.incident_id("incident")};
       }},
      {"accept_incident",
       [](const FieldReader& in, UtcTime) -> Command {
         return AcceptIncident{in.incident_id("incident")};
       }},
      {"merge_incident",
       [](const FieldReader& in, UtcTime) -> Command {
         return MergeIncident{in.incident_id("incident"), in.incident_id("into"),
                              in.string_or_empty("reason")};
       }},
      {"link_incidents",
       [](const FieldReader& in, UtcTime) -> Command {
         return LinkIncidents{in.incident_id("incident"), in.incident_id("other"),
                              in.string_or_empty("reason")};
       }},
      {"transfer_incident",
       [](const FieldReader& in, UtcTime) -> Command {
         return TransferIncident{in.incident_id("incident"), in.string_or_empty("to_agency"),
                                 in.string_or_empty("reason")};
       }},
      {"cancel_incident",
       [](const FieldReader& in, UtcTime) -> Command {
         return CancelIncident{in.incident_id("incident"), in.string_or_empty("reason")};
       }},
      {"close_scene",
       [](const FieldReader& in, UtcTime) -> Command {
         return CloseScene{in.incident_id("incident"), in.string_or_empty("disposition")};
       }},
      {"terminate_incident",
       [](const FieldReader& in, UtcTime) -> Command {
         return TerminateIncident{in.incident_id("incident")};
       }},
      {"archive_incident",
       [](const FieldReader& in, UtcTime) -> Command {
         return ArchiveIncident{in.incident_id("incident")};
       }},
      {"set_type",
       [](const FieldReader& in, UtcTime) -> Command {
         return SetType{in.incident_id("incident"), in.string_or_empty("type_code")};
       }},
      {"set_priority",
       [](const FieldReader& in, UtcTime) -> Command {
         return SetPriority{in.incident_id("incident"), integer_or(in, "priority", 0),
                            in.string_or_empty("reason")};
       }},
      {"set_disposition",
       [](const FieldReader& in, UtcTime) -> Command {
         return SetDisposition{in.incident_id("incident"), in.string_or_empty("code")};
       }},
      {"add_location_candidate",
       [](const FieldReader& in, UtcTime) -> Command {
         AddLocationCandidate c;
         c.incident = in.incident_id("incident");
         c.source = in.enumeration<LocationSource>("source", parse_location_source);
         c.text = in.string_or_empty("text");
         if (in.has("lat") || in.has("lon"))
           c.position = LatLon{in.number("lat"), in.number("lon")};
         if (in.has("uncertainty_m"))
           c.uncertainty = Meters(in.number("uncertainty_m"));
         c.observed_at = in.optional_time("observed_at");
         return c;
       }},
      {"confirm_location",
       [](const FieldReader& in, UtcTime) -> Command {
         return ConfirmLocation{in.incident_id("incident"),
                                static_cast<std::size_t>(in.integer("candidate"))};
       }},
      {"add_caution",
       [](const FieldReader& in, UtcTime) -> Command {
         return AddCaution{in.incident_id("incident"),
                           in.enumeration<CautionKind>("kind", parse_caution_kind),
                           integer_or(in, "count", 0), in.string_or_empty("detail")};
       }},
      {"add_note",
       [](const FieldReader& in, UtcTime) -> Command {
         return AddNote{in.incident_id("incident"), in.string_or_empty("text")};
       }},
      {"add_person",
       [](const FieldReader& in, UtcTime) -> Command {
         return AddPerson{in.incident_id("incident"),
                          in.enumeration<PersonRole>("role", parse_person_role), read_fields(in)};
       }},
      {"add_vehicle",
       [](const FieldReader& in, UtcTime) -> Command {
         return AddVehicle{in.incident_id("incident"),
                           in.enumeration<VehicleRole>("role", parse_vehicle_role),
                           read_fields(in)};
       }},
      {"verify_field",
       [](const FieldReader& in, UtcTime) -> Command {
         return VerifyField{in.incident_id("incident"),
                            in.enumeration<InvolvedKind>("kind", parse_involved_kind),
                            static_cast<std::size_t>(in.integer("index")), in.string("field")};
       }},
      {"issue_order",
       [](const FieldReader& in, UtcTime) -> Command {
         return IssueOrder{in.incident_id("incident"), read_target(in.object("target")),
                           in.string_or_empty("instructions"), in.optional_order_id("reissue_of")};
       }},
      {"split_order",
       [](const FieldReader& in, UtcTime) -> Command {
         SplitOrder c{in.order_id("order"), {}, in.string_or_empty("instructions")};
         const auto& targets = in.array("targets");
         for (std::size_t k = 0; k < targets.size(); ++k) {
           c.targets.push_back(read_target(FieldReader(targets[k], in.path_of("targets"))));
         }
         return c;
       }},
      {"acknowledge_order",
       [](const FieldReader& in, UtcTime) -> Command {
         return AcknowledgeOrder{in.order_id("order")};
       }},
      {"sign_for",
       [](const FieldReader& in, UtcTime) -> Command { return SignFor{in.order_id("order")}; }},
      {"en_route",
       [](const FieldReader& in, UtcTime) -> Command { return EnRoute{in.order_id("order")}; }},
      {"arrive",
       [](const FieldReader& in, UtcTime) -> Command { return Arrive{in.order_id("order")}; }},
      {"give_feedback",
       [](const FieldReader& in, UtcTime) -> Command {
         return GiveFeedback{in.order_id("order"), in.string_or_empty("text")};
       }},
      {"complete_order",
       [](const FieldReader& in, UtcTime) -> Command {
         return CompleteOrder{in.order_id("order")};
       }},
      {"cancel_order",
       [](const FieldReader& in, UtcTime) -> Command {
         return CancelOrder{in.order_id("order"), in.string_or_empty("reason")};
       }},
      {"return_order",
       [](const FieldReader& in, UtcTime) -> Command {
         return ReturnOrder{in.order_id("order"), in.string_or_empty("reason")};
       }},
  };
  return table;
}

}  // namespace

Command read_command(const std::string& name, const nlohmann::json& with, UtcTime now) {
  const auto it = readers().find(name);
  if (it == readers().end())
    throw JsonFormatError("unknown command '" + name + "'");
  const nlohmann::json empty = nlohmann::json::object();
  const Command command = it->second(FieldReader(with.is_null() ? empty : with, "with"), now);
  if (command_name(command) != name)
    throw JsonFormatError("reader mix-up for '" + name + "'");
  return command;
}

}  // namespace shouwang::cad::testing
