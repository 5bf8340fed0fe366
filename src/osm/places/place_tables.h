#pragma once
// The arrays behind a PlaceIndex, shared by building, searching and the index file.
//
// Entities are what the inverted index points at: the places (ids [0, n)) and the
// address streets (ids [n, n + g)), one per distinct addr:street value, whose members are
// the places with that street and a house number. An address is found through its street,
// so the index holds a street's n-grams once, not once per house.
//
//   places            every place, in the index's fixed order (PlaceId = position): first
//                     streets, POIs and areas, then plain addresses; inside each group by
//                     label length, label bytes, OSM type and OSM id
//   first_plain_address  places [first_plain_address, n) are plain addresses
//   street_count      g
//   entity_fields     CSR offsets (n + g + 1): the fields of entity e are
//                     [entity_fields[e], entity_fields[e + 1])
//   field_text        offsets into `text`: field f is text[field_text[f], field_text[f+1])
//   field_roles       FieldRole of each field
//   text              the normalised fields, UTF-8, concatenated
//   keys              the inverted index's keys (gram_keys.h), ascending
//   key_postings      CSR offsets: the entities of keys[k] are postings[key_postings[k] ...]
//   postings          entity ids, ascending within each key
//   street_members    CSR offsets (g + 1) into `members`
//   members           place ids of each address street, by normalised house number (bytes),
//                     then id

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <shouwang/osm/place_index.h>

#include "osm/places/gram_keys.h"

namespace shouwang::osm {

// What a normalised field holds.
enum class FieldRole : std::uint8_t {
  kName = 0,         // a place's name_zh or name_en
  kStreet = 1,       // an address street's name, or that street's other-language name
  kHouseNumber = 2,  // a place's house number (normalize_house_number)
};
inline constexpr std::uint8_t kFieldRoleCount = 3;

struct PlaceIndex::Tables {
  std::vector<Place> places;
  std::uint32_t first_plain_address = 0;
  std::uint32_t street_count = 0;
  std::vector<std::uint32_t> entity_fields{0};
  std::vector<std::uint32_t> field_text{0};
  std::vector<std::uint8_t> field_roles;
  std::string text;
  std::vector<places::GramKey> keys;
  std::vector<std::uint32_t> key_postings{0};
  std::vector<std::uint32_t> postings;
  std::vector<std::uint32_t> street_members{0};
  std::vector<std::uint32_t> members;

  [[nodiscard]] std::size_t field_count() const { return field_roles.size(); }
  [[nodiscard]] std::string_view field(std::size_t f) const {
    return std::string_view(text).substr(field_text[f], field_text[f + 1] - field_text[f]);
  }
  [[nodiscard]] FieldRole role(std::size_t f) const {
    return static_cast<FieldRole>(field_roles[f]);
  }
  [[nodiscard]] std::uint32_t place_count() const {
    return static_cast<std::uint32_t>(places.size());
  }

  // The posting list of `key` (empty when no entity has it).
  [[nodiscard]] std::pair<const std::uint32_t*, const std::uint32_t*> posting(
      places::GramKey key) const;

  // The normalised house number of place `id` (empty when it has none).
  [[nodiscard]] std::string_view house_number(std::uint32_t id) const;

  // The members of address street `street` (0-based, not an entity id) whose house number
  // starts with `prefix`, in house-number order.
  [[nodiscard]] std::pair<const std::uint32_t*, const std::uint32_t*> members_with_number(
      std::uint32_t street, std::string_view prefix) const;
};

}  // namespace shouwang::osm
