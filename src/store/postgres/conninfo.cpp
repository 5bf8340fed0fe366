#include "store/postgres/conninfo.h"

#include <libpq-fe.h>
#include <string_view>

namespace shouwang::store::postgres {
namespace {

// The password exactly as written in a URL: "scheme://user:PASSWORD@host/..." and
// "...?password=PASSWORD&...". libpq reports the decoded form; both are scrubbed.
void add_raw_url_passwords(std::string_view url, std::vector<std::string>& secrets) {
  const std::size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos)
    return;
  const std::size_t authority_begin = scheme_end + 3;
  const std::size_t authority_end = url.find_first_of("/?", authority_begin);
  const std::string_view authority = url.substr(
      authority_begin, authority_end == std::string_view::npos ? std::string_view::npos
                                                               : authority_end - authority_begin);
  const std::size_t at = authority.rfind('@');
  if (at != std::string_view::npos) {
    const std::string_view userinfo = authority.substr(0, at);
    const std::size_t colon = userinfo.find(':');
    if (colon != std::string_view::npos)
      secrets.emplace_back(userinfo.substr(colon + 1));
  }
  for (std::size_t key = url.find("password=", authority_begin); key != std::string_view::npos;
       key = url.find("password=", key + 1)) {
    const std::size_t begin = key + 9;
    const std::size_t end = url.find('&', begin);
    secrets.emplace_back(
        url.substr(begin, end == std::string_view::npos ? std::string_view::npos : end - begin));
  }
}

}  // namespace

ConninfoText describe_conninfo(const std::string& conninfo) {
  ConninfoText out;
  add_raw_url_passwords(conninfo, out.secrets);
  char* message = nullptr;
  PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &message);
  if (options == nullptr) {
    std::string reason = message != nullptr ? message : "out of memory";
    PQfreemem(message);
    while (!reason.empty() && (reason.back() == '\n' || reason.back() == ' '))
      reason.pop_back();
    out.description =
        "the PostgreSQL database (malformed connection string: " + scrub(reason, out.secrets) + ")";
    return out;
  }
  std::string user, host, port, dbname;
  for (const PQconninfoOption* o = options; o->keyword != nullptr; ++o) {
    if (o->val == nullptr || *o->val == '\0')
      continue;
    const std::string_view keyword = o->keyword;
    if (keyword == "password")
      out.secrets.emplace_back(o->val);
    if (keyword == "user")
      user = o->val;
    if (keyword == "host" || (keyword == "hostaddr" && host.empty()))
      host = o->val;
    if (keyword == "port")
      port = o->val;
    if (keyword == "dbname")
      dbname = o->val;
  }
  PQconninfoFree(options);
  out.description = "postgresql://" + (user.empty() ? "" : user + "@") +
                    (host.empty() ? "localhost" : host) + (port.empty() ? "" : ":" + port) + "/" +
                    dbname;
  out.description = scrub(out.description, out.secrets);
  return out;
}

std::string scrub(std::string text, const std::vector<std::string>& secrets) {
  for (const std::string& secret : secrets) {
    if (secret.empty())
      continue;
    for (std::size_t at = text.find(secret); at != std::string::npos;
         at = text.find(secret, at + 3)) {
      text.replace(at, secret.size(), "***");
    }
  }
  return text;
}

}  // namespace shouwang::store::postgres
