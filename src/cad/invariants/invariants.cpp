#include <shouwang/cad/invariants.h>

#include "cad/invariants/rule_checks.h"

namespace shouwang::cad {

Status check_invariants(const State& state) {
  if (auto s = check_references(state); !s.ok())
    return s;
  if (auto s = check_lifecycles(state); !s.ok())
    return s;
  if (auto s = check_details(state); !s.ok())
    return s;
  if (auto s = check_units(state); !s.ok())
    return s;
  return check_circles(state);
}

}  // namespace shouwang::cad
