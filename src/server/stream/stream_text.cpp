#include "server/stream/stream_text.h"

#include <nlohmann/json.hpp>

namespace shouwang::server::detail {
namespace {

std::string quoted(std::string_view text) {
  return nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

std::string change_head(std::uint64_t n, std::uint64_t seq, std::string_view tail) {
  return message_head("change", n, seq, tail);
}

std::string message_head(std::string_view type, std::uint64_t n, std::uint64_t seq, std::string_view tail) {
  std::string head = "{\"type\":\"";
  head += type;
  head += "\",\"n\":";
  head += std::to_string(n);
  head += ",\"seq\":";
  head += std::to_string(seq);
  if (tail.empty() || tail.front() != '}') head += ',';
  return head;
}

std::string heartbeat_text(std::uint64_t n, std::uint64_t seq, UtcTime t) {
  return "{\"type\":\"heartbeat\",\"n\":" + std::to_string(n) + ",\"seq\":" + std::to_string(seq) + ",\"t\":\"" +
         t.to_iso8601() + "\"}";
}

std::string resync_text(std::string_view reason, std::uint64_t seq) {
  return "{\"type\":\"resync\",\"reason\":" + quoted(reason) + ",\"seq\":" + std::to_string(seq) + "}";
}

std::string dropped_text(std::string_view reason) { return "{\"type\":\"dropped\",\"reason\":" + quoted(reason) + "}"; }

std::optional<std::string> object_tail(std::string_view rendered) {
  std::size_t begin = 0;
  while (begin < rendered.size() && is_space(rendered[begin])) ++begin;
  std::size_t end = rendered.size();
  while (end > begin && is_space(rendered[end - 1])) --end;
  if (end - begin < 2 || rendered[begin] != '{' || rendered[end - 1] != '}') return std::nullopt;
  ++begin;
  while (begin < end && is_space(rendered[begin])) ++begin;
  return std::string(rendered.substr(begin, end - begin));
}

bool is_client_ping(std::string_view text) {
  const auto message = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!message.is_object()) return false;
  const auto type = message.find("type");
  return type != message.end() && type->is_string() && type->get_ref<const std::string&>() == "ping";
}

}  // namespace shouwang::server::detail
