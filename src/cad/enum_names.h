#pragma once
// Name tables for the domain's enumerations: every enum value has one stable snake_case
// name used in event payloads, snapshots and messages.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace shouwang::cad {

template <typename E>
struct EnumName {
  E value;
  std::string_view name;
};

// The name of `value`; "?" for a value missing from the table (a programmer error).
template <typename E>
std::string_view name_in(std::span<const EnumName<E>> table, E value) {
  for (const auto& entry : table) {
    if (entry.value == value)
      return entry.name;
  }
  return "?";
}

template <typename E>
std::optional<E> value_in(std::span<const EnumName<E>> table, std::string_view name) {
  for (const auto& entry : table) {
    if (entry.name == name)
      return entry.value;
  }
  return std::nullopt;
}

// "a, b, c": the accepted names, for error messages.
template <typename E>
std::string names_in(std::span<const EnumName<E>> table) {
  std::string out;
  for (const auto& entry : table) {
    if (!out.empty())
      out += ", ";
    out += entry.name;
  }
  return out;
}

}  // namespace shouwang::cad
