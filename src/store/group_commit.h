#pragma once
// Group commit: appends from many threads wait in one queue; a single committer thread
// takes everything waiting (up to a batch limit), writes it in one transaction, makes it
// durable once, and wakes every waiter with its sequence numbers. One fsync then serves a
// whole batch, which is where a durable log's throughput comes from. Shared by the back ends.

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <span>
#include <thread>
#include <vector>

#include <shouwang/store/event_log.h>

namespace shouwang::store::detail {

// One append waiting for the committer. The commit function sets `assigned`.
struct AppendRequest {
  std::vector<EventDraft> drafts;
  Appended assigned;
  std::promise<Result<Appended>> done;
};

class GroupCommitter {
 public:
  // Writes a batch in one durable transaction, assigning each request its sequence
  // numbers, or fails the whole batch (and then must leave the log as it was). Runs on the
  // committer thread only.
  using CommitBatch = std::function<Status(std::span<AppendRequest* const> batch)>;

  GroupCommitter(CommitBatch commit, std::size_t max_batch_events);
  // Commits what is queued, then stops the thread.
  ~GroupCommitter();
  GroupCommitter(const GroupCommitter&) = delete;
  GroupCommitter& operator=(const GroupCommitter&) = delete;

  // Queues the drafts and blocks until they are durable or have failed.
  Result<Appended> submit(std::vector<EventDraft> drafts);

 private:
  void run();

  CommitBatch commit_;
  std::size_t max_batch_events_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<AppendRequest*> queue_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace shouwang::store::detail
