#include <shouwang/cad/record_id.h>

#include "cad/codec/record_codec.h"

namespace shouwang::cad {

nlohmann::json encode(const Call& call) {
  nlohmann::json out = {{"id", to_string(call.id)},
                        {"channel", to_string(call.channel)},
                        {"caller_number", call.caller_number},
                        {"caller_name", call.caller_name},
                        {"summary", call.summary},
                        {"started_at", call.started_at.to_iso8601()},
                        {"answered_at", call.answered_at.to_iso8601()},
                        {"recorded_at", call.recorded_at.to_iso8601()},
                        {"taken_by", call.taken_by},
                        {"duplicate", call.duplicate},
                        {"dismiss_reason", call.dismiss_reason}};
  put_id(out, "incident", call.incident);
  put_time(out, "attached_at", call.attached_at);
  put_time(out, "dismissed_at", call.dismissed_at);
  return out;
}

Call decode_call(const FieldReader& in) {
  Call call;
  call.id = in.call_id("id");
  call.channel = in.enumeration<CallChannel>("channel", parse_call_channel);
  call.caller_number = in.string("caller_number");
  call.caller_name = in.string("caller_name");
  call.summary = in.string("summary");
  call.started_at = in.time("started_at");
  call.answered_at = in.time("answered_at");
  call.recorded_at = in.time("recorded_at");
  call.taken_by = in.string("taken_by");
  call.duplicate = in.boolean("duplicate");
  call.dismiss_reason = in.string("dismiss_reason");
  call.incident = in.optional_incident_id("incident");
  call.attached_at = in.optional_time("attached_at");
  call.dismissed_at = in.optional_time("dismissed_at");
  return call;
}

}  // namespace shouwang::cad
