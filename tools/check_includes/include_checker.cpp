#include "include_checker.h"

#include <shouwang/base/text.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace shouwang::tools {
namespace {

std::string join(const std::set<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : " ") + i;
  return out.empty() ? "nothing" : out;
}

bool is_source(const std::filesystem::path& p) {
  const auto ext = p.extension().string();
  return ext == ".h" || ext == ".hpp" || ext == ".cpp" || ext == ".cc";
}

// The first path segment of an include target: "shouwang/cad/x.h" -> ("cad", public).
struct Target {
  std::string module;
  bool is_public = false;
};

std::optional<Target> parse_include(const std::string& line, const ModuleRules& rules) {
  std::string s = trim(line);
  if (s.empty() || s[0] != '#') return std::nullopt;
  s = trim(s.substr(1));
  if (s.rfind("include", 0) != 0) return std::nullopt;
  s = trim(s.substr(7));
  if (s.size() < 2 || (s[0] != '<' && s[0] != '"')) return std::nullopt;
  const char close = s[0] == '<' ? '>' : '"';
  const auto end = s.find(close, 1);
  if (end == std::string::npos) return std::nullopt;
  const std::string path = s.substr(1, end - 1);
  const auto slash = path.find('/');
  if (slash == std::string::npos) return std::nullopt;
  const std::string first = path.substr(0, slash);
  if (first == "shouwang") {
    const auto second = path.find('/', slash + 1);
    if (second == std::string::npos) return std::nullopt;
    return Target{path.substr(slash + 1, second - slash - 1), true};
  }
  if (s[0] == '"' && rules.count(first) > 0) return Target{first, false};
  return std::nullopt;
}

}  // namespace

Result<ModuleRules> parse_rules(const std::string& text, const std::string& source_name) {
  ModuleRules rules;
  std::istringstream in(text);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    line = trim(line.substr(0, line.find('#')));
    if (line.empty()) continue;
    const auto colon = line.find(':');
    const std::string where = source_name + ":" + std::to_string(number);
    if (colon == std::string::npos) {
      return Error(Errc::kInvalidArgument, where + ": expected 'module: dependencies', got '" + line + "'");
    }
    const std::string module = trim(line.substr(0, colon));
    if (module.empty() || rules.count(module) > 0) {
      return Error(Errc::kInvalidArgument, where + ": module name missing or repeated: '" + module + "'");
    }
    std::istringstream deps(line.substr(colon + 1));
    std::set<std::string> allowed;
    for (std::string dep; deps >> dep;) allowed.insert(dep);
    rules[module] = std::move(allowed);
  }
  for (const auto& [module, deps] : rules) {
    for (const auto& dep : deps) {
      if (rules.count(dep) == 0) {
        return Error(Errc::kInvalidArgument, source_name + ": " + module + " uses unknown module '" + dep + "'");
      }
    }
  }
  return rules;
}

std::vector<Violation> check_tree(const std::filesystem::path& root, const ModuleRules& rules) {
  namespace fs = std::filesystem;
  std::vector<Violation> violations;
  std::vector<std::pair<fs::path, std::string>> files;  // file, its module
  for (const auto& [module, deps] : rules) {
    for (const fs::path& dir : {root / "include" / "shouwang" / module, root / "src" / module}) {
      std::error_code ec;
      if (!fs::is_directory(dir, ec)) continue;
      for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        if (entry.is_regular_file() && is_source(entry.path())) files.emplace_back(entry.path(), module);
      }
    }
  }
  std::sort(files.begin(), files.end());
  for (const auto& [file, module] : files) {
    std::ifstream in(file);
    std::string line;
    int number = 0;
    const std::string rel = fs::relative(file, root).string();
    while (std::getline(in, line)) {
      ++number;
      const auto target = parse_include(line, rules);
      if (!target || target->module == module) continue;
      const auto rule = rules.find(target->module);
      if (rule == rules.end()) {
        violations.push_back({rel, number, "includes a header of unknown module '" + target->module + "'"});
        continue;
      }
      if (!target->is_public) {
        violations.push_back({rel, number, module + " must not include private headers of " + target->module +
                                               " (src/" + target->module + "/ is internal to that module)"});
        continue;
      }
      const auto& allowed = rules.at(module);
      if (allowed.count(target->module) == 0) {
        violations.push_back({rel, number, module + " must not include " + target->module + " headers (" + module +
                                               " may use: " + join(allowed) + ")"});
      }
    }
  }
  return violations;
}

}  // namespace shouwang::tools
