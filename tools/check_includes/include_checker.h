#pragma once
// Checks the module dependency rule on a source tree: every #include of a Shouwang header
// must point at the including module itself or at a module it may use.

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <shouwang/base/result.h>

namespace shouwang::tools {

// module -> modules it may use (its own module is always allowed).
using ModuleRules = std::map<std::string, std::set<std::string>>;

// Parses "module: dep dep" lines; '#' starts a comment. Errors name the line.
Result<ModuleRules> parse_rules(const std::string& text, const std::string& source_name);

struct Violation {
  std::string file;  // relative to the tree's root
  int line = 0;
  std::string message;
};

// Scans include/shouwang/<m>/ and src/<m>/ below `root` (files ending .h, .hpp, .cpp, .cc).
std::vector<Violation> check_tree(const std::filesystem::path& root, const ModuleRules& rules);

}  // namespace shouwang::tools
