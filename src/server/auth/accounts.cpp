#include <shouwang/server/accounts.h>

#include <algorithm>
#include <mutex>

#include <nlohmann/json.hpp>

namespace shouwang::server {
namespace {

namespace ae = account_event;
using nlohmann::json;

store::EventDraft draft(std::string_view type, const std::string& entity, json payload, const store::Actor& actor,
                        UtcTime now) {
  return {now, actor, std::string(type), {entity}, payload.dump()};
}

Error corrupt(std::string_view type, const std::string& what) {
  return Error(Errc::kCorrupt, "account event '" + std::string(type) + "' does not fit: " + what, "event");
}

Status check_profile(const UserProfile& p) {
  if (Status ok = check_username(p.username); !ok) return ok;
  if (p.display_name.size() > 64) return Error(Errc::kInvalidArgument, "a display name is at most 64 bytes", "display_name");
  if (p.scope.empty()) return Error(Errc::kInvalidArgument, "a user needs an org scope (a city, sub-bureau or station code)", "scope");
  if (p.role == Role::kUnitTerminal && p.unit.empty()) {
    return Error(Errc::kInvalidArgument, "a unit terminal account names its unit's callsign", "unit");
  }
  if (p.role != Role::kUnitTerminal && !p.unit.empty()) {
    return Error(Errc::kInvalidArgument, "only unit terminal accounts name a unit", "unit");
  }
  return {};
}

json profile_json(const UserProfile& p) {
  return {{"username", p.username}, {"display_name", p.display_name}, {"role", to_string(p.role)},
          {"scope", p.scope},       {"unit", p.unit}};
}

}  // namespace

std::string_view to_string(SessionKind kind) { return kind == SessionKind::kCookie ? "cookie" : "bearer"; }

std::optional<SessionKind> parse_session_kind(std::string_view name) {
  if (name == "cookie") return SessionKind::kCookie;
  if (name == "bearer") return SessionKind::kBearer;
  return std::nullopt;
}

Status check_username(std::string_view username) {
  const bool shape = username.size() >= 2 && username.size() <= 32 &&
                     std::all_of(username.begin(), username.end(), [](char c) {
                       return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
                     });
  if (!shape) {
    return Error(Errc::kInvalidArgument, "a username is 2 to 32 characters of a-z, 0-9, '.', '_' and '-'", "username");
  }
  return {};
}

Status AccountBook::apply(std::uint64_t, UtcTime time, std::string_view type, std::string_view payload) {
  if (!ae::is_account_event(type)) return {};
  std::unique_lock lock(mutex_);
  return apply_locked(time, type, payload);
}

Status AccountBook::apply(const store::EventView& event) {
  return apply(event.seq, event.time, event.type, event.payload);
}

Status AccountBook::apply(const store::Event& event) {
  return apply(event.seq, event.body.time, event.body.type, event.body.payload);
}

Status AccountBook::apply_locked(UtcTime time, std::string_view type, std::string_view payload) {
  const json p = json::parse(payload, nullptr, false);
  if (!p.is_object()) return corrupt(type, "the payload is not a JSON object");
  try {
    if (type == ae::kUserCreated || type == ae::kUserUpdated) {
      const std::string name = p.at("username").get<std::string>();
      const auto role = parse_role(p.at("role").get<std::string>());
      if (!role) return corrupt(type, "unknown role");
      const auto it = users_.find(name);
      if (type == ae::kUserCreated) {
        if (it != users_.end()) return corrupt(type, "user " + name + " exists already");
        User user;
        user.username = name;
        user.password_hash = p.at("password_hash").get<std::string>();
        user.created_at = user.password_set_at = time;
        users_.emplace(name, std::move(user));
      } else if (it == users_.end()) {
        return corrupt(type, "no user " + name);
      }
      User& user = users_.find(name)->second;
      user.display_name = p.at("display_name").get<std::string>();
      user.role = *role;
      user.scope = p.at("scope").get<std::string>();
      user.unit = p.at("unit").get<std::string>();
      return {};
    }
    if (type == ae::kUserPasswordSet || type == ae::kUserDisabled || type == ae::kUserEnabled) {
      const auto it = users_.find(p.at("username").get<std::string>());
      if (it == users_.end()) return corrupt(type, "no such user");
      if (type == ae::kUserPasswordSet) {
        it->second.password_hash = p.at("password_hash").get<std::string>();
        it->second.password_set_at = time;
      } else {
        it->second.disabled = type == ae::kUserDisabled;
      }
      return {};
    }
    if (type == ae::kSessionOpened) {
      // Expired sessions are dropped as time passes, so the book stays the size of the
      // sessions in use.
      std::erase_if(sessions_by_digest_, [&](const auto& entry) {
        const bool gone = entry.second.closed || entry.second.expires_at < time;
        if (gone) digest_by_session_id_.erase(entry.second.id);
        return gone;
      });
      Session s;
      s.id = p.at("session_id").get<std::string>();
      s.username = p.at("username").get<std::string>();
      s.token_digest = p.at("token_digest").get<std::string>();
      const auto kind = parse_session_kind(p.at("kind").get<std::string>());
      const auto expires = UtcTime::parse_iso8601(p.at("expires_at").get<std::string>());
      if (!kind || !expires) return corrupt(type, "bad kind or expiry");
      s.kind = *kind;
      s.expires_at = *expires;
      s.opened_at = time;
      s.client = p.value("client", "");
      if (!users_.contains(s.username)) return corrupt(type, "no user " + s.username);
      if (digest_by_session_id_.contains(s.id)) return corrupt(type, "session " + s.id + " exists already");
      digest_by_session_id_[s.id] = s.token_digest;
      sessions_by_digest_[s.token_digest] = std::move(s);
      return {};
    }
    if (type == ae::kSessionClosed) {
      const auto id = digest_by_session_id_.find(p.at("session_id").get<std::string>());
      if (id != digest_by_session_id_.end()) {
        sessions_by_digest_.erase(id->second);
        digest_by_session_id_.erase(id);
      }
      return {};  // a session that expired meanwhile was already dropped
    }
  } catch (const json::exception& e) {
    return corrupt(type, std::string("malformed payload: ") + e.what());
  }
  return corrupt(type, "unknown account event");
}

void AccountBook::clear() {
  std::unique_lock lock(mutex_);
  users_.clear();
  sessions_by_digest_.clear();
  digest_by_session_id_.clear();
}

std::optional<User> AccountBook::user(std::string_view username) const {
  std::shared_lock lock(mutex_);
  const auto it = users_.find(username);
  if (it == users_.end()) return std::nullopt;
  return it->second;
}

std::vector<User> AccountBook::users() const {
  std::shared_lock lock(mutex_);
  std::vector<User> out;
  for (const auto& [name, user] : users_) out.push_back(user);
  return out;
}

std::optional<Session> AccountBook::live_session(std::string_view digest, UtcTime now) const {
  std::shared_lock lock(mutex_);
  const auto it = sessions_by_digest_.find(digest);
  if (it == sessions_by_digest_.end() || it->second.closed || !(now < it->second.expires_at)) return std::nullopt;
  return it->second;
}

std::size_t AccountBook::live_sessions(UtcTime now) const {
  std::shared_lock lock(mutex_);
  return static_cast<std::size_t>(std::count_if(sessions_by_digest_.begin(), sessions_by_digest_.end(),
                                                [&](const auto& e) { return now < e.second.expires_at; }));
}

Result<store::EventDraft> AccountBook::decide_create_user(const UserProfile& profile, const std::string& password_hash,
                                                          const store::Actor& actor, UtcTime now) const {
  if (Status ok = check_profile(profile); !ok) return ok.error();
  if (user(profile.username)) {
    return Error(Errc::kAlreadyExists, "there is a user " + profile.username + " already", "username");
  }
  json payload = profile_json(profile);
  payload["password_hash"] = password_hash;
  return draft(ae::kUserCreated, "user:" + profile.username, std::move(payload), actor, now);
}

Result<store::EventDraft> AccountBook::decide_update_user(const UserProfile& profile, const store::Actor& actor,
                                                          UtcTime now) const {
  if (Status ok = check_profile(profile); !ok) return ok.error();
  if (!user(profile.username)) return Error(Errc::kNotFound, "there is no user " + profile.username, "username");
  return draft(ae::kUserUpdated, "user:" + profile.username, profile_json(profile), actor, now);
}

Result<store::EventDraft> AccountBook::decide_set_password(std::string_view username, const std::string& password_hash,
                                                           const store::Actor& actor, UtcTime now) const {
  if (!user(username)) return Error(Errc::kNotFound, "there is no user " + std::string(username), "username");
  return draft(ae::kUserPasswordSet, "user:" + std::string(username),
               {{"username", username}, {"password_hash", password_hash}}, actor, now);
}

Result<store::EventDraft> AccountBook::decide_disable(std::string_view username, std::string_view reason,
                                                      const store::Actor& actor, UtcTime now) const {
  const auto u = user(username);
  if (!u) return Error(Errc::kNotFound, "there is no user " + std::string(username), "username");
  if (u->disabled) return Error(Errc::kConflict, "user " + std::string(username) + " is disabled already", "username");
  if (reason.empty()) return Error(Errc::kInvalidArgument, "say why the account is disabled", "reason");
  return draft(ae::kUserDisabled, "user:" + std::string(username), {{"username", username}, {"reason", reason}},
               actor, now);
}

Result<store::EventDraft> AccountBook::decide_enable(std::string_view username, const store::Actor& actor,
                                                     UtcTime now) const {
  const auto u = user(username);
  if (!u) return Error(Errc::kNotFound, "there is no user " + std::string(username), "username");
  if (!u->disabled) return Error(Errc::kConflict, "user " + std::string(username) + " is not disabled", "username");
  return draft(ae::kUserEnabled, "user:" + std::string(username), {{"username", username}}, actor, now);
}

Result<store::EventDraft> AccountBook::decide_open_session(const Session& s, const store::Actor& actor,
                                                           UtcTime now) const {
  const auto u = user(s.username);
  if (!u || u->disabled) return Error(Errc::kUnauthenticated, "the account cannot log in", "username");
  return draft(ae::kSessionOpened, "session:" + s.id,
               {{"session_id", s.id},
                {"username", s.username},
                {"token_digest", s.token_digest},
                {"kind", to_string(s.kind)},
                {"expires_at", s.expires_at.to_iso8601()},
                {"client", s.client}},
               actor, now);
}

Result<store::EventDraft> AccountBook::decide_close_session(std::string_view session_id, std::string_view reason,
                                                            const store::Actor& actor, UtcTime now) const {
  return draft(ae::kSessionClosed, "session:" + std::string(session_id),
               {{"session_id", session_id}, {"reason", reason}}, actor, now);
}

}  // namespace shouwang::server
