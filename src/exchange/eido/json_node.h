#pragma once
// Reading a parsed EIDO with the JSON pointer of every value at hand. Accessors check the
// type they expect; a mismatch or a missing required member throws FieldError, which
// import_eido() turns into kInvalidArgument naming the pointer. The exception never leaves
// the import's translation units.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include <shouwang/base/clock.h>

namespace shouwang::exchange::eido {

struct FieldError {
  std::string pointer;
  std::string message;
};

// A value in the document and its pointer. Does not own the value.
class Node {
 public:
  Node(const nlohmann::json& value, std::string pointer)
      : value_(&value), pointer_(std::move(pointer)) {}

  [[nodiscard]] const std::string& pointer() const { return pointer_; }
  [[nodiscard]] const nlohmann::json& json() const { return *value_; }

  [[nodiscard]] bool is_object() const { return value_->is_object(); }
  [[nodiscard]] bool is_array() const { return value_->is_array(); }

  // Members of an object: at() requires the member; find() gives nullopt when it is absent
  // or null. Both require this to be an object.
  [[nodiscard]] Node at(std::string_view key) const;
  [[nodiscard]] std::optional<Node> find(std::string_view key) const;
  [[nodiscard]] bool has(std::string_view key) const { return find(key).has_value(); }

  // The elements of an array; items(key) of an optional array member (empty when absent).
  [[nodiscard]] std::vector<Node> items() const;
  [[nodiscard]] std::vector<Node> items(std::string_view key) const;

  [[nodiscard]] std::string string() const;
  [[nodiscard]] std::int64_t integer() const;
  [[nodiscard]] double number() const;
  [[nodiscard]] bool boolean() const;
  [[nodiscard]] UtcTime time() const;  // a NENA time stamp

  // Optional members of the given type.
  [[nodiscard]] std::optional<std::string> string(std::string_view key) const;
  [[nodiscard]] std::optional<UtcTime> time(std::string_view key) const;
  [[nodiscard]] std::optional<bool> boolean(std::string_view key) const;
  [[nodiscard]] std::optional<std::int64_t> integer(std::string_view key) const;

  // The first string of a member that is a string or an array of strings (EIDO versions
  // differ on which).
  [[nodiscard]] std::optional<std::string> first_string(std::string_view key) const;

  [[noreturn]] void fail(const std::string& message) const;

 private:
  void expect(bool ok, std::string_view what) const;

  const nlohmann::json* value_;
  std::string pointer_;
};

// "/a/b" + key, escaped per RFC 6901.
std::string pointer_append(const std::string& pointer, std::string_view key);

}  // namespace shouwang::exchange::eido
