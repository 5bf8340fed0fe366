#include "cad/json_subset.h"

namespace shouwang::cad::testing {

std::vector<std::string> subset_mismatches(const nlohmann::json& expected,
                                           const nlohmann::json& actual, const std::string& path) {
  std::vector<std::string> out;
  const auto append = [&](std::vector<std::string> more) {
    out.insert(out.end(), more.begin(), more.end());
  };
  if (expected.is_string() && expected.get<std::string>() == "*") {
    if (actual.is_null())
      out.push_back(path + ": expected a value, found none");
    return out;
  }
  if (expected.is_object()) {
    if (!actual.is_object())
      return {path + ": expected an object, found " + actual.dump()};
    for (const auto& [key, value] : expected.items()) {
      const std::string child = path.empty() ? key : path + "." + key;
      const auto it = actual.find(key);
      if (it == actual.end()) {
        if (!value.is_null())
          out.push_back(child + ": missing");
        continue;
      }
      append(subset_mismatches(value, *it, child));
    }
    return out;
  }
  if (expected.is_array()) {
    if (!actual.is_array() || actual.size() != expected.size()) {
      return {path + ": expected " + std::to_string(expected.size()) + " items, found " +
              actual.dump()};
    }
    for (std::size_t k = 0; k < expected.size(); ++k) {
      append(subset_mismatches(expected[k], actual[k], path + "[" + std::to_string(k) + "]"));
    }
    return out;
  }
  if (expected != actual) {
    out.push_back(path + ": expected " + expected.dump() + ", found " + actual.dump());
  }
  return out;
}

}  // namespace shouwang::cad::testing
