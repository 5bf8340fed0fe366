#pragma once
// Disposition codes (处置结果): how an incident ended, in the spirit of APCO 1.111 and
// GA/T 2000.152. Shipped as data/taxonomy/dispositions.tsv (format:
// docs/formats/incident-taxonomy.md).

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <shouwang/base/result.h>

namespace shouwang::cad {

struct DispositionCode {
  std::string code;         // "20"
  std::string name_zh;      // "现场调解"
  std::string name_en;      // "Mediated at the scene"
  std::string common_code;  // "MEDIATED"
};

// Immutable after loading; safe to share between threads.
class DispositionCodes {
 public:
  // Errors as for IncidentTypes::parse.
  static Result<DispositionCodes> parse(std::string_view text, std::string_view source);
  static Result<DispositionCodes> load(const std::filesystem::path& path);

  [[nodiscard]] const DispositionCode* find(std::string_view code) const;
  [[nodiscard]] const std::vector<DispositionCode>& all() const { return codes_; }
  [[nodiscard]] std::size_t size() const { return codes_.size(); }

 private:
  std::vector<DispositionCode> codes_;
};

}  // namespace shouwang::cad
