#pragma once
// The hub's shared state: the backlog, the registry of subscribers grouped by scope key,
// and the render cache. Owned by the StreamHub; subscriptions hold a weak reference to it
// so that closing one after the hub is gone is harmless.

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include <shouwang/base/clock.h>
#include <shouwang/server/stream_hub.h>

#include "server/stream/stream_counters.h"
#include "server/stream/subscription_state.h"

namespace shouwang::server::detail {

// A published change kept for resuming subscribers, with the texts rendered for it.
struct BacklogEntry {
  BacklogEntry(Change c, UtcTime t) : change(std::move(c)), published(t) {}
  const Change change;
  const UtcTime published;
  std::mutex mutex;  // guards the cache below; held while rendering this change
  std::vector<std::pair<std::string, Rendered>> renders;
  std::size_t render_bytes = 0;
  bool cache_enabled = true;  // false once the render budget evicted this entry's texts
};

// The subscribers of one scope key: rendered once, queued to each.
struct ScopeGroup {
  std::string scope_key;
  std::vector<std::shared_ptr<Subscription>> subscribers;
};

struct StreamCore : std::enable_shared_from_this<StreamCore> {
  StreamCore(StreamOptions o, Renderer r, std::uint64_t start_seq, const Clock& c);

  Status publish(Change change);
  std::shared_ptr<Subscription> subscribe(const std::string& scope_key, std::uint64_t from_seq,
                                          const std::string& identity);
  void broadcast(const std::string& type, const EphemeralRenderer& render);
  void tick();
  void close_all(const std::string& reason, std::uint16_t code);
  // Forgets the subscription whose state is `state` (called once it has ended).
  void remove(const SubscriptionState* state);
  StreamStats stats() const;
  std::uint64_t last_seq() const;

  const StreamOptions options;
  const Renderer renderer;
  const Clock& clock;
  const std::shared_ptr<StreamCounters> counters = std::make_shared<StreamCounters>();

 private:
  // The change rendered for `scope_key`, from the entry's cache or by calling the renderer.
  Rendered render(BacklogEntry& entry, const std::string& scope_key);
  Rendered call_renderer(const Change& change, const std::string& scope_key);
  // Rebuilds the immutable group list publish() reads (under mutex_).
  void rebuild_groups_locked();
  // Forgets cached texts of the oldest entries beyond the render budget (under mutex_).
  void trim_render_cache_locked();
  void forget_renders(BacklogEntry& entry);

  mutable std::mutex mutex_;
  std::deque<std::shared_ptr<BacklogEntry>> backlog_;
  std::size_t first_cached_ = 0;  // backlog_ index of the oldest entry that may hold texts
  std::atomic<std::size_t> cached_bytes_{0};
  std::uint64_t floor_seq_;  // subscribers resuming from below this seq must resync
  std::uint64_t last_seq_;
  std::vector<std::shared_ptr<Subscription>> subscribers_;
  std::shared_ptr<const std::vector<ScopeGroup>> groups_ = std::make_shared<std::vector<ScopeGroup>>();
};

}  // namespace shouwang::server::detail
