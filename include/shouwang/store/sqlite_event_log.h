#pragma once
// The embedded default back end: one SQLite file in WAL mode with synchronous=FULL, so a
// commit is on disk when it returns. One committer thread owns the write connection
// (group commit); reads use their own connection and never block the writer.

#include <memory>
#include <string>

#include <shouwang/store/event_log.h>

namespace shouwang::store {

// Opens or creates the log at `path`. With options.verify_on_open, a log whose chain does
// not verify is refused (kCorrupt naming the first broken record).
Result<std::unique_ptr<EventLog>> open_sqlite_event_log(const std::string& path, const OpenOptions& options = {});

}  // namespace shouwang::store
