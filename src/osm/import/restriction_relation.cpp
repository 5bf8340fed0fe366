#include "osm/import/restriction_relation.h"

#include <cstring>
#include <string_view>

namespace shouwang::osm::import {

RestrictionRelation read_restriction_relation(const osmium::Relation& relation) {
  RestrictionRelation out;
  const auto& tags = relation.tags();
  const char* type = tags.get_value_by_key("type");
  if (type == nullptr || std::strcmp(type, "restriction") != 0) return out;
  const char* kind = tags.get_value_by_key("restriction");
  if (kind == nullptr) kind = tags.get_value_by_key("restriction:motorcar");
  if (kind == nullptr) return out;
  const bool only = std::strncmp(kind, "only_", 5) == 0;
  if (!only && std::strncmp(kind, "no_", 3) != 0) return out;
  if (const char* except = tags.get_value_by_key("except");
      except != nullptr && std::strstr(except, "motorcar") != nullptr) {
    return out;
  }

  std::int64_t from_way = 0, to_way = 0, via_node = 0;
  int from = 0, to = 0, via_nodes = 0;
  std::vector<std::int64_t> via_ways;
  bool odd_member = false;  // from or to not a way, via neither a node nor a way
  for (const auto& m : relation.members()) {
    const std::string_view role = m.role();
    const bool is_way = m.type() == osmium::item_type::way;
    if (role == "from") {
      odd_member |= !is_way;
      from_way = m.ref();
      ++from;
    } else if (role == "to") {
      odd_member |= !is_way;
      to_way = m.ref();
      ++to;
    } else if (role == "via") {
      if (is_way) {
        via_ways.push_back(m.ref());
      } else if (m.type() == osmium::item_type::node) {
        via_node = m.ref();
        ++via_nodes;
      } else {
        odd_member = true;
      }
    }
  }
  out.kind = RestrictionRelation::Kind::kMalformed;
  if (odd_member || from != 1 || to != 1) return out;
  if (via_nodes == 1 && via_ways.empty()) {
    out.kind = RestrictionRelation::Kind::kViaNode;
    out.via_node = {from_way, via_node, to_way, only};
  } else if (via_nodes == 0 && !via_ways.empty()) {
    out.kind = RestrictionRelation::Kind::kViaWay;
    out.via_way = {from_way, std::move(via_ways), to_way, only};
  }
  return out;
}

}  // namespace shouwang::osm::import
