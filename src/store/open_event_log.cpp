#include <shouwang/store/event_log.h>

#include <shouwang/store/postgres_event_log.h>
#include <shouwang/store/sqlite_event_log.h>

namespace shouwang::store {

Result<std::unique_ptr<EventLog>> open_event_log(const std::string& url, const OpenOptions& options) {
  constexpr std::string_view kSqlite = "sqlite:";
  if (url.starts_with(kSqlite)) {
    const std::string path = url.substr(kSqlite.size());
    if (path.empty()) return Error(Errc::kInvalidArgument, "sqlite: needs a file path, as in sqlite:var/events.db", "db");
    return open_sqlite_event_log(path, options);
  }
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    return open_postgres_event_log(url, options);
  }
  // Only the part before the first ':' is echoed: the rest may hold a password.
  return Error(Errc::kInvalidArgument,
               "unknown kind of event log '" + url.substr(0, url.find(':')) +
                   "': use sqlite:FILE or postgresql://USER@HOST:PORT/DATABASE",
               "db");
}

}  // namespace shouwang::store
