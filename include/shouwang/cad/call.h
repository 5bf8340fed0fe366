#pragma once
// A call (来电/报警) taken by the centre. A call becomes a new incident, joins an existing
// incident as a duplicate, or is dismissed (misdial, silence, nuisance); it is never
// deleted.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <shouwang/base/clock.h>
#include <shouwang/base/ids.h>

namespace shouwang::cad {

enum class CallChannel : std::uint8_t {
  kVoice,       // 110 voice call
  kSms,         // 12110 text message
  kVideo,       // video call
  kApp,         // online report
  kTransferIn,  // handed over by another agency or centre
  kOfficer,     // 民警自行发现: an officer on patrol reported what they found (on-view);
                // statistics leave these out of response times
};

std::string_view to_string(CallChannel channel);
std::optional<CallChannel> parse_call_channel(std::string_view name);

struct Call {
  CallId id;
  CallChannel channel = CallChannel::kVoice;
  std::string caller_number;
  std::string caller_name;
  std::string summary;   // the call taker's first words about it
  UtcTime started_at;    // the call reached the centre (ringing)
  UtcTime answered_at;   // a call taker picked it up
  UtcTime recorded_at;   // the call was entered
  std::string taken_by;  // the call taker

  IncidentId incident;     // invalid until attached
  bool duplicate = false;  // attached to an incident that already existed
  std::optional<UtcTime> attached_at;

  std::optional<UtcTime> dismissed_at;  // set when dismissed instead of attached
  std::string dismiss_reason;
  friend bool operator==(const Call&, const Call&) = default;
};

}  // namespace shouwang::cad
