#pragma once
// The tamper-evident chain over the event log: each record's hash is SHA-256 over the
// previous record's hash followed by a canonical encoding of the record (sequence number,
// time, actor, type, entities, payload; little-endian integers, length-prefixed strings).
// The first record chains to 32 zero bytes. Back ends store the hash with the record;
// verification recomputes it.

#include <cstdint>
#include <optional>
#include <string>

#include <shouwang/store/event.h>

namespace shouwang::store {

inline constexpr Sha256 kGenesisHash{};

// SHA-256 of the previous hash and the canonical bytes of (seq, body).
Sha256 chain_hash(const Sha256& previous, std::uint64_t seq, const EventDraft& body);
// The same for a record being read (its own hash field is not part of the input).
Sha256 chain_hash(const Sha256& previous, const EventView& record);

// Lower-case hex, 64 characters.
std::string to_hex(const Sha256& hash);

// Checks records one at a time, in order. Feed every record from seq 1 up; the first
// problem found (a gap, a hash that does not match) is kept and reported.
class ChainVerifier {
 public:
  // False once a problem has been found (later records are not checked).
  bool add(const Event& event);
  bool add(const EventView& record);
  [[nodiscard]] bool ok() const { return !problem_; }
  [[nodiscard]] std::uint64_t records() const { return records_; }
  [[nodiscard]] const Sha256& last_hash() const { return last_; }
  [[nodiscard]] std::uint64_t last_seq() const { return last_seq_; }
  // The sequence number of the first broken record and what is wrong with it.
  [[nodiscard]] const std::optional<std::pair<std::uint64_t, std::string>>& problem() const { return problem_; }

 private:
  std::uint64_t records_ = 0;
  std::uint64_t last_seq_ = 0;
  Sha256 last_ = kGenesisHash;
  std::optional<std::pair<std::uint64_t, std::string>> problem_;
};

}  // namespace shouwang::store
