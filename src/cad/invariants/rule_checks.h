#pragma once
// The groups of rules listed in invariants.h; each returns the first broken rule as
// kInternal, with the rule's code and the entity in the message.

#include <string>
#include <string_view>

#include <shouwang/base/result.h>
#include <shouwang/cad/state.h>

namespace shouwang::cad {

Status check_references(const State& state);  // R1 .. R7
Status check_lifecycles(const State& state);  // L1 .. L8, T1, T2
Status check_details(const State& state);     // D1 .. D3
Status check_units(const State& state);       // U1 .. U6
Status check_circles(const State& state);     // C1, C2

inline Error broken(std::string_view rule, const std::string& what) {
  return Error(Errc::kInternal, "invariant " + std::string(rule) + " broken: " + what);
}

}  // namespace shouwang::cad
