#include "exchange/mapping_toml.h"

#include <algorithm>

namespace shouwang::exchange::detail {

Result<toml::table> parse_toml(std::string_view text, std::string_view source) {
  try {
    return toml::parse(text, source);
  } catch (const toml::parse_error& e) {
    const auto& where = e.source().begin;
    return Error(Errc::kInvalidArgument, std::string(source) + ":" + std::to_string(where.line) + ":" +
                                             std::to_string(where.column) + ": " + std::string(e.description()));
  }
}

Error TomlFields::error(const MappingKey& at, std::string_view message) const {
  return Error(Errc::kInvalidArgument,
               source_ + ":" + std::to_string(at.line) + ": " + at.key + ": " + std::string(message), at.key);
}

MappingKey TomlFields::key_at(const toml::node& node, std::string path) {
  return {std::move(path), static_cast<int>(node.source().begin.line)};
}

std::string TomlFields::join(std::string_view path, std::string_view name) {
  if (path.empty()) return std::string(name);
  return std::string(path) + "." + std::string(name);
}

Status TomlFields::only(const toml::table& table, std::string_view path,
                        std::initializer_list<std::string_view> allowed) const {
  for (const auto& [key, node] : table) {
    if (std::find(allowed.begin(), allowed.end(), key.str()) != allowed.end()) continue;
    std::string known;
    for (const auto name : allowed) known += (known.empty() ? "" : ", ") + std::string(name);
    return error({join(path, key.str()), static_cast<int>(key.source().begin.line)},
                 "unknown key (known here: " + known + ")");
  }
  return {};
}

Result<std::optional<std::string>> TomlFields::string(const toml::table& table, std::string_view path,
                                                      std::string_view name) const {
  const toml::node* node = table.get(name);
  if (node == nullptr) return std::optional<std::string>();
  const auto* value = node->as_string();
  if (value == nullptr) return error(key_at(*node, join(path, name)), "must be a string");
  return std::optional<std::string>(value->get());
}

Result<std::optional<std::int64_t>> TomlFields::integer(const toml::table& table, std::string_view path,
                                                        std::string_view name) const {
  const toml::node* node = table.get(name);
  if (node == nullptr) return std::optional<std::int64_t>();
  const auto* value = node->as_integer();
  if (value == nullptr) return error(key_at(*node, join(path, name)), "must be a whole number");
  return std::optional<std::int64_t>(value->get());
}

Result<std::optional<double>> TomlFields::number(const toml::table& table, std::string_view path,
                                                 std::string_view name) const {
  const toml::node* node = table.get(name);
  if (node == nullptr) return std::optional<double>();
  if (const auto* i = node->as_integer()) return std::optional<double>(static_cast<double>(i->get()));
  if (const auto* f = node->as_floating_point()) return std::optional<double>(f->get());
  return error(key_at(*node, join(path, name)), "must be a number");
}

Result<const toml::table*> TomlFields::table(const toml::table& parent, std::string_view path,
                                             std::string_view name) const {
  const toml::node* node = parent.get(name);
  if (node == nullptr) return static_cast<const toml::table*>(nullptr);
  const toml::table* t = node->as_table();
  if (t == nullptr) return error(key_at(*node, join(path, name)), "must be a table");
  return t;
}

Result<const toml::array*> TomlFields::array(const toml::table& parent, std::string_view path,
                                             std::string_view name) const {
  const toml::node* node = parent.get(name);
  if (node == nullptr) return static_cast<const toml::array*>(nullptr);
  const toml::array* a = node->as_array();
  if (a == nullptr) return error(key_at(*node, join(path, name)), "must be an array");
  return a;
}

Result<std::string> TomlFields::required_string(const toml::table& table, std::string_view path,
                                                std::string_view name) const {
  auto value = string(table, path, name);
  if (!value) return value.error();
  if (!*value) return error(key_at(table, join(path, name)), "is required");
  return std::move(**value);
}

Result<std::optional<ColumnRef>> TomlFields::column(const toml::table& table, std::string_view path,
                                                    std::string_view name) const {
  auto value = string(table, path, name);
  if (!value) return value.error();
  if (!*value) return std::optional<ColumnRef>();
  MappingKey at = key_at(*table.get(name), join(path, name));
  if ((*value)->empty()) return error(at, "names no column (the name is empty)");
  return std::optional<ColumnRef>(ColumnRef{std::move(**value), std::move(at)});
}

Result<std::vector<ColumnRef>> TomlFields::columns(const toml::table& table, std::string_view path,
                                                   std::string_view name) const {
  std::vector<ColumnRef> out;
  const toml::node* node = table.get(name);
  if (node == nullptr) return out;
  const std::string key = join(path, name);
  if (node->as_string() != nullptr) {
    auto one = column(table, path, name);
    if (!one) return one.error();
    out.push_back(std::move(**one));
    return out;
  }
  const toml::array* list = node->as_array();
  if (list == nullptr || list->empty()) return error(key_at(*node, key), "must be a column name or a list of them");
  for (std::size_t i = 0; i < list->size(); ++i) {
    const toml::node& item = *list->get(i);
    const auto* text = item.as_string();
    MappingKey at = key_at(item, key + "[" + std::to_string(i + 1) + "]");
    if (text == nullptr || text->get().empty()) return error(at, "must be a column name");
    out.push_back({text->get(), std::move(at)});
  }
  return out;
}

Result<std::optional<TemplateRef>> TomlFields::text_template(const toml::table& table, std::string_view path,
                                                             std::string_view name) const {
  auto value = string(table, path, name);
  if (!value) return value.error();
  if (!*value) return std::optional<TemplateRef>();
  MappingKey at = key_at(*table.get(name), join(path, name));
  auto parsed = TextTemplate::parse(**value);
  if (!parsed) return error(at, parsed.error().message);
  return std::optional<TemplateRef>(TemplateRef{std::move(parsed).value(), std::move(at)});
}

}  // namespace shouwang::exchange::detail
