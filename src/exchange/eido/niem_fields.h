#pragma once
// Where the fields of a person or vehicle go inside the NIEM objects of an EIDO
// (ncPersonComponent, ncVehicleComponent). Keys follow the EIDO schema's NIEM conversion:
// the NIEM element name in lower camel case, without the type's own prefix, every property
// an array. A phone number is not here: it goes to a callback component.

#include <span>
#include <string_view>
#include <vector>

namespace shouwang::exchange::eido {

struct NiemPath {
  std::string_view field;                // our field name ("id_number")
  std::vector<std::string_view> steps;   // keys; "*" is the first element of an array
  std::string_view element;              // the NIEM element, for documentation
};

std::span<const NiemPath> person_paths();
std::span<const NiemPath> vehicle_paths();

}  // namespace shouwang::exchange::eido
