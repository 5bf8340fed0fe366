#pragma once
// Logging in and recognising the caller of every request (design.md §6).
//
// A login checks the password against the user's Argon2id hash and opens a session with a
// fresh random token: a console gets it in an HttpOnly, SameSite=Strict cookie plus a CSRF
// token it must echo in `X-CSRF-Token` on every request that changes something; a machine
// gets it as a bearer token. Sessions expire (a 12-hour shift and some, by default) and
// end at logout; a disabled user's sessions stop working at once. After too many failed
// logins for one user name from one address, that pair is refused for a while, and the
// refusal does not say whether the password was right.

#include <chrono>
#include <deque>
#include <map>
#include <mutex>
#include <string>

#include <shouwang/base/clock.h>
#include <shouwang/base/result.h>
#include <shouwang/server/access_policy.h>
#include <shouwang/server/accounts.h>
#include <shouwang/server/command_service.h>
#include <shouwang/server/http_message.h>

namespace shouwang::server {

struct AuthOptions {
  std::chrono::seconds cookie_lifetime = std::chrono::hours(14);
  std::chrono::seconds bearer_lifetime = std::chrono::hours(24 * 30);
  std::chrono::seconds failure_window = std::chrono::minutes(5);
  int max_failures = 5;  // per user name and address within the window
  std::string cookie_name = "sw_session";
  bool secure_cookie = false;  // add `Secure` when served over TLS (behind a proxy)
};

struct LoginResult {
  std::string token;
  std::string csrf_token;  // cookie sessions
  Session session;
  User user;
};

class Authenticator {
 public:
  // All references must outlive the authenticator.
  Authenticator(const AccountBook& accounts, CommandService& commands, const Clock& clock, AuthOptions options = {});

  // kUnauthenticated for a wrong name or password or a disabled account (the message does
  // not say which), kResourceExhausted while rate-limited, kInvalidArgument for a bad kind.
  Result<LoginResult> login(const std::string& username, const std::string& password, SessionKind kind,
                            const std::string& client);
  Status logout(const Principal& principal);

  // The caller of `request`: kUnauthenticated without a live session (no token, unknown,
  // expired or closed, or the user disabled); kPermissionDenied for a cookie session's
  // state-changing request without the matching CSRF token.
  Result<Principal> authenticate(const HttpRequest& request) const;

  // The Set-Cookie value that carries (or, with an empty token, clears) a session.
  [[nodiscard]] std::string session_cookie(const std::string& token, std::chrono::seconds lifetime) const;
  [[nodiscard]] const AuthOptions& options() const { return options_; }
  // The CSRF token that belongs to a session token.
  static std::string csrf_token_for(const std::string& token);
  // The CSRF token of the session cookie `request` carries (empty without one), so that a
  // console reloaded in the browser can go on without logging in again. Only call it for a
  // request `authenticate` accepted.
  [[nodiscard]] std::string csrf_token_of(const HttpRequest& request) const;

 private:
  bool rate_limited(const std::string& key, UtcTime now);
  void note_failure(const std::string& key, UtcTime now);

  const AccountBook& accounts_;
  CommandService& commands_;
  const Clock& clock_;
  AuthOptions options_;
  std::mutex failures_mutex_;
  std::map<std::string, std::deque<UtcTime>> failures_;
};

// The value of one cookie in a Cookie header; empty when absent.
std::string cookie_value(const std::string& cookie_header, const std::string& name);

}  // namespace shouwang::server
