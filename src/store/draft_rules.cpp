#include "store/draft_rules.h"

#include <nlohmann/json.hpp>

#include "store/utf8_drafts.h"

namespace shouwang::store::detail {
namespace {

constexpr char kSeparator = '\x1f';

bool has_control_character(std::string_view s) {
  for (const char c : s) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return true;
  }
  return false;
}

}  // namespace

Status check_drafts(const std::vector<EventDraft>& drafts) {
  if (drafts.empty()) return Error(Errc::kInvalidArgument, "an append needs at least one event", "events");
  for (std::size_t i = 0; i < drafts.size(); ++i) {
    const EventDraft& d = drafts[i];
    const std::string where = "event " + std::to_string(i + 1) + " of " + std::to_string(drafts.size());
    if (d.type.empty() || d.type.size() > 100 || has_control_character(d.type)) {
      return Error(Errc::kInvalidArgument, where + ": the type must be 1 to 100 printable characters", "type");
    }
    for (const std::string& id : d.entities) {
      if (id.empty() || id.size() > 200 || has_control_character(id)) {
        return Error(Errc::kInvalidArgument, where + ": entity id '" + id + "' must be 1 to 200 printable characters",
                     "entities");
      }
    }
    if (has_control_character(d.actor.user) || has_control_character(d.actor.role) ||
        has_control_character(d.actor.workstation)) {
      return Error(Errc::kInvalidArgument, where + ": the actor holds a control character", "actor");
    }
    const auto first = d.payload.find_first_not_of(" \t\r\n");
    if (first == std::string::npos || d.payload[first] != '{' || !nlohmann::json::accept(d.payload)) {
      return Error(Errc::kInvalidArgument, where + ": the payload is not a JSON object", "payload");
    }
  }
  return check_utf8(drafts);
}

std::string join_entities(const std::vector<std::string>& ids) {
  std::string out;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) out.push_back(kSeparator);
    out += ids[i];
  }
  return out;
}

std::vector<std::string> split_entities(std::string_view joined) {
  std::vector<std::string> out;
  if (joined.empty()) return out;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = joined.find(kSeparator, start);
    out.emplace_back(joined.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return out;
    start = end + 1;
  }
}

void split_entities(std::string_view joined, std::vector<std::string_view>& out) {
  out.clear();
  if (joined.empty()) return;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = joined.find(kSeparator, start);
    out.push_back(joined.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return;
    start = end + 1;
  }
}

}  // namespace shouwang::store::detail
