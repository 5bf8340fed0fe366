#pragma once
// ApiPool: API requests made for the simulation without blocking it. A few worker threads,
// each with its own keep-alive ApiConnection, send the queued requests; the answers wait
// until the simulation thread collects them with drain(), which runs each request's
// callback there. So simulation state is only ever touched by the simulation thread, and
// the server's group commit gets several requests at once.
//
// Requests are sent in no guaranteed order: a caller that needs one step after another
// submits the next from the previous one's callback.

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include <shouwang/base/result.h>
#include <shouwang/sim/api_connection.h>

namespace shouwang::sim {

// The outcome of one request: the answer, or why there was none (the server unreachable).
using ApiOutcome = Result<ApiAnswer>;
using ApiCallback = std::function<void(const ApiOutcome&)>;

class ApiPool {
 public:
  ApiPool(ApiEndpoint endpoint, std::string token, int threads);
  ~ApiPool();  // stop()
  ApiPool(const ApiPool&) = delete;
  ApiPool& operator=(const ApiPool&) = delete;

  // Queues `request`; `done` runs in a later drain().
  void submit(ApiRequest request, ApiCallback done);
  // Runs the callbacks of the answered requests on the calling thread; their number.
  std::size_t drain();
  // Requests submitted whose callbacks have not run yet.
  [[nodiscard]] std::size_t outstanding() const;
  // Finishes the queued requests and joins the workers; later submissions are answered
  // kUnavailable at the next drain().
  void stop();

  [[nodiscard]] std::uint64_t failures() const;  // answers that were not 2xx, or none

 private:
  struct Job {
    ApiRequest request;
    ApiCallback done;
  };
  struct Finished {
    ApiCallback done;
    ApiOutcome outcome;
  };
  void work(ApiConnection& connection);

  ApiEndpoint endpoint_;
  std::string token_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Job> queue_;
  std::vector<Finished> finished_;
  std::size_t outstanding_ = 0;
  std::uint64_t failures_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace shouwang::sim
