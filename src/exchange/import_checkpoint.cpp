#include <shouwang/exchange/import_checkpoint.h>

#include <nlohmann/json.hpp>

namespace shouwang::exchange {
namespace {

std::string entity_of(std::string_view file_sha256) { return "import:" + std::string(file_sha256); }

}  // namespace

store::EventDraft checkpoint_draft(const ImportCheckpoint& c, const store::Actor& actor, UtcTime time) {
  nlohmann::json by_reason = nlohmann::json::object();
  for (const auto& [reason, rows] : c.skipped_by_reason) by_reason[reason] = rows;
  const nlohmann::json payload{{"file_sha256", c.file_sha256},
                               {"mapping_sha256", c.mapping_sha256},
                               {"file", c.file},
                               {"line", c.line},
                               {"rows_done", c.rows_done},
                               {"imported", c.imported},
                               {"skipped", c.skipped},
                               {"skipped_by_reason", by_reason}};
  return store::EventDraft{time, actor, std::string(kImportCheckpointType), {entity_of(c.file_sha256)},
                           payload.dump()};
}

Result<ImportCheckpoint> parse_checkpoint(std::string_view payload) {
  const auto json = nlohmann::json::parse(payload, nullptr, false);
  if (json.is_discarded() || !json.is_object()) {
    return Error(Errc::kCorrupt, "an import checkpoint's payload is not a JSON object");
  }
  ImportCheckpoint c;
  try {
    c.file_sha256 = json.at("file_sha256").get<std::string>();
    c.mapping_sha256 = json.at("mapping_sha256").get<std::string>();
    c.file = json.value("file", std::string());
    c.line = json.at("line").get<std::uint64_t>();
    c.rows_done = json.at("rows_done").get<std::uint64_t>();
    c.imported = json.at("imported").get<std::uint64_t>();
    c.skipped = json.at("skipped").get<std::uint64_t>();
    if (json.contains("skipped_by_reason")) {
      for (const auto& [reason, rows] : json.at("skipped_by_reason").items()) {
        c.skipped_by_reason[reason] = rows.get<std::uint64_t>();
      }
    }
  } catch (const nlohmann::json::exception& e) {
    // A missing field or one of the wrong type: the log holds something this code did not write.
    return Error(Errc::kCorrupt, std::string("an import checkpoint's payload is malformed: ") + e.what());
  }
  return c;
}

Result<std::optional<FoundCheckpoint>> find_latest_checkpoint(const store::EventLog& log,
                                                              std::string_view file_sha256) {
  const std::string entity = entity_of(file_sha256);
  std::optional<FoundCheckpoint> latest;
  Status parsed;
  auto scanned = log.scan(1, [&](const store::EventView& event) {
    if (event.type != kImportCheckpointType || event.entities.empty() || event.entities.front() != entity) return true;
    auto checkpoint = parse_checkpoint(event.payload);
    if (!checkpoint) {
      parsed = Error(Errc::kCorrupt, "event " + std::to_string(event.seq) + ": " + checkpoint.error().message);
      return false;
    }
    latest = FoundCheckpoint{std::move(checkpoint).value(), event.seq};
    return true;
  });
  if (!scanned) return scanned.error();
  if (!parsed) return parsed.error();
  return latest;
}

}  // namespace shouwang::exchange
