#include <shouwang/server/stream_hub.h>

#include <algorithm>
#include <exception>
#include <map>

#include "server/stream/stream_core.h"
#include "server/stream/stream_text.h"

namespace shouwang::server {
namespace detail {

StreamCore::StreamCore(StreamOptions o, Renderer r, std::uint64_t start_seq, const Clock& c)
    : options(o), renderer(std::move(r)), clock(c), floor_seq_(start_seq), last_seq_(start_seq) {}

Rendered StreamCore::call_renderer(const Change& change, const std::string& scope_key) {
  counters->renders.fetch_add(1, std::memory_order_relaxed);
  std::optional<std::string> text;
  try {
    text = renderer(change, scope_key);
  } catch (const std::exception& e) {
    return {Rendered::Kind::kFailed, std::make_shared<const std::string>(std::string("renderer threw: ") + e.what())};
  }
  if (!text) return {};
  auto tail = object_tail(*text);
  if (!tail) return {Rendered::Kind::kFailed, std::make_shared<const std::string>("renderer returned no JSON object")};
  return {Rendered::Kind::kVisible, std::make_shared<const std::string>(std::move(*tail))};
}

Rendered StreamCore::render(BacklogEntry& entry, const std::string& scope_key) {
  std::lock_guard lock(entry.mutex);
  for (const auto& [key, rendered] : entry.renders) {
    if (key == scope_key) return rendered;
  }
  Rendered rendered = call_renderer(entry.change, scope_key);
  if (entry.cache_enabled) {
    const std::size_t bytes = scope_key.size() + (rendered.text ? rendered.text->size() : 0);
    entry.renders.emplace_back(scope_key, rendered);
    entry.render_bytes += bytes;
    cached_bytes_.fetch_add(bytes, std::memory_order_relaxed);
  }
  return rendered;
}

void StreamCore::forget_renders(BacklogEntry& entry) {
  std::lock_guard lock(entry.mutex);
  cached_bytes_.fetch_sub(entry.render_bytes, std::memory_order_relaxed);
  entry.renders.clear();
  entry.renders.shrink_to_fit();
  entry.render_bytes = 0;
  entry.cache_enabled = false;
}

void StreamCore::trim_render_cache_locked() {
  while (cached_bytes_.load(std::memory_order_relaxed) > options.backlog_render_bytes &&
         first_cached_ < backlog_.size()) {
    forget_renders(*backlog_[first_cached_++]);
  }
}

Status StreamCore::publish(Change change) {
  const UtcTime now = clock.now();
  const std::uint64_t seq = change.seq;
  auto entry = std::make_shared<BacklogEntry>(std::move(change), now);
  std::shared_ptr<const std::vector<ScopeGroup>> groups;
  {
    std::lock_guard lock(mutex_);
    if (seq <= last_seq_) {
      return Error(Errc::kInvalidArgument, "change " + std::to_string(seq) + " is not after the last published change " +
                                               std::to_string(last_seq_));
    }
    last_seq_ = seq;
    backlog_.push_back(entry);
    while (backlog_.size() > options.backlog_changes) {
      if (first_cached_ == 0) {
        forget_renders(*backlog_.front());
      } else {
        --first_cached_;
      }
      floor_seq_ = backlog_.front()->change.seq;
      backlog_.pop_front();
    }
    trim_render_cache_locked();
    groups = groups_;
  }
  counters->published.fetch_add(1, std::memory_order_relaxed);
  // Outside the hub's lock: subscribing and ticking go on while this change is rendered.
  for (const ScopeGroup& group : *groups) {
    const Rendered rendered = render(*entry, group.scope_key);
    for (const auto& subscriber : group.subscribers) subscriber->state_->offer(seq, rendered, now);
  }
  return ok_status();
}

std::shared_ptr<Subscription> StreamCore::subscribe(const std::string& scope_key, std::uint64_t from_seq,
                                                    const std::string& identity) {
  SubscriptionState::Limits limits{options.max_queue_bytes, options.max_queue_messages,
                                   std::chrono::duration_cast<std::chrono::microseconds>(options.heartbeat).count()};
  auto subscription = std::make_shared<Subscription>(
      Subscription::Key{},
      std::make_unique<SubscriptionState>(scope_key, identity, from_seq, limits, clock, counters, weak_from_this()));
  SubscriptionState& state = *subscription->state_;
  std::vector<std::shared_ptr<BacklogEntry>> replay;
  std::string refusal;
  std::uint64_t head = 0;
  {
    std::lock_guard lock(mutex_);
    head = last_seq_;
    if (from_seq < floor_seq_) {
      refusal = "from " + std::to_string(from_seq) + " is older than the backlog (resumable from " +
                std::to_string(floor_seq_) + ")";
    } else if (from_seq > last_seq_) {
      refusal = "from " + std::to_string(from_seq) + " is ahead of the stream (last seq " + std::to_string(last_seq_) + ")";
    } else {
      const auto first = std::upper_bound(backlog_.begin(), backlog_.end(), from_seq,
                                          [](std::uint64_t s, const auto& e) { return s < e->change.seq; });
      replay.assign(first, backlog_.end());
      state.begin_replay();
      subscribers_.push_back(subscription);
      rebuild_groups_locked();
    }
  }
  if (!refusal.empty()) {
    counters->resyncs.fetch_add(1, std::memory_order_relaxed);
    state.finish(resync_text(refusal, head), kCloseNormal, "resync");
    return subscription;
  }
  counters->subscriptions.fetch_add(1, std::memory_order_relaxed);
  // Changes published from here on wait in the subscription until the backlog is queued.
  for (const auto& entry : replay) {
    if (state.closed()) break;
    state.offer_replayed(entry->change.seq, render(*entry, scope_key));
  }
  state.end_replay();
  return subscription;
}

void StreamCore::rebuild_groups_locked() {
  std::map<std::string, std::vector<std::shared_ptr<Subscription>>> by_scope;
  for (const auto& s : subscribers_) by_scope[s->scope_key()].push_back(s);
  auto groups = std::make_shared<std::vector<ScopeGroup>>();
  groups->reserve(by_scope.size());
  for (auto& [key, subs] : by_scope) groups->push_back({key, std::move(subs)});
  groups_ = std::move(groups);
}

void StreamCore::remove(const SubscriptionState* state) {
  std::lock_guard lock(mutex_);
  const auto it = std::find_if(subscribers_.begin(), subscribers_.end(),
                               [state](const auto& s) { return s->state_.get() == state; });
  if (it == subscribers_.end()) return;
  subscribers_.erase(it);
  rebuild_groups_locked();
}

void StreamCore::broadcast(const std::string& type, const EphemeralRenderer& render) {
  std::shared_ptr<const std::vector<ScopeGroup>> groups;
  {
    std::lock_guard lock(mutex_);
    groups = groups_;
  }
  if (groups->empty()) return;
  const auto type_text = std::make_shared<const std::string>(type);
  const UtcTime now = clock.now();
  for (const ScopeGroup& group : *groups) {
    std::optional<std::string> text;
    try {
      text = render(group.scope_key);
    } catch (const std::exception&) {
      counters->ephemeral_failures.fetch_add(1, std::memory_order_relaxed);
      continue;
    }
    if (!text) continue;
    auto tail = object_tail(*text);
    if (!tail) {
      counters->ephemeral_failures.fetch_add(1, std::memory_order_relaxed);
      continue;
    }
    const auto shared = std::make_shared<const std::string>(std::move(*tail));
    for (const auto& subscriber : group.subscribers) subscriber->state_->offer_ephemeral(type_text, shared, now);
    counters->ephemeral.fetch_add(group.subscribers.size(), std::memory_order_relaxed);
  }
}

void StreamCore::tick() {
  std::vector<std::shared_ptr<Subscription>> subscribers;
  {
    std::lock_guard lock(mutex_);
    subscribers = subscribers_;
  }
  const UtcTime now = clock.now();
  for (const auto& s : subscribers) s->state_->heartbeat(now, false);
}

void StreamCore::close_all(const std::string& reason, std::uint16_t code) {
  std::vector<std::shared_ptr<Subscription>> subscribers;
  {
    std::lock_guard lock(mutex_);
    subscribers = subscribers_;
  }
  for (const auto& s : subscribers) s->close(reason, code);
}

StreamStats StreamCore::stats() const {
  StreamStats out;
  counters->snapshot(out);
  std::lock_guard lock(mutex_);
  out.subscribers = subscribers_.size();
  out.last_seq = last_seq_;
  out.backlog = backlog_.size();
  return out;
}

std::uint64_t StreamCore::last_seq() const {
  std::lock_guard lock(mutex_);
  return last_seq_;
}

}  // namespace detail

StreamHub::StreamHub(StreamOptions options, Renderer renderer, std::uint64_t start_seq, const Clock& clock)
    : core_(std::make_shared<detail::StreamCore>(options, std::move(renderer), start_seq, clock)) {}

StreamHub::~StreamHub() {
  {
    std::lock_guard lock(heartbeat_mutex_);
    stopping_ = true;
  }
  heartbeat_cv_.notify_all();
  if (heartbeat_thread_.joinable()) heartbeat_thread_.join();
  core_->close_all("server shutting down", kCloseGoingAway);
}

Status StreamHub::publish(Change change) { return core_->publish(std::move(change)); }

std::shared_ptr<Subscription> StreamHub::subscribe(const std::string& scope_key, std::uint64_t from_seq,
                                                   const std::string& identity) {
  return core_->subscribe(scope_key, from_seq, identity);
}

void StreamHub::broadcast(const std::string& type, const EphemeralRenderer& render) { core_->broadcast(type, render); }

void StreamHub::tick() { core_->tick(); }

void StreamHub::start_heartbeats() {
  std::lock_guard lock(heartbeat_mutex_);
  if (heartbeat_thread_.joinable() || stopping_) return;
  const auto period = std::max(std::chrono::milliseconds(10), core_->options.heartbeat / 10);
  heartbeat_thread_ = std::thread([this, period] {
    std::unique_lock wait_lock(heartbeat_mutex_);
    while (!heartbeat_cv_.wait_for(wait_lock, period, [this] { return stopping_; })) {
      wait_lock.unlock();
      core_->tick();
      wait_lock.lock();
    }
  });
}

void StreamHub::close_all(const std::string& reason, std::uint16_t code) { core_->close_all(reason, code); }

StreamStats StreamHub::stats() const { return core_->stats(); }

std::uint64_t StreamHub::last_seq() const { return core_->last_seq(); }

}  // namespace shouwang::server
