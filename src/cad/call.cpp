#include <array>

#include <shouwang/cad/call.h>

#include "cad/enum_names.h"

namespace shouwang::cad {
namespace {

constexpr std::array<EnumName<CallChannel>, 6> kNames{{
    {CallChannel::kVoice, "voice"},
    {CallChannel::kSms, "sms"},
    {CallChannel::kVideo, "video"},
    {CallChannel::kApp, "app"},
    {CallChannel::kTransferIn, "transfer_in"},
    {CallChannel::kOfficer, "officer"},
}};

}  // namespace

std::string_view to_string(CallChannel channel) {
  return name_in<CallChannel>(kNames, channel);
}

std::optional<CallChannel> parse_call_channel(std::string_view name) {
  return value_in<CallChannel>(kNames, name);
}

}  // namespace shouwang::cad
