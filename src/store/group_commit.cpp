#include "store/group_commit.h"

namespace shouwang::store::detail {

GroupCommitter::GroupCommitter(CommitBatch commit, std::size_t max_batch_events)
    : commit_(std::move(commit)), max_batch_events_(std::max<std::size_t>(max_batch_events, 1)) {
  thread_ = std::thread([this] { run(); });
}

GroupCommitter::~GroupCommitter() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

Result<Appended> GroupCommitter::submit(std::vector<EventDraft> drafts) {
  AppendRequest request;
  request.drafts = std::move(drafts);
  auto done = request.done.get_future();
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return Error(Errc::kUnavailable, "the event log is closing");
    queue_.push_back(&request);
  }
  wake_.notify_one();
  return done.get();
}

void GroupCommitter::run() {
  std::vector<AppendRequest*> batch;
  while (true) {
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing left to write
      // Whole appends only; the first always fits, however large.
      std::size_t events = 0;
      while (!queue_.empty() && (batch.empty() || events + queue_.front()->drafts.size() <= max_batch_events_)) {
        events += queue_.front()->drafts.size();
        batch.push_back(queue_.front());
        queue_.pop_front();
      }
    }
    const Status written = commit_(batch);
    for (AppendRequest* request : batch) {
      if (written) {
        request->done.set_value(request->assigned);
      } else {
        request->done.set_value(written.error());
      }
    }
    batch.clear();
  }
}

}  // namespace shouwang::store::detail
