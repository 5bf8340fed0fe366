#include <array>

#include <shouwang/cad/incident.h>

#include "cad/enum_names.h"

namespace shouwang::cad {
namespace {

constexpr std::array<EnumName<PrioritySource>, 3> kNames{{
    {PrioritySource::kDefault, "default"},
    {PrioritySource::kTypeDefault, "type_default"},
    {PrioritySource::kDispatcher, "dispatcher"},
}};

}  // namespace

std::string_view to_string(PrioritySource source) {
  return name_in<PrioritySource>(kNames, source);
}

std::optional<PrioritySource> parse_priority_source(std::string_view name) {
  return value_in<PrioritySource>(kNames, name);
}

}  // namespace shouwang::cad
