#include <shouwang/server/command_service.h>

#include <shouwang/cad/apply.h>
#include <shouwang/cad/event_types.h>

namespace shouwang::server {
namespace {

const store::Actor kSystem{"system", "system", ""};

Error unavailable(const std::string& why) { return Error(Errc::kUnavailable, why); }

}  // namespace

CommandService::CommandService(store::EventLog& log, const cad::Decider& decider, cad::State state, std::uint64_t seq,
                               AccountBook& accounts, const Clock& clock, CommandServiceOptions options)
    : log_(log),
      decider_(decider),
      accounts_(accounts),
      clock_(clock),
      options_(options),
      speculative_(state),
      durable_(std::move(state)),
      seq_(seq) {
  writer_ = std::thread([this] { run(); });
}

CommandService::~CommandService() { stop(); }

void CommandService::set_on_commit(std::function<void(const Committed&, const cad::State&)> listener) {
  on_commit_ = std::move(listener);
}
void CommandService::set_follow_up(FollowUp follow_up) { follow_up_ = std::move(follow_up); }
void CommandService::set_on_append(std::function<void(double, std::size_t)> observer) {
  on_append_ = std::move(observer);
}

std::uint64_t CommandService::seq() const {
  std::shared_lock lock(durable_mutex_);
  return seq_;
}

CommandService::Stats CommandService::stats() const {
  std::lock_guard lock(queue_mutex_);
  return stats_;
}

Result<Outcome> CommandService::execute(const cad::Command& command, const store::Actor& actor, Guard guard) {
  Request request;
  request.command = &command;
  request.actor = &actor;
  request.guard = std::move(guard);
  return submit(std::move(request));
}

Result<Outcome> CommandService::record(Recorder recorder) {
  Request request;
  request.recorder = std::move(recorder);
  return submit(std::move(request));
}

Result<Outcome> CommandService::transact(Transaction transaction) {
  Request request;
  request.transaction = std::move(transaction);
  return submit(std::move(request));
}

Result<Outcome> CommandService::submit(Request request) {
  auto answer = request.done.get_future();
  {
    std::lock_guard lock(queue_mutex_);
    if (stopping_) return unavailable("the server is shutting down; the command was not recorded");
    queue_.push_back(std::move(request));
  }
  queue_cv_.notify_one();
  return answer.get();
}

void CommandService::stop() {
  {
    std::lock_guard lock(queue_mutex_);
    if (stopping_ && !writer_.joinable()) return;
    stopping_ = true;
  }
  queue_cv_.notify_all();
  if (writer_.joinable()) writer_.join();
}

void CommandService::run() {
  std::vector<Request> batch;
  for (;;) {
    {
      std::unique_lock lock(queue_mutex_);
      queue_cv_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and everything queued is done
      while (!queue_.empty() && batch.size() < options_.max_batch) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    process(batch);
    batch.clear();
  }
}

Status CommandService::decide_one(Request& request, std::vector<store::EventDraft>& out) {
  const UtcTime now = clock_.now();
  if (request.recorder) {
    auto drafts = request.recorder(accounts_, now);
    if (!drafts) return drafts.error();
    // Account events take effect at once, so the next request of the batch sees them
    // (a second user of the same name is refused). Seeing them a moment before they are
    // durable only ever makes the book stricter or names a session nobody holds yet.
    for (const auto& d : *drafts) {
      if (Status ok = accounts_.apply(0, d.time, d.type, d.payload); !ok) return ok;
    }
    out.insert(out.end(), drafts->begin(), drafts->end());
    return {};
  }
  if (request.transaction) {
    auto drafts = request.transaction(speculative_, now);
    if (!drafts) return drafts.error();
    out.insert(out.end(), drafts->begin(), drafts->end());
    return {};
  }
  if (request.guard) {
    if (Status ok = request.guard(speculative_); !ok) return ok;
  }
  auto events = decider_.decide(speculative_, *request.command, *request.actor, now);
  if (!events) return events.error();
  if (Status ok = cad::apply_all(speculative_, *events); !ok) {
    return Error(Errc::kInternal, "the domain's own events do not apply: " + ok.error().message);
  }
  out.insert(out.end(), events->begin(), events->end());
  if (follow_up_) {
    for (const auto& next : follow_up_(speculative_, *request.command)) {
      auto more = decider_.decide(speculative_, next, kSystem, now);
      if (!more) continue;  // a follow-up is a convenience; its refusal leaves the command as it was
      if (Status ok = cad::apply_all(speculative_, *more); !ok) {
        return Error(Errc::kInternal, "the domain's own events do not apply: " + ok.error().message);
      }
      out.insert(out.end(), more->begin(), more->end());
    }
  }
  return {};
}

void CommandService::process(std::vector<Request>& batch) {
  std::vector<store::EventDraft> drafts;
  std::vector<Result<std::pair<std::size_t, std::size_t>>> spans;  // [begin, end) into drafts
  spans.reserve(batch.size());
  for (auto& request : batch) {
    const std::size_t begin = drafts.size();
    Status decided = decide_one(request, drafts);
    if (!decided) {
      drafts.resize(begin);
      spans.emplace_back(decided.error());
      // A command refused after part of it was applied to the speculative state cannot
      // be undone there; only kInternal gets here, and the state is rebuilt below.
      if (decided.error().code == Errc::kInternal) speculative_ = durable_;
    } else {
      spans.emplace_back(std::pair{begin, drafts.size()});
    }
  }

  std::uint64_t first = 0;
  Status appended;
  const std::size_t event_count = drafts.size();
  if (!drafts.empty()) {
    const auto start = std::chrono::steady_clock::now();
    auto result = log_.append(drafts);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (on_append_) on_append_(seconds, drafts.size());
    if (result) {
      first = result->first;
    } else {
      appended = result.error();
    }
  }

  if (!appended) {
    // Nothing of the batch is durable: undo the speculation, answer everyone.
    speculative_ = durable_;
    accounts_.clear();
    (void)log_.scan(1, [&](const store::EventView& e) {
      (void)accounts_.apply(e);
      return true;
    });
    for (auto& request : batch) {
      request.done.set_value(unavailable("the event log did not record the command: " + appended.error().message));
    }
    std::lock_guard lock(queue_mutex_);
    ++stats_.append_failures;
    return;
  }

  Committed committed;
  committed.first_seq = first;
  committed.last_seq = first + event_count - 1;
  committed.events.reserve(event_count);
  for (std::size_t k = 0; k < event_count; ++k) {
    committed.events.push_back(store::Event{first + k, std::move(drafts[k]), {}});
  }
  if (event_count > 0) {
    std::unique_lock lock(durable_mutex_);
    for (const auto& event : committed.events) {
      if (cad::event_type::is_domain_event(event.body.type)) {
        // Decided and applied once already; a failure here would be a bug in apply().
        (void)cad::apply(durable_, event);
      }
    }
    seq_ = committed.last_seq;
    committed.committed_at = std::chrono::steady_clock::now();
    if (on_commit_) on_commit_(committed, durable_);
  }

  for (std::size_t k = 0; k < batch.size(); ++k) {
    if (!spans[k]) {
      batch[k].done.set_value(spans[k].error());
      continue;
    }
    const auto [begin, end] = *spans[k];
    Outcome outcome;
    outcome.first_seq = first + begin;
    outcome.last_seq = first + end - 1;
    outcome.events.assign(committed.events.begin() + static_cast<std::ptrdiff_t>(begin),
                          committed.events.begin() + static_cast<std::ptrdiff_t>(end));
    batch[k].done.set_value(std::move(outcome));
  }
  std::lock_guard lock(queue_mutex_);
  ++stats_.batches;
  stats_.requests += batch.size();
  stats_.events += event_count;
}

}  // namespace shouwang::server
