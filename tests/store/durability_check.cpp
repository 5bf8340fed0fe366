#include "durability_check.h"

#include <gtest/gtest.h>

#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include <shouwang/store/event_log.h>

#include "child_process.h"

namespace shouwang::store::testing {
namespace {

struct Ack {
  std::uint64_t first = 0, last = 0;
  int parts = 0;
};
using AppendKey = std::pair<int, int>;  // (writer, n)

// Runs the writer, kills it after `delay`, and returns everything it printed.
std::string run_and_kill(const std::string& binary, const std::string& url, int writers, int first_id,
                         std::chrono::milliseconds delay) {
  namespace fs = std::filesystem;
  const fs::path printed_path = fs::temp_directory_path() /
                                ("shouwang-durability-acks-" + std::to_string(::getpid()) + "-" + std::to_string(first_id));
  fs::remove(printed_path);
  // Each acknowledgement is one write(2) to a file opened for appending: a line is complete
  // in the file before the writer starts its next append.
  shouwang::test::SpawnOptions options;
  options.output_path = printed_path.string();
  options.parent_death_signal = SIGKILL;
  auto pid = shouwang::test::spawn({binary, url, std::to_string(writers), std::to_string(first_id)}, options);
  if (!pid) {
    ADD_FAILURE() << "cannot start the writer: " << pid.error().message;
    return {};
  }
  std::this_thread::sleep_for(delay);
  ::kill(*pid, SIGKILL);
  const int status = shouwang::test::wait_for_exit(*pid);
  std::ifstream file(printed_path);
  std::string printed((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  fs::remove(printed_path);
  EXPECT_EQ(status, 128 + SIGKILL) << "the writer ended before it was killed: " << printed;
  return printed;
}

}  // namespace

DurabilityReport kill_and_check(const std::string& url, const std::string& writer_binary, int rounds, int writers,
                                Rng rng) {
  DurabilityReport report;
  std::map<AppendKey, Ack> acknowledged;
  for (int round = 0; round < rounds; ++round) {
    const auto delay = std::chrono::milliseconds(rng.uniform_int(20, 400));
    const std::string printed = run_and_kill(writer_binary, url, writers, round * 1000, delay);
    std::istringstream lines(printed);
    std::string word;
    int writer, n, parts;
    Ack ack;
    while (lines >> word >> writer >> n >> ack.first >> ack.last >> parts) {
      if (word != "ack") break;
      ack.parts = parts;
      acknowledged[{writer, n}] = ack;
    }
    ++report.kills;

    // The log must open with its chain verified, and hold what was acknowledged.
    auto log = open_event_log(url);
    if (!log) {
      ADD_FAILURE() << "round " << round << ": the log does not open after kill -9: " << log.error().message;
      return report;
    }
    auto events = (*log)->read(1, SIZE_MAX);
    if (!events) {
      ADD_FAILURE() << events.error().message;
      return report;
    }
    std::map<AppendKey, std::vector<std::pair<std::uint64_t, int>>> found;  // (seq, part) per append
    for (std::size_t i = 0; i < events->size(); ++i) {
      const Event& e = (*events)[i];
      EXPECT_EQ(e.seq, i + 1) << "gap in the log";
      const auto payload = nlohmann::json::parse(e.body.payload);
      found[{payload["writer"].get<int>(), payload["n"].get<int>()}].emplace_back(e.seq, payload["part"].get<int>());
      EXPECT_EQ(payload["of"].get<int>(), 1 + (payload["n"].get<int>() + payload["writer"].get<int>()) % 4);
    }
    // No append in part: every append found has all its parts, contiguous and in order.
    std::size_t unacknowledged = 0;
    for (const auto& [key, parts_found] : found) {
      const int expected_parts = 1 + (key.second + key.first) % 4;
      EXPECT_EQ(static_cast<int>(parts_found.size()), expected_parts)
          << "append (writer " << key.first << ", n " << key.second << ") is in the log in part";
      for (std::size_t p = 0; p < parts_found.size(); ++p) {
        EXPECT_EQ(parts_found[p].second, static_cast<int>(p));
        EXPECT_EQ(parts_found[p].first, parts_found[0].first + p);
      }
      if (!acknowledged.contains(key)) ++unacknowledged;
    }
    // Every acknowledged append is there, at the sequence numbers it was given.
    for (const auto& [key, a] : acknowledged) {
      const auto it = found.find(key);
      if (it == found.end()) {
        ADD_FAILURE() << "round " << round << ": acknowledged append (writer " << key.first << ", n " << key.second
                      << ", records " << a.first << "-" << a.last << ") is missing after kill -9";
        continue;
      }
      EXPECT_EQ(it->second.front().first, a.first);
      EXPECT_EQ(it->second.back().first, a.last);
    }
    report.acknowledged = acknowledged.size();
    report.records = events->size();
    report.unacknowledged = unacknowledged;
  }
  return report;
}

}  // namespace shouwang::store::testing
