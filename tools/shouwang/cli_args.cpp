#include "cli_args.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace shouwang::cli {

Result<Args> Args::parse(const std::vector<std::string>& argv, const std::vector<FlagSpec>& specs,
                         std::size_t max_positional) {
  Args args;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string& word = argv[i];
    if (word.rfind("--", 0) != 0 && args.positional_.size() < max_positional) {
      args.positional_.push_back(word);
      continue;
    }
    if (word.rfind("--", 0) != 0 || word.size() == 2) {
      return Error(Errc::kInvalidArgument, "unexpected argument '" + word + "' (flags start with --)", word);
    }
    std::string name = word.substr(2);
    std::optional<std::string> inline_value;
    if (const auto eq = name.find('='); eq != std::string::npos) {
      inline_value = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    const FlagSpec* spec = nullptr;
    for (const auto& s : specs) {
      if (s.name == name) spec = &s;
    }
    if (spec == nullptr) return Error(Errc::kInvalidArgument, "unknown flag --" + name, "--" + name);
    if (args.values_.count(name) > 0) {
      return Error(Errc::kInvalidArgument, "flag --" + name + " is given twice", "--" + name);
    }
    if (!spec->takes_value) {
      if (inline_value) return Error(Errc::kInvalidArgument, "flag --" + name + " takes no value", "--" + name);
      args.values_[name] = "";
      continue;
    }
    if (inline_value) {
      args.values_[name] = *inline_value;
    } else if (i + 1 < argv.size() && argv[i + 1].rfind("--", 0) != 0) {
      args.values_[name] = argv[++i];
    } else {
      return Error(Errc::kInvalidArgument, "flag --" + name + " needs a value", "--" + name);
    }
    if (args.values_[name].empty()) {
      return Error(Errc::kInvalidArgument, "flag --" + name + " needs a non-empty value", "--" + name);
    }
  }
  return args;
}

std::optional<std::string> Args::get(const std::string& name) const {
  const auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

Result<std::uint64_t> Args::get_u64(const std::string& name, std::uint64_t fallback) const {
  const auto text = get(name);
  if (!text) return fallback;
  std::uint64_t value = 0;
  const char* end = text->data() + text->size();
  const auto [ptr, ec] = std::from_chars(text->data(), end, value);
  if (ec != std::errc() || ptr != end) {
    return Error(Errc::kInvalidArgument,
                 "--" + name + " must be a whole number from 0 to 18446744073709551615, got '" + *text + "'",
                 "--" + name);
  }
  return value;
}

Result<double> Args::get_double(const std::string& name, double fallback) const {
  const auto text = get(name);
  if (!text) return fallback;
  char* end = nullptr;
  const double value = std::strtod(text->c_str(), &end);
  if (end != text->c_str() + text->size() || !std::isfinite(value)) {
    return Error(Errc::kInvalidArgument, "--" + name + " must be a number, got '" + *text + "'", "--" + name);
  }
  return value;
}

Result<int> Args::get_port(const std::string& name, int fallback) const {
  const auto value = get_u64(name, static_cast<std::uint64_t>(fallback));
  if (!value) return value.error();
  if (*value > 65535) {
    return Error(Errc::kOutOfRange, "--" + name + " must be a TCP port from 0 to 65535", "--" + name);
  }
  return static_cast<int>(*value);
}

Result<std::int32_t> Args::get_utc_offset(const std::string& name, std::int32_t fallback) const {
  const auto text = get(name);
  if (!text) return fallback;
  char* end = nullptr;
  const long minutes = std::strtol(text->c_str(), &end, 10);
  if (text->empty() || *end != '\0' || minutes < -14 * 60 || minutes > 14 * 60) {
    return Error(Errc::kInvalidArgument, "--" + name + " is a whole number of minutes from -840 to 840, e.g. -420",
                 "--" + name);
  }
  return static_cast<std::int32_t>(minutes);
}

std::string usage_lines(const std::vector<FlagSpec>& specs) {
  std::string out;
  for (const auto& s : specs) {
    std::string flag = "  --" + s.name + (s.takes_value ? " VALUE" : "");
    if (flag.size() < 24) flag.resize(24, ' ');
    out += flag + " " + s.help + "\n";
  }
  return out;
}

}  // namespace shouwang::cli
