#include <shouwang/osm/car_profile.h>

#include <shouwang/base/text.h>

#include <cmath>
#include <cstdlib>
#include <fstream>

namespace shouwang::osm {

CarProfile CarProfile::chinese_urban() {
  CarProfile p;
  p.speed_kmh = {
      {"motorway", 80},     {"motorway_link", 40}, {"trunk", 60},         {"trunk_link", 35},
      {"primary", 40},      {"primary_link", 30},  {"secondary", 35},     {"secondary_link", 25},
      {"tertiary", 30},     {"tertiary_link", 20}, {"unclassified", 25},  {"residential", 20},
      {"living_street", 10}, {"service", 15},      {"road", 20},
  };
  return p;
}

CarProfile CarProfile::emergency_vehicle() {
  CarProfile p = chinese_urban();
  p.emergency = true;
  p.speed_kmh["busway"] = 35;
  return p;
}

Result<CarProfile> CarProfile::load(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Error(Errc::kNotFound, "cannot read profile " + path, "profile");
  CarProfile p = chinese_urban();
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    line = trim(line.substr(0, line.find('#')));
    if (line.empty()) continue;
    const std::string where = path + ":" + std::to_string(number) + ": ";
    const auto eq = line.find('=');
    if (eq == std::string::npos) return Error(Errc::kInvalidArgument, where + "expected 'key = value'", "profile");
    const std::string key = trim(line.substr(0, eq));
    const std::string value = trim(line.substr(eq + 1));
    if (key == "emergency") {
      if (value != "true" && value != "false") return Error(Errc::kInvalidArgument, where + "emergency must be true or false", key);
      p.emergency = value == "true";
      continue;
    }
    const bool speed_key = key.rfind("highway.", 0) == 0 && key.size() > 8;
    if (key != "maxspeed_factor" && !speed_key) {
      return Error(Errc::kInvalidArgument, where + "unknown key '" + key + "'", key);
    }
    char* end = nullptr;
    const double number_value = std::strtod(value.c_str(), &end);
    if (value.empty() || *end != '\0' || !std::isfinite(number_value)) {
      return Error(Errc::kInvalidArgument, where + key + " needs a number, got '" + value + "'", key);
    }
    if (key == "maxspeed_factor") {
      if (number_value <= 0 || number_value > 1.5) return Error(Errc::kOutOfRange, where + "maxspeed_factor must be in (0, 1.5]", key);
      p.maxspeed_factor = number_value;
    } else {
      if (number_value < 0 || number_value > 200) return Error(Errc::kOutOfRange, where + key + " must be 0 to 200 km/h", key);
      if (number_value == 0) {
        p.speed_kmh.erase(key.substr(8));
      } else {
        p.speed_kmh[key.substr(8)] = number_value;
      }
    }
  }
  return p;
}

}  // namespace shouwang::osm
