#include <shouwang/sim/api_pool.h>

namespace shouwang::sim {

ApiPool::ApiPool(ApiEndpoint endpoint, std::string token, int threads)
    : endpoint_(std::move(endpoint)), token_(std::move(token)) {
  for (int i = 0; i < threads; ++i) {
    workers_.emplace_back([this] {
      ApiConnection connection(endpoint_);
      connection.set_token(token_);
      work(connection);
    });
  }
}

ApiPool::~ApiPool() {
  stop();
}

void ApiPool::submit(ApiRequest request, ApiCallback done) {
  std::lock_guard lock(mutex_);
  ++outstanding_;
  if (stopping_) {
    ++failures_;
    finished_.push_back({std::move(done), Error(Errc::kUnavailable, "the simulation is stopping")});
    return;
  }
  queue_.push_back({std::move(request), std::move(done)});
  wake_.notify_one();
}

void ApiPool::work(ApiConnection& connection) {
  for (;;) {
    Job job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty())
        return;
      job = std::move(queue_.front());
      queue_.pop_front();
    }
    ApiOutcome outcome = connection.send(job.request);
    std::lock_guard lock(mutex_);
    if (!outcome || !outcome->ok())
      ++failures_;
    finished_.push_back({std::move(job.done), std::move(outcome)});
  }
}

std::size_t ApiPool::drain() {
  std::vector<Finished> ready;
  {
    std::lock_guard lock(mutex_);
    ready.swap(finished_);
    outstanding_ -= ready.size();
  }
  for (Finished& f : ready) {
    if (f.done)
      f.done(f.outcome);
  }
  return ready.size();
}

std::size_t ApiPool::outstanding() const {
  std::lock_guard lock(mutex_);
  return outstanding_;
}

void ApiPool::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    wake_.notify_all();
  }
  for (std::thread& t : workers_)
    t.join();
  workers_.clear();
}

std::uint64_t ApiPool::failures() const {
  std::lock_guard lock(mutex_);
  return failures_;
}

}  // namespace shouwang::sim
