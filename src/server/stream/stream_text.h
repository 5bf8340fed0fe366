#pragma once
// The JSON texts of the stream protocol (see stream_subscription.h), built by hand where
// they are per message and hot (change heads, heartbeats) and with nlohmann-json where
// they carry free text.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <shouwang/base/clock.h>

namespace shouwang::server::detail {

// `{"type":"change","n":N,"seq":S,` — or without the comma when `tail` closes an empty
// object; the rendered tail follows it.
std::string change_head(std::uint64_t n, std::uint64_t seq, std::string_view tail);
// The same head for a message of another type (an ephemeral one such as "positions").
std::string message_head(std::string_view type, std::uint64_t n, std::uint64_t seq, std::string_view tail);
std::string heartbeat_text(std::uint64_t n, std::uint64_t seq, UtcTime t);
std::string resync_text(std::string_view reason, std::uint64_t seq);
std::string dropped_text(std::string_view reason);
// The text after the opening brace of a rendered JSON object; nullopt when `rendered`
// is not an object ("{" … "}" around optional white space).
std::optional<std::string> object_tail(std::string_view rendered);
// True for a client message {"type":"ping"}.
bool is_client_ping(std::string_view text);

}  // namespace shouwang::server::detail
