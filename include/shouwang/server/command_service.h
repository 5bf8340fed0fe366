#pragma once
// The single writer between the API and the event log (design.md §3). Requests from any
// thread queue up; one writer thread takes them in batches, decides each against a
// speculative state that already holds the batch's earlier commands, appends the whole
// batch in one durable transaction (group commit), and only then applies the events to
// the state readers see, answers the callers and tells the stream. So a reader never sees
// a change the log could still lose, concurrent commands are serialised exactly as the log
// records them, and a burst of commands costs one fsync.
//
// If an append fails, the batch's callers get kUnavailable and the speculative state is
// reset to the durable one: nothing was acknowledged, nothing is half applied.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <thread>
#include <vector>

#include <shouwang/base/clock.h>
#include <shouwang/base/result.h>
#include <shouwang/cad/commands.h>
#include <shouwang/cad/decide.h>
#include <shouwang/cad/state.h>
#include <shouwang/server/accounts.h>
#include <shouwang/store/event_log.h>

namespace shouwang::server {

// What one request appended: the events with their sequence numbers.
struct Outcome {
  std::uint64_t first_seq = 0;
  std::uint64_t last_seq = 0;
  std::vector<store::Event> events;
};

// A batch made durable, as the stream sees it: every event of the batch in order.
struct Committed {
  std::uint64_t first_seq = 0;
  std::uint64_t last_seq = 0;
  std::vector<store::Event> events;
  std::chrono::steady_clock::time_point committed_at;
};

// Checked in the writer against the speculative state just before the command is
// decided, so that a scope or permission rule that depends on the state sees the state
// the command will really meet (an order reassigned a moment ago, say).
using Guard = std::function<Status(const cad::State&)>;

// Commands the server adds after a person's command, decided as the system in the same
// transaction: e.g. the responsible station that follows from a newly known location.
using FollowUp = std::function<std::vector<cad::Command>(const cad::State& after, const cad::Command& done)>;

// Account and audit records: drafts made against the account book at `now`.
using Recorder = std::function<Result<std::vector<store::EventDraft>>(const AccountBook& book, UtcTime now)>;

// Several domain acts that stand or fall together (an EIDO import): decided against the
// speculative state, which it leaves with its events applied when it succeeds and as it
// was when it fails; returns the events to record.
using Transaction = std::function<Result<std::vector<store::EventDraft>>(cad::State& speculative, UtcTime now)>;

struct CommandServiceOptions {
  std::size_t max_batch = 1024;  // requests per transaction
};

class CommandService {
 public:
  // `state` and `accounts` must be the projections of `log` up to `seq`. The log, clock,
  // decider's taxonomy and account book must outlive the service.
  CommandService(store::EventLog& log, const cad::Decider& decider, cad::State state, std::uint64_t seq,
                 AccountBook& accounts, const Clock& clock, CommandServiceOptions options = {});
  ~CommandService();
  CommandService(const CommandService&) = delete;
  CommandService& operator=(const CommandService&) = delete;

  // Called on the writer thread after each durable batch, in sequence order, before the
  // callers are answered. Set before the first request.
  void set_on_commit(std::function<void(const Committed&, const cad::State& durable)> listener);
  void set_follow_up(FollowUp follow_up);

  // Decides and records a domain command. The domain's refusals come back as they are;
  // kUnavailable when the log refused the append or the service is stopping.
  Result<Outcome> execute(const cad::Command& command, const store::Actor& actor, Guard guard = {});
  // Records account or audit events.
  Result<Outcome> record(Recorder recorder);
  // Runs a transaction of domain acts in one commit.
  Result<Outcome> transact(Transaction transaction);

  // Runs `read` under a shared lock on the durable state (and its sequence number).
  template <typename F>
  auto read(F&& read) const {
    std::shared_lock lock(durable_mutex_);
    return read(static_cast<const cad::State&>(durable_), seq_);
  }
  [[nodiscard]] std::uint64_t seq() const;
  [[nodiscard]] const cad::Decider& decider() const { return decider_; }
  [[nodiscard]] const Clock& clock() const { return clock_; }

  // Finishes every request already queued (their commits complete and are answered),
  // refuses new ones with kUnavailable, and stops the writer. Idempotent.
  void stop();

  struct Stats {
    std::uint64_t batches = 0;
    std::uint64_t requests = 0;
    std::uint64_t events = 0;
    std::uint64_t append_failures = 0;
  };
  [[nodiscard]] Stats stats() const;
  // Called with each append's duration in seconds (for /metrics).
  void set_on_append(std::function<void(double seconds, std::size_t events)> observer);

 private:
  struct Request {
    const cad::Command* command = nullptr;
    const store::Actor* actor = nullptr;
    Guard guard;
    Recorder recorder;
    Transaction transaction;
    std::promise<Result<Outcome>> done;
  };

  Result<Outcome> submit(Request request);
  void run();
  void process(std::vector<Request>& batch);
  Status decide_one(Request& request, std::vector<store::EventDraft>& out);

  store::EventLog& log_;
  const cad::Decider& decider_;
  AccountBook& accounts_;
  const Clock& clock_;
  CommandServiceOptions options_;

  cad::State speculative_;  // writer thread only
  mutable std::shared_mutex durable_mutex_;
  cad::State durable_;
  std::uint64_t seq_ = 0;

  std::function<void(const Committed&, const cad::State&)> on_commit_;
  std::function<void(double, std::size_t)> on_append_;
  FollowUp follow_up_;

  mutable std::mutex queue_mutex_;
  std::condition_variable queue_cv_;
  std::deque<Request> queue_;
  bool stopping_ = false;
  Stats stats_;
  std::thread writer_;
};

}  // namespace shouwang::server
