#pragma once
// Import progress, kept in the event log itself: every batch an import appends ends with
// one `import.checkpoint` event saying how far into the file the batch reaches. The batch's
// domain events and its checkpoint are one append, so they are durable together or not at
// all; a rerun of the same file continues after the latest checkpoint, and each row is
// imported exactly once however often the import is killed and restarted.
//
// The event is not a domain event (cad::event_type::is_domain_event is false), so the
// domain projection skips it. Payload:
//   {file_sha256, mapping_sha256, file, line, rows_done, imported, skipped, skipped_by_reason}
// with `line` the last physical line of the last record the batch covers and `rows_done`
// the number of data records covered from the start of the file (imported + skipped).

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <shouwang/base/clock.h>
#include <shouwang/base/result.h>
#include <shouwang/store/event.h>
#include <shouwang/store/event_log.h>

namespace shouwang::exchange {

inline constexpr std::string_view kImportCheckpointType = "import.checkpoint";

struct ImportCheckpoint {
  std::string file_sha256;     // of the CSV text (import_source.h)
  std::string mapping_sha256;  // of the mapping text
  std::string file;            // the file's name, for people reading the log
  std::uint64_t line = 0;
  std::uint64_t rows_done = 0;
  std::uint64_t imported = 0;
  std::uint64_t skipped = 0;
  std::map<std::string, std::uint64_t> skipped_by_reason;  // reject reason name -> rows
  friend bool operator==(const ImportCheckpoint&, const ImportCheckpoint&) = default;
};

// The checkpoint as an event draft at `time` by `actor`; its entity is "import:<file_sha256>".
store::EventDraft checkpoint_draft(const ImportCheckpoint& checkpoint, const store::Actor& actor, UtcTime time);

// Reads a checkpoint event's payload; kCorrupt when it is not one.
Result<ImportCheckpoint> parse_checkpoint(std::string_view payload);

// The latest checkpoint of the file with this hash in the log, with its sequence number;
// nullopt when the file was never imported into it.
struct FoundCheckpoint {
  ImportCheckpoint checkpoint;
  std::uint64_t seq = 0;
};
Result<std::optional<FoundCheckpoint>> find_latest_checkpoint(const store::EventLog& log,
                                                              std::string_view file_sha256);

}  // namespace shouwang::exchange
