#pragma once
// What the stream says about a commit, for each scope. A commit becomes a Change holding
// copies of the records it touched (taken from the durable state right after it), so
// rendering needs no lock on the state and may happen later, for a subscriber resuming
// from the backlog. A scope's message lists the events about records it may see (type,
// entities, time and author; payloads stay out, as they may name persons) and the new
// state of those records, with persons' details withheld as in the API.
//
// {"type": "change", "n": K, "seq": S, "first_seq": F, "events": [...], "incidents": [...],
//  "calls": [...], "orders": [...], "units": [...], "warnings": [...], "sites": [...],
//  "posts": [...]}

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include <shouwang/cad/state.h>
#include <shouwang/server/access_policy.h>
#include <shouwang/server/command_service.h>
#include <shouwang/server/stream_hub.h>

namespace shouwang::server {

// Makes the hub's Change for a commit (called on the writer thread with the durable state).
Change make_change(const Committed& committed, const cad::State& durable);

class LiveRenderer {
 public:
  explicit LiveRenderer(const AccessPolicy& policy) : policy_(&policy) {}
  // Subscribers register the principal behind their scope key before subscribing.
  void remember(const Principal& principal);
  // The principal remembered for a scope key (for other messages rendered per scope).
  [[nodiscard]] std::optional<Principal> principal(const std::string& scope_key) const;
  // The hub's Renderer.
  std::optional<std::string> render(const Change& change, const std::string& scope_key) const;

 private:
  const AccessPolicy* policy_;
  mutable std::mutex mutex_;
  std::map<std::string, Principal> principals_;
};

}  // namespace shouwang::server
