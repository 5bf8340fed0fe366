#pragma once
// Command-line flags of one verb: `--name value` or `--name=value`, each flag declared
// up front. Unknown flags, missing values and repeated flags are errors that name the flag.

#include <map>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <shouwang/base/result.h>

namespace shouwang::cli {

struct FlagSpec {
  std::string name;      // without dashes: "seed"
  bool takes_value = true;
  std::string help;      // one line for the usage text
};

class Args {
 public:
  // Words that do not start with "--" are positional; at most `max_positional` of them.
  static Result<Args> parse(const std::vector<std::string>& argv, const std::vector<FlagSpec>& specs,
                            std::size_t max_positional = 0);

  [[nodiscard]] const std::vector<std::string>& positional() const { return positional_; }

  [[nodiscard]] bool has(const std::string& name) const { return values_.count(name) > 0; }
  [[nodiscard]] std::optional<std::string> get(const std::string& name) const;
  // Whole numbers and decimals, with the flag named in the error.
  [[nodiscard]] Result<std::uint64_t> get_u64(const std::string& name, std::uint64_t fallback) const;
  [[nodiscard]] Result<double> get_double(const std::string& name, double fallback) const;
  [[nodiscard]] Result<int> get_port(const std::string& name, int fallback) const;
  // An offset from UTC in whole minutes, -840 to 840 (UTC-14:00 to UTC+14:00).
  [[nodiscard]] Result<std::int32_t> get_utc_offset(const std::string& name, std::int32_t fallback) const;

 private:
  std::map<std::string, std::string> values_;
  std::vector<std::string> positional_;
};

std::string usage_lines(const std::vector<FlagSpec>& specs);

}  // namespace shouwang::cli
