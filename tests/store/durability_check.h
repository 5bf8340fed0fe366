#pragma once
// The kill -9 experiment, for any back end: run the crash writer against `url`, kill it
// with SIGKILL after a random delay, check the log, repeat. Check failures are reported
// through gtest assertions.

#include <cstddef>
#include <cstdint>
#include <string>

#include <shouwang/base/random.h>

namespace shouwang::store::testing {

struct DurabilityReport {
  int kills = 0;
  std::size_t acknowledged = 0;    // appends the writer was told were durable, over all rounds
  std::uint64_t records = 0;       // in the log at the end
  std::size_t unacknowledged = 0;  // complete appends found in the log that were never acknowledged
};

DurabilityReport kill_and_check(const std::string& url, const std::string& writer_binary, int rounds, int writers,
                                Rng rng);

}  // namespace shouwang::store::testing
