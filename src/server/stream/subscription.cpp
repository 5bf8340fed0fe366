#include <shouwang/server/stream_subscription.h>

#include <utility>

#include "server/stream/stream_core.h"
#include "server/stream/stream_text.h"
#include "server/stream/subscription_state.h"

namespace shouwang::server {
namespace detail {

namespace {
// A change's head is about this long; heartbeats a little longer.
constexpr std::size_t kHeadCost = 48;
constexpr std::size_t kHeartbeatCost = 96;
}  // namespace

std::size_t Queued::cost() const {
  switch (kind) {
    case Kind::kChange:
    case Kind::kEphemeral: return kHeadCost + text->size();
    case Kind::kHeartbeat: return kHeartbeatCost;
    case Kind::kFinal: return text->size();
  }
  return 0;
}

SubscriptionState::SubscriptionState(std::string scope, std::string who, std::uint64_t from_seq, Limits limits,
                                     const Clock& clock, std::shared_ptr<StreamCounters> counters,
                                     std::weak_ptr<StreamCore> core)
    : scope_key(std::move(scope)),
      identity(std::move(who)),
      limits_(limits),
      clock_(clock),
      counters_(std::move(counters)),
      core_(std::move(core)),
      fed_seq_(from_seq),
      next_heartbeat_(clock.now().plus_micros(limits.heartbeat_us)) {}

void SubscriptionState::run(After after) {
  if (!after.drop_kind.empty()) counters_->record_drop(after.drop_kind, identity, after.drop_detail);
  if (after.unregister) {
    if (auto core = core_.lock()) core->remove(this);
  }
  if (after.notify) {
    std::shared_ptr<const std::function<void()>> notify;
    {
      std::lock_guard lock(mutex_);
      notify = notify_;
    }
    if (notify && *notify) (*notify)();
  }
}

void SubscriptionState::wake_locked(After& after) {
  if (want_notify_) {
    want_notify_ = false;
    after.notify = true;
  }
}

void SubscriptionState::push_locked(Queued item, After& after) {
  if (item.kind != Queued::Kind::kFinal) item.n = next_n_++;
  queued_bytes_ += item.cost();
  queue_.push_back(std::move(item));
  if (queue_.size() > limits_.max_messages || queued_bytes_ > limits_.max_bytes) {
    drop_locked("slow_consumer", std::to_string(queue_.size()) + " messages, " + std::to_string(queued_bytes_) +
                                     " bytes queued",
                after);
    return;
  }
  wake_locked(after);
}

void SubscriptionState::apply_locked(std::uint64_t seq, const Rendered& rendered, bool live, UtcTime published,
                                     After& after) {
  fed_seq_ = seq;
  switch (rendered.kind) {
    case Rendered::Kind::kInvisible: return;
    case Rendered::Kind::kFailed:
      drop_locked("render_failed", "change " + std::to_string(seq) + ": " + *rendered.text, after);
      return;
    case Rendered::Kind::kVisible: break;
  }
  push_locked(Queued{Queued::Kind::kChange, live, 0, seq, published, rendered.text}, after);
}

void SubscriptionState::end_locked(std::string message, std::uint16_t code, std::string reason, After& after) {
  queue_.clear();
  queued_bytes_ = 0;
  pending_.clear();
  replaying_ = false;
  if (!message.empty()) {  // the last message, past the limits: it replaces the whole queue
    queue_.push_back(Queued{Queued::Kind::kFinal, false, 0, 0, {}, std::make_shared<const std::string>(std::move(message))});
    queued_bytes_ = queue_.back().cost();
  }
  closing_ = true;
  close_ = StreamClose{code, std::move(reason)};
  after.unregister = true;
  wake_locked(after);
}

void SubscriptionState::drop_locked(std::string_view kind, std::string_view detail, After& after) {
  if (closing_) return;
  std::string reason = std::string(kind) + ": " + std::string(detail);
  after.drop_kind = std::string(kind);
  after.drop_detail = reason;
  std::string message = dropped_text(reason);
  end_locked(std::move(message), kCloseTryAgainLater, std::move(reason), after);
}

void SubscriptionState::begin_replay() {
  std::lock_guard lock(mutex_);
  replaying_ = true;
}

void SubscriptionState::offer_replayed(std::uint64_t seq, const Rendered& rendered) {
  After after;
  {
    std::lock_guard lock(mutex_);
    if (closing_) return;
    apply_locked(seq, rendered, false, UtcTime{}, after);
  }
  run(std::move(after));
}

void SubscriptionState::end_replay() {
  After after;
  {
    std::lock_guard lock(mutex_);
    if (closing_) return;
    replaying_ = false;
    std::vector<Pending> pending;
    pending.swap(pending_);
    for (const Pending& p : pending) {
      if (closing_) break;
      apply_locked(p.seq, p.rendered, true, p.published, after);
    }
  }
  run(std::move(after));
}

void SubscriptionState::offer(std::uint64_t seq, const Rendered& rendered, UtcTime published) {
  After after;
  {
    std::lock_guard lock(mutex_);
    if (closing_) return;
    if (replaying_) {
      pending_.push_back({seq, rendered, published});
      return;
    }
    apply_locked(seq, rendered, true, published, after);
  }
  run(std::move(after));
}

void SubscriptionState::offer_ephemeral(const std::shared_ptr<const std::string>& type,
                                        const std::shared_ptr<const std::string>& tail, UtcTime published) {
  After after;
  {
    std::lock_guard lock(mutex_);
    if (closing_ || replaying_) return;
    push_locked(Queued{Queued::Kind::kEphemeral, false, 0, fed_seq_, published, tail, type}, after);
  }
  run(std::move(after));
}

void SubscriptionState::heartbeat(UtcTime now, bool forced) {
  After after;
  {
    std::lock_guard lock(mutex_);
    if (closing_ || replaying_ || (!forced && now < next_heartbeat_)) return;
    next_heartbeat_ = now.plus_micros(limits_.heartbeat_us);
    push_locked(Queued{Queued::Kind::kHeartbeat, false, 0, fed_seq_, now, {}}, after);
  }
  run(std::move(after));
}

void SubscriptionState::finish(std::string message, std::uint16_t code, std::string reason) {
  After after;
  {
    std::lock_guard lock(mutex_);
    if (closing_) return;
    end_locked(std::move(message), code, std::move(reason), after);
  }
  run(std::move(after));
}

void SubscriptionState::drop(std::string_view kind, std::string_view detail) {
  After after;
  {
    std::lock_guard lock(mutex_);
    drop_locked(kind, detail, after);
  }
  run(std::move(after));
}

void SubscriptionState::close(std::string reason, std::uint16_t code) { finish({}, code, std::move(reason)); }

Subscription::Next SubscriptionState::next() {
  std::lock_guard lock(mutex_);
  if (queue_.empty()) {
    if (closing_) return close_;
    want_notify_ = true;
    return std::monostate{};
  }
  Queued item = std::move(queue_.front());
  queue_.pop_front();
  queued_bytes_ -= item.cost();
  StreamFrame frame;
  switch (item.kind) {
    case Queued::Kind::kChange:
      frame.head = change_head(item.n, item.seq, *item.text);
      frame.tail = std::move(item.text);
      frame.live = item.live;
      frame.published = item.at;
      break;
    case Queued::Kind::kEphemeral:
      frame.head = message_head(*item.type, item.n, item.seq, *item.text);
      frame.tail = std::move(item.text);
      break;
    case Queued::Kind::kHeartbeat: frame.head = heartbeat_text(item.n, item.seq, item.at); break;
    case Queued::Kind::kFinal: frame.tail = std::move(item.text); break;
  }
  return frame;
}

void SubscriptionState::sent(const StreamFrame& frame) {
  counters_->messages_sent.fetch_add(1, std::memory_order_relaxed);
  if (frame.live) counters_->record_latency(clock_.now().micros() - frame.published.micros());
}

void SubscriptionState::set_notify(std::function<void()> notify) {
  std::lock_guard lock(mutex_);
  notify_ = std::make_shared<const std::function<void()>>(std::move(notify));
}

void SubscriptionState::handle_client_text(std::string_view text) {
  if (is_client_ping(text)) heartbeat(clock_.now(), true);
}

std::string SubscriptionState::closed_reason() const {
  std::lock_guard lock(mutex_);
  return closing_ ? close_.reason : std::string();
}

bool SubscriptionState::closed() const {
  std::lock_guard lock(mutex_);
  return closing_;
}

std::size_t SubscriptionState::queued_bytes() const {
  std::lock_guard lock(mutex_);
  return queued_bytes_;
}

std::size_t SubscriptionState::queued_messages() const {
  std::lock_guard lock(mutex_);
  return queue_.size();
}

}  // namespace detail

Subscription::Subscription(Key, std::unique_ptr<detail::SubscriptionState> state) : state_(std::move(state)) {}
Subscription::~Subscription() = default;

Subscription::Next Subscription::next() { return state_->next(); }
void Subscription::sent(const StreamFrame& frame) { state_->sent(frame); }
void Subscription::set_notify(std::function<void()> notify) { state_->set_notify(std::move(notify)); }
void Subscription::close(std::string reason, std::uint16_t code) { state_->close(std::move(reason), code); }
void Subscription::drop(std::string_view kind, std::string_view detail) { state_->drop(kind, detail); }
void Subscription::handle_client_text(std::string_view text) { state_->handle_client_text(text); }
std::string Subscription::closed_reason() const { return state_->closed_reason(); }
bool Subscription::closed() const { return state_->closed(); }
const std::string& Subscription::scope_key() const { return state_->scope_key; }
const std::string& Subscription::identity() const { return state_->identity; }
std::size_t Subscription::queued_bytes() const { return state_->queued_bytes(); }
std::size_t Subscription::queued_messages() const { return state_->queued_messages(); }

}  // namespace shouwang::server
