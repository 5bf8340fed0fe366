#include <shouwang/server/telemetry/track_store.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

#include "server/telemetry/track_db.h"

namespace shouwang::server::telemetry {
namespace {

// The last point kept for a unit: what the next fix is compared with.
struct Kept {
  UtcTime t;
  LatLon position;
  std::optional<double> heading_deg;
};

double heading_change(double a, double b) {
  const double d = std::fmod(std::abs(a - b), 360.0);
  return std::min(d, 360.0 - d);
}

bool worth_keeping(const Kept& last, const PositionFix& fix, const TrackStoreOptions& options) {
  const double dt = (static_cast<double>(fix.t.micros()) - static_cast<double>(last.t.micros())) / 1e6;
  if (!(dt > 0)) return false;  // not after the last kept point
  if (dt >= options.min_interval.value()) return true;
  if (haversine_distance(last.position, fix.position) > options.min_distance) return true;
  return last.heading_deg && fix.heading_deg &&
         heading_change(*last.heading_deg, *fix.heading_deg) > options.min_heading_change_deg;
}

}  // namespace

// Lock order: db_mutex before queue_mutex. The writer thread and flush() both commit
// under db_mutex, so batches reach the file in the order they were queued.
struct TrackStore::Impl {
  TrackStoreOptions options;

  std::mutex db_mutex;
  detail::TrackDb db;

  std::mutex queue_mutex;
  std::condition_variable wake;
  std::vector<PositionFix> pending;
  std::map<std::string, Kept, std::less<>> last_kept;
  TrackStoreStats stats;
  bool closed = false;
  bool stopping = false;

  std::thread writer;

  Impl(TrackStoreOptions o, detail::TrackDb d) : options(std::move(o)), db(std::move(d)) {}

  Status commit_pending() {
    const std::lock_guard db_lock(db_mutex);
    std::vector<PositionFix> batch;
    {
      const std::lock_guard lock(queue_mutex);
      batch.swap(pending);
    }
    if (batch.empty()) return {};
    Status status = db.insert(batch);
    const std::lock_guard lock(queue_mutex);
    if (status) {
      stats.written += batch.size();
      ++stats.commits;
    } else {
      ++stats.write_failures;
      stats.dropped += batch.size();
      stats.last_error = status.error().message;
    }
    return status;
  }

  void run_writer() {
    const auto interval = std::chrono::duration<double>(std::max(0.001, options.flush_interval.value()));
    std::unique_lock lock(queue_mutex);
    while (!stopping) {
      wake.wait_for(lock, interval, [this] { return stopping || pending.size() >= options.batch_size; });
      if (stopping) break;
      lock.unlock();
      (void)commit_pending();  // a failure is in the stats
      lock.lock();
    }
  }
};

TrackStore::TrackStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {
  impl_->writer = std::thread([this] { impl_->run_writer(); });
}

TrackStore::~TrackStore() { (void)close(); }

Result<std::unique_ptr<TrackStore>> TrackStore::open(const std::string& path, TrackStoreOptions options) {
  auto db = detail::TrackDb::open(path);
  if (!db) return db.error();
  return std::unique_ptr<TrackStore>(new TrackStore(std::make_unique<Impl>(std::move(options), std::move(*db))));
}

bool TrackStore::add(const PositionFix& fix) {
  if (!std::isfinite(fix.position.lat) || !std::isfinite(fix.position.lon)) return false;
  const std::lock_guard lock(impl_->queue_mutex);
  if (impl_->closed) return false;
  const auto it = impl_->last_kept.find(fix.unit);
  if (it != impl_->last_kept.end() && !worth_keeping(it->second, fix, impl_->options)) {
    ++impl_->stats.skipped;
    return false;
  }
  if (impl_->pending.size() >= impl_->options.max_pending) {
    ++impl_->stats.dropped;
    return false;
  }
  const Kept kept{fix.t, fix.position, fix.heading_deg};
  if (it == impl_->last_kept.end()) {
    impl_->last_kept.emplace(fix.unit, kept);
  } else {
    it->second = kept;
  }
  impl_->pending.push_back(fix);
  ++impl_->stats.kept;
  if (impl_->pending.size() >= impl_->options.batch_size) impl_->wake.notify_one();
  return true;
}

Status TrackStore::flush() { return impl_->commit_pending(); }

Status TrackStore::close() {
  {
    const std::lock_guard lock(impl_->queue_mutex);
    impl_->closed = true;
    impl_->stopping = true;
  }
  impl_->wake.notify_one();
  if (impl_->writer.joinable()) impl_->writer.join();
  return impl_->commit_pending();
}

Result<std::vector<TrackPoint>> TrackStore::track(std::string_view unit, UtcTime from, UtcTime to) {
  (void)flush();  // a failed commit is in the stats; the file still answers
  const std::lock_guard db_lock(impl_->db_mutex);
  return impl_->db.select(unit, from, to);
}

Result<std::uint64_t> TrackStore::prune(UtcTime older_than) {
  const std::lock_guard db_lock(impl_->db_mutex);
  return impl_->db.erase_before(older_than);
}

TrackStoreStats TrackStore::stats() const {
  const std::lock_guard lock(impl_->queue_mutex);
  TrackStoreStats out = impl_->stats;
  out.pending = impl_->pending.size();
  return out;
}

}  // namespace shouwang::server::telemetry
