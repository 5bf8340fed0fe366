#include "exchange/eido/json_node.h"

#include <cmath>

namespace shouwang::exchange::eido {
namespace {

std::string_view type_name(const nlohmann::json& v) {
  switch (v.type()) {
    case nlohmann::json::value_t::null:
      return "null";
    case nlohmann::json::value_t::object:
      return "an object";
    case nlohmann::json::value_t::array:
      return "an array";
    case nlohmann::json::value_t::string:
      return "a string";
    case nlohmann::json::value_t::boolean:
      return "a boolean";
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float:
      return "a number";
    default:
      return "a binary value";
  }
}

}  // namespace

std::string pointer_append(const std::string& pointer, std::string_view key) {
  std::string out = pointer + "/";
  for (const char ch : key) {
    if (ch == '~')
      out += "~0";
    else if (ch == '/')
      out += "~1";
    else
      out += ch;
  }
  return out;
}

void Node::fail(const std::string& message) const {
  // The empty pointer is the whole document (RFC 6901).
  throw FieldError{pointer_, (pointer_.empty() ? std::string("the document") : pointer_) + " " + message};
}

void Node::expect(bool ok, std::string_view what) const {
  if (!ok)
    fail("must be " + std::string(what) + ", not " + std::string(type_name(*value_)));
}

Node Node::at(std::string_view key) const {
  auto member = find(key);
  if (!member) {
    throw FieldError{pointer_append(pointer_, key),
                     pointer_append(pointer_, key) + " is required but missing"};
  }
  return *member;
}

std::optional<Node> Node::find(std::string_view key) const {
  expect(value_->is_object(), "an object");
  const auto it = value_->find(key);
  if (it == value_->end() || it->is_null())
    return std::nullopt;
  return Node(*it, pointer_append(pointer_, key));
}

std::vector<Node> Node::items() const {
  expect(value_->is_array(), "an array");
  std::vector<Node> out;
  out.reserve(value_->size());
  for (std::size_t k = 0; k < value_->size(); ++k)
    out.emplace_back((*value_)[k], pointer_ + "/" + std::to_string(k));
  return out;
}

std::vector<Node> Node::items(std::string_view key) const {
  const auto member = find(key);
  return member ? member->items() : std::vector<Node>();
}

std::string Node::string() const {
  expect(value_->is_string(), "a string");
  return value_->get<std::string>();
}

std::int64_t Node::integer() const {
  if (value_->is_number_integer())
    return value_->get<std::int64_t>();
  if (value_->is_number_unsigned()) {
    const auto v = value_->get<std::uint64_t>();
    if (v <= static_cast<std::uint64_t>(INT64_MAX))
      return static_cast<std::int64_t>(v);
  }
  if (value_->is_number_float()) {
    const double v = value_->get<double>();
    if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 9e15)
      return static_cast<std::int64_t>(v);
  }
  fail("must be a whole number");
}

double Node::number() const {
  expect(value_->is_number(), "a number");
  return value_->get<double>();
}

bool Node::boolean() const {
  expect(value_->is_boolean(), "a boolean");
  return value_->get<bool>();
}

UtcTime Node::time() const {
  auto parsed = UtcTime::parse_iso8601(string());
  if (!parsed.ok())
    fail("must be a NENA time stamp (RFC 3339 with a UTC offset): " + parsed.error().message);
  return *parsed;
}

std::optional<std::string> Node::string(std::string_view key) const {
  const auto member = find(key);
  return member ? std::optional<std::string>(member->string()) : std::nullopt;
}

std::optional<UtcTime> Node::time(std::string_view key) const {
  const auto member = find(key);
  return member ? std::optional<UtcTime>(member->time()) : std::nullopt;
}

std::optional<bool> Node::boolean(std::string_view key) const {
  const auto member = find(key);
  return member ? std::optional<bool>(member->boolean()) : std::nullopt;
}

std::optional<std::int64_t> Node::integer(std::string_view key) const {
  const auto member = find(key);
  return member ? std::optional<std::int64_t>(member->integer()) : std::nullopt;
}

std::optional<std::string> Node::first_string(std::string_view key) const {
  const auto member = find(key);
  if (!member)
    return std::nullopt;
  if (member->json().is_array()) {
    const auto list = member->items();
    if (list.empty())
      return std::nullopt;
    return list.front().string();
  }
  return member->string();
}

}  // namespace shouwang::exchange::eido
