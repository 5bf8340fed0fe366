#include "store/utf8_drafts.h"

#include <string>

namespace shouwang::store::detail {

bool is_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80) {
      ++i;
      continue;
    }
    int length = 0;
    unsigned char low = 0x80;  // the allowed range of the second byte
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0)
        low = 0xA0;  // overlong
      if (lead == 0xED)
        high = 0x9F;  // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0)
        low = 0x90;  // overlong
      if (lead == 0xF4)
        high = 0x8F;  // above U+10FFFF
    } else {
      return false;
    }
    if (i + static_cast<std::size_t>(length) > text.size())
      return false;
    for (int k = 1; k < length; ++k) {
      const auto c = static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]);
      if (k == 1 ? (c < low || c > high) : (c < 0x80 || c > 0xBF))
        return false;
    }
    i += static_cast<std::size_t>(length);
  }
  return true;
}

Status check_utf8(const std::vector<EventDraft>& drafts) {
  for (std::size_t i = 0; i < drafts.size(); ++i) {
    const EventDraft& d = drafts[i];
    const char* field = nullptr;
    if (!is_utf8(d.actor.user) || !is_utf8(d.actor.role) || !is_utf8(d.actor.workstation))
      field = "actor";
    if (!is_utf8(d.type))
      field = "type";
    for (const std::string& id : d.entities) {
      if (!is_utf8(id))
        field = "entities";
    }
    if (!is_utf8(d.payload))
      field = "payload";
    if (field != nullptr) {
      return Error(Errc::kInvalidArgument,
                   "event " + std::to_string(i + 1) + " of " + std::to_string(drafts.size()) +
                       ": the " + field + " is not valid UTF-8",
                   field);
    }
  }
  return {};
}

}  // namespace shouwang::store::detail
