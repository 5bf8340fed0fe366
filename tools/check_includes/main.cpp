// check_includes ROOT [RULES]: prints every include that breaks the module dependency rule
// as "file:line: message" and exits 1 if there is any, 0 if the tree is clean, 2 on bad usage.

#include <fstream>
#include <iostream>
#include <sstream>

#include "include_checker.h"

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::cerr << "usage: check_includes ROOT [RULES_FILE]\n";
    return 2;
  }
  const std::filesystem::path root = argv[1];
  const std::filesystem::path rules_path = argc == 3 ? std::filesystem::path(argv[2]) : root / "tools/check_includes/module_rules.txt";
  std::ifstream in(rules_path);
  if (!in) {
    std::cerr << "check_includes: cannot read " << rules_path.string() << "\n";
    return 2;
  }
  std::stringstream text;
  text << in.rdbuf();
  const auto rules = shouwang::tools::parse_rules(text.str(), rules_path.filename().string());
  if (!rules) {
    std::cerr << "check_includes: " << rules.error().message << "\n";
    return 2;
  }
  const auto violations = shouwang::tools::check_tree(root, *rules);
  for (const auto& v : violations) std::cout << v.file << ":" << v.line << ": " << v.message << "\n";
  if (!violations.empty()) {
    std::cout << violations.size() << " include(s) break the module dependency rule\n";
    return 1;
  }
  std::cout << "module dependency rule holds\n";
  return 0;
}
