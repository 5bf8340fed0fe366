// The place index file (docs/formats/place-index.md): magic, version, counts, places,
// normalised fields, inverted index, CRC-32 of everything before it.

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <shouwang/osm/place_index.h>

#include "osm/binary_io.h"
#include "osm/places/place_tables.h"

namespace shouwang::osm {
namespace {


constexpr char kMagic[8] = {'S', 'W', 'P', 'L', 'A', 'C', 'E', '\0'};
constexpr std::size_t kHeaderBytes = 8 + 4 + 4 + 8 * 8;
constexpr std::size_t kPlaceFixedBytes = 3 + 8 + 2 * 4 + 5;  // the smallest place record
constexpr std::uint8_t kFlagHasBox = 1;  // place flag: a box other than the position follows

using Writer = binary::ByteWriter;
using Reader = binary::ByteReader;

void put_place(Writer& w, const Place& p) {
  const bool has_box = !(p.bbox == BoundingBox{p.position, p.position});
  w.put(static_cast<std::uint8_t>(p.kind));
  w.put(static_cast<std::uint8_t>(p.osm_type));
  w.put(has_box ? kFlagHasBox : std::uint8_t{0});
  w.put(p.osm_id);
  w.put_degrees(p.position.lat);
  w.put_degrees(p.position.lon);
  if (has_box) {
    w.put_degrees(p.bbox.south_west.lat);
    w.put_degrees(p.bbox.south_west.lon);
    w.put_degrees(p.bbox.north_east.lat);
    w.put_degrees(p.bbox.north_east.lon);
  }
  for (const std::string* s : {&p.name_zh, &p.name_en, &p.street, &p.housenumber, &p.category})
    w.put_string(*s);
}

bool get_place(Reader& r, Place& p) {
  std::uint8_t kind = 0, type = 0, flags = 0;
  if (!r.get(kind) || !r.get(type) || !r.get(flags) || !r.get(p.osm_id) ||
      !r.get_degrees(p.position.lat) || !r.get_degrees(p.position.lon)) {
    return false;
  }
  if (kind > static_cast<std::uint8_t>(PlaceKind::kArea) ||
      (type != 'n' && type != 'w' && type != 'r') || (flags & ~kFlagHasBox) != 0) {
    return false;
  }
  p.kind = static_cast<PlaceKind>(kind);
  p.osm_type = static_cast<char>(type);
  p.bbox = {p.position, p.position};
  if ((flags & kFlagHasBox) != 0 &&
      (!r.get_degrees(p.bbox.south_west.lat) || !r.get_degrees(p.bbox.south_west.lon) ||
       !r.get_degrees(p.bbox.north_east.lat) || !r.get_degrees(p.bbox.north_east.lon))) {
    return false;
  }
  for (std::string* s : {&p.name_zh, &p.name_en, &p.street, &p.housenumber, &p.category}) {
    if (!r.get_string(*s))
      return false;
  }
  return true;
}

// CSR offsets: start at 0, never decrease, end at `total`.
bool valid_offsets(const std::vector<std::uint32_t>& offsets, std::uint64_t total) {
  return !offsets.empty() && offsets.front() == 0 && offsets.back() == total &&
         std::is_sorted(offsets.begin(), offsets.end());
}

// Everything search relies on, so that a file that passed the checksum but was written
// wrongly cannot make a search read out of bounds.
const char* structure_error(const PlaceIndex::Tables& t) {
  const std::size_t n = t.places.size();
  const std::size_t entities = n + t.street_count;
  if (t.first_plain_address > n)
    return "the first plain address lies beyond the places";
  for (std::size_t i = 0; i < n; ++i) {
    if ((t.places[i].kind == PlaceKind::kAddress) != (i >= t.first_plain_address)) {
      return "plain addresses are not stored after the other places";
    }
  }
  if (t.entity_fields.size() != entities + 1 ||
      !valid_offsets(t.entity_fields, t.field_roles.size())) {
    return "field offsets do not fit the fields";
  }
  if (!valid_offsets(t.field_text, t.text.size()))
    return "text offsets do not fit the text";
  for (const std::uint8_t role : t.field_roles) {
    if (role >= kFieldRoleCount)
      return "unknown field role";
  }
  if (!std::is_sorted(t.keys.begin(), t.keys.end()) ||
      std::adjacent_find(t.keys.begin(), t.keys.end()) != t.keys.end()) {
    return "index keys are not strictly ascending";
  }
  if (!valid_offsets(t.key_postings, t.postings.size()))
    return "posting offsets do not fit the postings";
  for (std::size_t k = 0; k < t.keys.size(); ++k) {
    for (std::size_t i = t.key_postings[k]; i < t.key_postings[k + 1]; ++i) {
      if (t.postings[i] >= entities ||
          (i > t.key_postings[k] && t.postings[i] <= t.postings[i - 1])) {
        return "a posting list is out of range or not ascending";
      }
    }
  }
  if (t.street_members.size() != std::size_t{t.street_count} + 1 ||
      !valid_offsets(t.street_members, t.members.size())) {
    return "address street offsets do not fit the houses";
  }
  for (const std::uint32_t m : t.members) {
    if (m >= n)
      return "an address street lists a house that does not exist";
  }
  return nullptr;
}

}  // namespace

Status write_place_index(const std::string& path, const PlaceIndex& index) {
  const PlaceIndex::Tables& t = *index.tables_;
  Writer w;
  for (const char c : kMagic)
    w.put(c);
  w.put(kPlaceIndexVersion);
  w.put(std::uint32_t{0});  // flags, none defined
  w.put(static_cast<std::uint64_t>(t.places.size()));
  w.put(static_cast<std::uint64_t>(t.first_plain_address));
  w.put(static_cast<std::uint64_t>(t.street_count));
  w.put(static_cast<std::uint64_t>(t.members.size()));
  w.put(static_cast<std::uint64_t>(t.field_count()));
  w.put(static_cast<std::uint64_t>(t.text.size()));
  w.put(static_cast<std::uint64_t>(t.keys.size()));
  w.put(static_cast<std::uint64_t>(t.postings.size()));
  for (const Place& p : t.places)
    put_place(w, p);
  w.put_array(t.entity_fields);
  w.put_array(t.field_text);
  w.put_array(t.field_roles);
  w.bytes() += t.text;
  w.put_array(t.keys);
  w.put_array(t.key_postings);
  w.put_array(t.postings);
  w.put_array(t.street_members);
  w.put_array(t.members);
  w.seal();

  return binary::write_file_atomically(path, w.bytes());
}

Result<PlaceIndex> read_place_index(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return Error(Errc::kNotFound, "no place index at " + path + " (import the OSM file first)");
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad())
    return Error(Errc::kIoError, "cannot read " + path + ": " + std::strerror(errno));
  auto corrupt = [&path](const std::string& what) {
    return Error(Errc::kCorrupt, path + ": " + what);
  };
  if (bytes.size() < sizeof kMagic || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) {
    return corrupt("not a Shouwang place index (bad magic)");
  }
  if (bytes.size() < kHeaderBytes + sizeof(std::uint32_t))
    return corrupt("truncated (shorter than the header)");
  std::uint32_t version = 0;
  std::memcpy(&version, bytes.data() + sizeof kMagic, sizeof version);
  if (version != kPlaceIndexVersion) {
    return Error(Errc::kInvalidArgument,
                 path + " was written by another version of Shouwang (file format " +
                     std::to_string(version) + ", this build reads " +
                     std::to_string(kPlaceIndexVersion) + "): build the place index again");
  }
  std::uint32_t stored_crc = 0;
  std::memcpy(&stored_crc, bytes.data() + bytes.size() - sizeof stored_crc, sizeof stored_crc);
  if (binary::crc32_of(bytes.data(), bytes.size() - sizeof stored_crc) != stored_crc) {
    return corrupt("checksum mismatch (the file is damaged or truncated)");
  }

  Reader r(bytes, bytes.size() - sizeof(std::uint32_t));
  char magic[8];
  std::uint32_t flags = 0;
  std::uint64_t n = 0, first_plain = 0, streets = 0, members = 0, fields = 0, text_bytes = 0,
                keys = 0, postings = 0;
  for (char& c : magic)
    r.get(c);
  r.get(version);
  if (!r.get(flags) || !r.get(n) || !r.get(first_plain) || !r.get(streets) || !r.get(members) ||
      !r.get(fields) || !r.get(text_bytes) || !r.get(keys) || !r.get(postings)) {
    return corrupt("truncated header");
  }
  if (n > (bytes.size() - kHeaderBytes) / kPlaceFixedBytes || streets > bytes.size() ||
      first_plain > n) {
    return corrupt("the counts in the header do not fit the file");
  }
  auto t = std::make_unique<PlaceIndex::Tables>();
  t->first_plain_address = static_cast<std::uint32_t>(first_plain);
  t->street_count = static_cast<std::uint32_t>(streets);
  t->places.resize(n);
  for (Place& p : t->places) {
    if (!get_place(r, p))
      return corrupt("a place record is truncated or invalid");
  }
  if (!r.get_array(t->entity_fields, n + streets + 1) || !r.get_array(t->field_text, fields + 1) ||
      !r.get_array(t->field_roles, fields) || !r.get_string(t->text, text_bytes) ||
      !r.get_array(t->keys, keys) || !r.get_array(t->key_postings, keys + 1) ||
      !r.get_array(t->postings, postings) || !r.get_array(t->street_members, streets + 1) ||
      !r.get_array(t->members, members) || r.pos() != bytes.size() - sizeof(std::uint32_t)) {
    return corrupt("sizes do not match the counts in the header");
  }
  if (const char* error = structure_error(*t))
    return corrupt(error);
  return PlaceIndex(std::move(t));
}

}  // namespace shouwang::osm
