#pragma once
// Users and their sessions, kept as events in the event log beside the domain's (ADR 0006):
// creating, changing and disabling a user and every login and logout are appended like any
// other command, so they are durable, hash-chained and audited, and every server that
// replays the log agrees on who may do what. The log holds a user's Argon2id hash (never
// the password) and a session's token digest (never the token).
//
// AccountBook is the projection of those events. The decide_* functions check an
// account command against it and return the event that records it (pure, like the
// domain's decide()); the book changes only through apply().

#include <cstdint>
#include <map>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

#include <shouwang/base/clock.h>
#include <shouwang/base/result.h>
#include <shouwang/server/roles.h>
#include <shouwang/store/event.h>

namespace shouwang::server {

namespace account_event {
// {username, display_name, role, scope, unit, password_hash}
inline constexpr std::string_view kUserCreated = "user.created";
// {username, display_name, role, scope, unit}
inline constexpr std::string_view kUserUpdated = "user.updated";
// {username, password_hash}
inline constexpr std::string_view kUserPasswordSet = "user.password_set";
// {username, reason}
inline constexpr std::string_view kUserDisabled = "user.disabled";
// {username}
inline constexpr std::string_view kUserEnabled = "user.enabled";
// {session_id, username, token_digest, kind, expires_at, client}
inline constexpr std::string_view kSessionOpened = "session.opened";
// {session_id, reason}
inline constexpr std::string_view kSessionClosed = "session.closed";

constexpr bool is_account_event(std::string_view type) {
  return type.starts_with("user.") || type.starts_with("session.");
}
}  // namespace account_event

struct User {
  std::string username;  // 2..32 of a-z 0-9 . _ -
  std::string display_name;
  Role role = Role::kAnalyst;
  std::string scope;  // org code: the city, a sub-bureau or a station
  std::string unit;   // the unit's callsign, for unit terminals
  std::string password_hash;
  bool disabled = false;
  UtcTime created_at;
  UtcTime password_set_at;
};

enum class SessionKind : std::uint8_t {
  kCookie,  // a console in a browser: HttpOnly cookie plus a CSRF token
  kBearer,  // a machine or terminal: Authorization: Bearer
};
std::string_view to_string(SessionKind kind);
std::optional<SessionKind> parse_session_kind(std::string_view name);

struct Session {
  std::string id;            // public: names the session in logs and lists
  std::string token_digest;  // token_digest(token)
  std::string username;
  SessionKind kind = SessionKind::kCookie;
  UtcTime opened_at;
  UtcTime expires_at;
  std::string client;  // the client's address, for people reading the audit trail
  bool closed = false;
};

// What a new or changed user is; validated by decide_create_user / decide_update_user.
struct UserProfile {
  std::string username;
  std::string display_name;
  Role role = Role::kAnalyst;
  std::string scope;
  std::string unit;
};

// Thread-safe: apply() takes a unique lock, the readers a shared one, and readers get
// copies.
class AccountBook {
 public:
  // Folds one account event in. kCorrupt naming the event when it does not fit (an
  // unknown user, a second user of the same name, a malformed payload). Events that are
  // not account events are ignored.
  Status apply(std::uint64_t seq, UtcTime time, std::string_view type, std::string_view payload);
  Status apply(const store::EventView& event);
  Status apply(const store::Event& event);

  // Forgets everything, before the book is replayed again from the log.
  void clear();

  [[nodiscard]] std::optional<User> user(std::string_view username) const;
  [[nodiscard]] std::vector<User> users() const;
  // The open session with this token digest, unexpired at `now`.
  [[nodiscard]] std::optional<Session> live_session(std::string_view digest, UtcTime now) const;
  [[nodiscard]] std::size_t live_sessions(UtcTime now) const;

  // Account commands. Each returns the event draft that records it, or the refusal
  // (kInvalidArgument naming the field, kAlreadyExists, kNotFound, kConflict).
  [[nodiscard]] Result<store::EventDraft> decide_create_user(const UserProfile& profile,
                                                             const std::string& password_hash,
                                                             const store::Actor& actor, UtcTime now) const;
  [[nodiscard]] Result<store::EventDraft> decide_update_user(const UserProfile& profile, const store::Actor& actor,
                                                             UtcTime now) const;
  [[nodiscard]] Result<store::EventDraft> decide_set_password(std::string_view username,
                                                              const std::string& password_hash,
                                                              const store::Actor& actor, UtcTime now) const;
  [[nodiscard]] Result<store::EventDraft> decide_disable(std::string_view username, std::string_view reason,
                                                         const store::Actor& actor, UtcTime now) const;
  [[nodiscard]] Result<store::EventDraft> decide_enable(std::string_view username, const store::Actor& actor,
                                                        UtcTime now) const;
  [[nodiscard]] Result<store::EventDraft> decide_open_session(const Session& session, const store::Actor& actor,
                                                              UtcTime now) const;
  [[nodiscard]] Result<store::EventDraft> decide_close_session(std::string_view session_id, std::string_view reason,
                                                               const store::Actor& actor, UtcTime now) const;

 private:
  Status apply_locked(UtcTime time, std::string_view type, std::string_view payload);

  mutable std::shared_mutex mutex_;
  std::map<std::string, User, std::less<>> users_;
  std::map<std::string, Session, std::less<>> sessions_by_digest_;
  std::map<std::string, std::string, std::less<>> digest_by_session_id_;
};

// Usernames are 2..32 characters of a-z, 0-9, '.', '_' and '-'.
Status check_username(std::string_view username);

}  // namespace shouwang::server
