#pragma once
// A thread that runs a task every `period` until stopped, for the server's watches. The
// first run is one period after start(); stop() wakes the thread at once and joins it, and
// is also what the destructor does. start() after stop() does nothing.

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace shouwang::server {

class Periodic {
 public:
  Periodic() = default;
  ~Periodic() { stop(); }
  Periodic(const Periodic&) = delete;
  Periodic& operator=(const Periodic&) = delete;

  void start(std::chrono::milliseconds period, std::function<void()> task) {
    std::lock_guard lock(mutex_);
    if (thread_.joinable() || stopping_)
      return;
    thread_ = std::thread([this, period, task = std::move(task)] {
      std::unique_lock wait(mutex_);
      while (!wake_.wait_for(wait, period, [this] { return stopping_; })) {
        wait.unlock();
        task();
        wait.lock();
      }
    });
  }

  void stop() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable())
      thread_.join();
  }

 private:
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace shouwang::server
