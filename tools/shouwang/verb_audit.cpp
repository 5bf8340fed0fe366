// shouwang audit verify --db URL: walks the event log's hash chain from the first record
// and names the first broken one. Exit 0 when the chain holds, 1 when it does not (or the
// log cannot be read), 2 for bad usage.

#include <cstdio>
#include <iostream>

#include <shouwang/store/event_log.h>
#include <shouwang/store/hash_chain.h>

#include "cli_args.h"
#include "verbs.h"

namespace shouwang::cli {
namespace {

const std::vector<FlagSpec> kFlags = {
    {"db", true, "event log: sqlite:FILE or postgresql://USER@HOST:PORT/DATABASE"},
    {"help", false, "show this help"},
};

constexpr const char* kUsage = "usage: shouwang audit verify --db sqlite:FILE|postgresql://...\n";

int usage_error(const std::string& message) {
  std::cerr << "shouwang audit: " << message << "\n" << kUsage;
  return kExitUsage;
}

}  // namespace

int run_audit(const std::vector<std::string>& argv) {
  const auto args = Args::parse(argv, kFlags, 1);
  if (!args) return usage_error(args.error().message);
  if (args->has("help")) {
    std::cout << kUsage << usage_lines(kFlags);
    return kExitOk;
  }
  if (args->positional().empty() || args->positional().front() != "verify") return usage_error("the only audit is 'verify'");
  const auto db = args->get("db");
  if (!db) return usage_error("--db is required");

  // Opened without the start-up check: reporting a broken chain is this command's job.
  auto log = store::open_event_log(*db, {.verify_on_open = false, .create_if_missing = false});
  if (!log) {
    std::cerr << "shouwang audit: " << log.error().message << "\n";
    return kExitFailure;
  }
  auto report = (*log)->verify();
  if (!report) {
    std::cerr << "shouwang audit: " << report.error().message << "\n";
    return kExitFailure;
  }
  if (!report->ok()) {
    std::printf("BROKEN at record %llu: %s\n%llu records verified before it (1-%llu)\n",
                static_cast<unsigned long long>(*report->first_broken), report->problem.c_str(),
                static_cast<unsigned long long>(report->records), static_cast<unsigned long long>(report->last_seq));
    return kExitFailure;
  }
  auto last = (*log)->read(report->last_seq, 1);
  const std::string head = last && !last->empty() ? store::to_hex(last->front().hash) : store::to_hex(store::kGenesisHash);
  std::printf("ok: %llu records, chain intact; head record %llu, hash %s\n",
              static_cast<unsigned long long>(report->records), static_cast<unsigned long long>(report->last_seq),
              head.c_str());
  return kExitOk;
}

}  // namespace shouwang::cli
