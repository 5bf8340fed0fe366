#pragma once
// Typed access to the tables of a mapping's TOML document, with errors that name the
// mapping file, the line and the dotted key ("m.toml:12: time.received: ..."). Absent
// optional keys are std::nullopt; a key of the wrong type or an unknown key is an error,
// so a misspelt setting never passes unnoticed.

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include <toml++/toml.h>

#include <shouwang/base/result.h>
#include <shouwang/exchange/import_mapping.h>

namespace shouwang::exchange::detail {

// Parses TOML text; a syntax error names `source`, the line and the column
// ("m.toml:3:7: ...").
Result<toml::table> parse_toml(std::string_view text, std::string_view source);

class TomlFields {
 public:
  explicit TomlFields(std::string source) : source_(std::move(source)) {}

  [[nodiscard]] Error error(const MappingKey& at, std::string_view message) const;
  // The key `path` (dotted) as written at `node`.
  [[nodiscard]] static MappingKey key_at(const toml::node& node, std::string path);
  [[nodiscard]] static std::string join(std::string_view path, std::string_view name);

  // Every key of `table` (at `path`) must be one of `allowed`.
  [[nodiscard]] Status only(const toml::table& table, std::string_view path,
                            std::initializer_list<std::string_view> allowed) const;

  // Optional values of `table` (at `path`); present with the wrong type is an error.
  [[nodiscard]] Result<std::optional<std::string>> string(const toml::table& table, std::string_view path,
                                                          std::string_view name) const;
  [[nodiscard]] Result<std::optional<std::int64_t>> integer(const toml::table& table, std::string_view path,
                                                            std::string_view name) const;
  [[nodiscard]] Result<std::optional<double>> number(const toml::table& table, std::string_view path,
                                                     std::string_view name) const;
  [[nodiscard]] Result<const toml::table*> table(const toml::table& parent, std::string_view path,
                                                 std::string_view name) const;  // nullptr when absent
  [[nodiscard]] Result<const toml::array*> array(const toml::table& parent, std::string_view path,
                                                 std::string_view name) const;  // nullptr when absent

  // A required string: missing is an error at the table's line.
  [[nodiscard]] Result<std::string> required_string(const toml::table& table, std::string_view path,
                                                    std::string_view name) const;
  // A column name: a string, checked non-empty.
  [[nodiscard]] Result<std::optional<ColumnRef>> column(const toml::table& table, std::string_view path,
                                                        std::string_view name) const;
  // One column name or an array of them ("column" or "columns").
  [[nodiscard]] Result<std::vector<ColumnRef>> columns(const toml::table& table, std::string_view path,
                                                       std::string_view name) const;
  // A text template ({column} placeholders).
  [[nodiscard]] Result<std::optional<TemplateRef>> text_template(const toml::table& table, std::string_view path,
                                                                 std::string_view name) const;

  [[nodiscard]] const std::string& source() const { return source_; }

 private:
  std::string source_;
};

}  // namespace shouwang::exchange::detail
