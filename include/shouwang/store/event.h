#pragma once
// One record of the event log: what happened, when, who did it, to which entities. The log
// gives each record a gapless sequence number and chains it to the one before by SHA-256,
// so any change to a stored record, or a record taken out, is detectable
// (docs/formats/event-log.md gives the exact bytes hashed).

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <shouwang/base/clock.h>

namespace shouwang::store {

using Sha256 = std::array<std::uint8_t, 32>;

// Who issued the command that produced an event.
struct Actor {
  std::string user;         // login name, or "system" for timers and the simulator
  std::string role;         // call_taker, dispatcher, commander, station_officer, analyst, admin, unit_terminal, system
  std::string workstation;  // console or terminal id, may be empty
  friend bool operator==(const Actor&, const Actor&) = default;
};

// What a command asks the log to append; the log assigns the sequence number and hashes.
struct EventDraft {
  UtcTime time;                       // when it happened (from the injected clock)
  Actor actor;
  std::string type;                   // dotted name, e.g. "incident.created"
  std::vector<std::string> entities;  // ids of the entities it concerns, most specific last
  std::string payload;                // a JSON object, as text
  friend bool operator==(const EventDraft&, const EventDraft&) = default;
};

struct Event {
  std::uint64_t seq = 0;  // 1, 2, 3, ... without gaps
  EventDraft body;
  Sha256 hash{};          // chain_hash(previous record's hash, this record); see hash_chain.h
  friend bool operator==(const Event&, const Event&) = default;
};

// A record as the back end holds it while it is being read: views into the back end's own
// buffers, valid only during the call that passes it. Replaying a log through views
// copies nothing that the consumer does not keep.
struct EventView {
  std::uint64_t seq = 0;
  UtcTime time;
  std::string_view actor_user;
  std::string_view actor_role;
  std::string_view actor_workstation;
  std::string_view type;
  std::span<const std::string_view> entities;
  std::string_view payload;
  Sha256 hash{};

  [[nodiscard]] Event to_event() const;
};

}  // namespace shouwang::store
