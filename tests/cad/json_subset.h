#pragma once
// "Does the actual JSON contain what the scenario expects?": objects match when every
// expected key matches (other keys are ignored), arrays when they have the same length
// and match element by element, scalars when equal. Two expected values are special: the
// string "*" matches any present value, and null matches an absent (or null) value.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace shouwang::cad::testing {

// One line per mismatch, naming its path; empty when `actual` contains `expected`.
std::vector<std::string> subset_mismatches(const nlohmann::json& expected,
                                           const nlohmann::json& actual,
                                           const std::string& path = "");

}  // namespace shouwang::cad::testing
