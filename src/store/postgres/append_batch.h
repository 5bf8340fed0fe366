#pragma once
// Writing one group-commit batch to PostgreSQL, safely against other processes appending
// to the same database:
//
//   BEGIN
//   SELECT pg_advisory_xact_lock(<log lock>)   -- writers take turns, whichever process
//   SELECT seq, hash ... ORDER BY seq DESC 1   -- the head as committed, not as cached
//   COPY events FROM STDIN (FORMAT binary)     -- every record of the batch, chained on
//   COMMIT                                     -- durable (synchronous_commit on); the
//                                              -- lock is released only after it
//
// A writer commits before it lets go of the lock, so the next one always finds its records
// and a reader never sees a later record without the earlier ones.

#include <cstdint>
#include <span>

#include <shouwang/base/result.h>
#include <shouwang/store/hash_chain.h>

#include "store/group_commit.h"
#include "store/postgres/pg_connection.h"

namespace shouwang::store::postgres {

// The last record of the log: its sequence number and hash (0 and the genesis hash when
// the log is empty).
struct LogHead {
  std::uint64_t seq = 0;
  Sha256 hash = kGenesisHash;
};

// The last record's sequence number (0 for an empty log), read outside any transaction of
// the caller (at open). Its hash is not looked at: a damaged head is for verification to
// report, and a batch refuses to chain on it.
Result<std::uint64_t> read_last_seq(Connection& connection);

// Appends the batch in one transaction after the head found under the lock, assigning each
// request its sequence numbers, and returns the new head. On failure the transaction is
// rolled back (or was never committed) and nothing of the batch is in the log, except when
// the connection broke while COMMIT was under way: then the outcome is unknown and the
// error says so.
Result<LogHead> append_batch(Connection& connection, std::span<detail::AppendRequest* const> batch);

}  // namespace shouwang::store::postgres
