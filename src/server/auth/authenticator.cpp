#include <shouwang/server/authenticator.h>

#include <shouwang/server/credentials.h>

namespace shouwang::server {
namespace {

Error wrong_credentials() {
  return Error(Errc::kUnauthenticated, "the user name or the password is wrong, or the account is disabled");
}

bool changes_state(const std::string& method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

std::int64_t micros(std::chrono::seconds s) { return static_cast<std::int64_t>(s.count()) * 1'000'000; }

}  // namespace

std::string cookie_value(const std::string& header, const std::string& name) {
  std::size_t pos = 0;
  while (pos < header.size()) {
    while (pos < header.size() && (header[pos] == ' ' || header[pos] == ';')) ++pos;
    const std::size_t end = std::min(header.find(';', pos), header.size());
    const std::string_view pair(header.data() + pos, end - pos);
    const auto eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == name) return std::string(pair.substr(eq + 1));
    pos = end + 1;
  }
  return {};
}

Authenticator::Authenticator(const AccountBook& accounts, CommandService& commands, const Clock& clock,
                             AuthOptions options)
    : accounts_(accounts), commands_(commands), clock_(clock), options_(std::move(options)) {}

std::string Authenticator::csrf_token_for(const std::string& token) { return token_digest("csrf|" + token).substr(0, 43); }

bool Authenticator::rate_limited(const std::string& key, UtcTime now) {
  std::lock_guard lock(failures_mutex_);
  auto it = failures_.find(key);
  if (it == failures_.end()) return false;
  const UtcTime horizon = now.plus_micros(-micros(options_.failure_window));
  while (!it->second.empty() && it->second.front() < horizon) it->second.pop_front();
  if (it->second.empty()) {
    failures_.erase(it);
    return false;
  }
  return static_cast<int>(it->second.size()) >= options_.max_failures;
}

void Authenticator::note_failure(const std::string& key, UtcTime now) {
  std::lock_guard lock(failures_mutex_);
  failures_[key].push_back(now);
}

Result<LoginResult> Authenticator::login(const std::string& username, const std::string& password, SessionKind kind,
                                         const std::string& client) {
  const UtcTime now = clock_.now();
  const std::string key = username + "|" + client;
  if (rate_limited(key, now)) {
    return Error(Errc::kResourceExhausted, "too many failed logins for " + username + " from this address; wait " +
                                               std::to_string(options_.failure_window.count() / 60) + " minutes");
  }
  const auto user = accounts_.user(username);
  // The hash is checked even for an unknown user, so timing does not tell names apart.
  static const std::string kDecoy = hash_password("decoy-password-never-used").value();
  const bool password_ok = verify_password(user ? user->password_hash : kDecoy, password);
  if (!user || !password_ok || user->disabled) {
    note_failure(key, now);
    return wrong_credentials();
  }
  LoginResult out;
  out.token = random_token();
  out.user = *user;
  out.session.id = random_token(9);
  out.session.token_digest = token_digest(out.token);
  out.session.username = username;
  out.session.kind = kind;
  out.session.opened_at = now;
  out.session.expires_at =
      now.plus_micros(micros(kind == SessionKind::kCookie ? options_.cookie_lifetime : options_.bearer_lifetime));
  out.session.client = client;
  if (kind == SessionKind::kCookie) out.csrf_token = csrf_token_for(out.token);

  const store::Actor actor{username, std::string(to_string(user->role)), client};
  std::string rehash;
  if (needs_rehash(user->password_hash)) {
    if (auto fresh = hash_password(password)) rehash = *fresh;
  }
  const Session session = out.session;
  auto recorded = commands_.record([&](const AccountBook& book, UtcTime at) -> Result<std::vector<store::EventDraft>> {
    std::vector<store::EventDraft> drafts;
    auto opened = book.decide_open_session(session, actor, at);
    if (!opened) return opened.error();
    drafts.push_back(std::move(*opened));
    if (!rehash.empty()) {
      if (auto set = book.decide_set_password(session.username, rehash, actor, at)) drafts.push_back(std::move(*set));
    }
    return drafts;
  });
  if (!recorded) return recorded.error();
  return out;
}

Status Authenticator::logout(const Principal& principal) {
  auto recorded = commands_.record([&](const AccountBook& book, UtcTime at) -> Result<std::vector<store::EventDraft>> {
    auto closed = book.decide_close_session(principal.session_id, "logout", principal.actor(), at);
    if (!closed) return closed.error();
    return std::vector<store::EventDraft>{std::move(*closed)};
  });
  if (!recorded) return recorded.error();
  return {};
}

std::string Authenticator::csrf_token_of(const HttpRequest& request) const {
  if (!request.header("authorization").empty()) return {};
  const std::string token = cookie_value(request.header("cookie"), options_.cookie_name);
  return token.empty() ? std::string() : csrf_token_for(token);
}

Result<Principal> Authenticator::authenticate(const HttpRequest& request) const {
  std::string token;
  bool from_cookie = false;
  const std::string authorization = request.header("authorization");
  if (authorization.rfind("Bearer ", 0) == 0) {
    token = authorization.substr(7);
  } else if (!authorization.empty()) {
    return Error(Errc::kUnauthenticated, "only Bearer tokens are accepted in Authorization");
  } else {
    token = cookie_value(request.header("cookie"), options_.cookie_name);
    from_cookie = !token.empty();
  }
  if (token.empty()) return Error(Errc::kUnauthenticated, "log in first: no session token in the request");
  const UtcTime now = clock_.now();
  const auto session = accounts_.live_session(token_digest(token), now);
  if (!session) return Error(Errc::kUnauthenticated, "the session is unknown, ended or expired; log in again");
  if ((session->kind == SessionKind::kCookie) != from_cookie) {
    return Error(Errc::kUnauthenticated, "the token is not valid in this place (cookie and bearer sessions differ)");
  }
  const auto user = accounts_.user(session->username);
  if (!user || user->disabled) return Error(Errc::kUnauthenticated, "the account is disabled");
  if (from_cookie && changes_state(request.method)) {
    if (!secrets_equal(request.header("x-csrf-token"), csrf_token_for(token))) {
      return Error(Errc::kPermissionDenied, "a console's changes need the session's X-CSRF-Token header", "X-CSRF-Token");
    }
  }
  Principal p;
  p.username = user->username;
  p.role = user->role;
  p.scope = user->scope;
  p.unit = user->unit;
  p.session_id = session->id;
  p.workstation = request.header("x-workstation").substr(0, 64);
  return p;
}

std::string Authenticator::session_cookie(const std::string& token, std::chrono::seconds lifetime) const {
  std::string cookie = options_.cookie_name + "=" + token + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
                       std::to_string(token.empty() ? 0 : lifetime.count());
  if (options_.secure_cookie) cookie += "; Secure";
  return cookie;
}

}  // namespace shouwang::server
