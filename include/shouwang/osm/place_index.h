#pragma once
// Place search: the streets, addresses, points of interest and administrative areas of a
// city, found by Chinese or English name while the user types. "人民" finds 人民路 and
// 人民东路, "renm" finds Renmin Road, and "人民路 12", "人民路12号" or "12 Renmin Road"
// find that address first.
//
// The index is an inverted index over Unicode code-point n-grams of normalised names (see
// src/osm/places/gram_keys.h): Chinese text is indexed by single characters and character
// pairs, Latin text by word starts and trigrams, house numbers by their prefixes. A query
// intersects the posting lists of its n-grams and then checks each candidate's names.
//
// A PlaceIndex is immutable once built; const member functions are safe to call from
// several threads at once. File format: docs/formats/place-index.md.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <shouwang/base/geo.h>
#include <shouwang/base/ids.h>
#include <shouwang/base/result.h>

namespace shouwang::osm {

// Index of a place inside one PlaceIndex (its rank in the index's fixed order).
using PlaceId = StrongId<struct PlaceIdTag, std::uint32_t>;

enum class PlaceKind : std::uint8_t {
  kStreet = 0,   // a named highway; all pieces of one street are one place
  kAddress = 1,  // a house number on a street, without a name of its own worth listing
  kPoi = 2,      // a named amenity, shop, station, park, village ...
  kArea = 3,     // a named administrative boundary
};

// "street", "address", "poi", "area".
std::string_view place_kind_name(PlaceKind kind);

struct BoundingBox {
  LatLon south_west;
  LatLon north_east;
  friend constexpr bool operator==(const BoundingBox&, const BoundingBox&) = default;
};

struct Place {
  PlaceKind kind = PlaceKind::kPoi;
  std::string name_zh;      // the `name` tag (`name:zh` when present): the local name
  std::string name_en;      // `name:en`
  std::string street;       // `addr:street` (or `addr:place`) of addresses and POIs
  std::string housenumber;  // `addr:housenumber`
  std::string category;     // "amenity=police", "highway=primary", "admin_level=8"; empty
                            // for plain addresses
  LatLon position;          // a point on or in the place (streets: on their middle piece)
  BoundingBox bbox;         // the whole extent; a point place's box is its position
  std::int64_t osm_id = 0;  // the object the place came from (streets: the middle piece)
  char osm_type = 'n';      // 'n', 'w' or 'r'

  // What a result list shows: the Chinese name, else the English one, else the address
  // ("人民路12号", "12 Main Street").
  [[nodiscard]] std::string label() const;

  friend bool operator==(const Place&, const Place&) = default;
};

// How well a place's name (for a plain address: its street) matched the query, best last.
enum class MatchKind : std::uint8_t {
  kAllWords = 1,    // every query word occurs, not as one phrase ("road renmin")
  kSubstring = 2,   // the query occurs inside the name ("民路" in 人民路)
  kWordPrefix = 3,  // the query starts a later word of the name ("road" in Renmin Road)
  kPrefix = 4,      // the name starts with the query ("人民" for 人民路)
  kExact = 5,       // the whole name (after normalisation) is the query
};

struct SearchHit {
  PlaceId id;
  const Place* place = nullptr;  // into the index; valid while the index lives
  MatchKind match = MatchKind::kExact;
  bool house_number_match = false;  // the query's house number is this place's number
  std::optional<Meters> distance;   // to `near`, when the search was given one
};

// Move-only; a moved-from index may only be assigned to or destroyed.
class PlaceIndex {
 public:
  PlaceIndex();  // empty: every search finds nothing
  PlaceIndex(PlaceIndex&&) noexcept;
  PlaceIndex& operator=(PlaceIndex&&) noexcept;
  ~PlaceIndex();

  // Indexes `places` (as read_places returns them). Street pieces with the same name that
  // lie within 1 km of each other (bounding boxes) become one street place: its box covers
  // all pieces, and its position and OSM id are those of the piece nearest the middle.
  static PlaceIndex build(std::vector<Place> places);

  // At most `limit` places for what the user typed so far, best first:
  //   1. for a query with a house number ("人民路 12", "人民路12号", "12 Renmin Road"):
  //      the places on exactly that street with exactly that number, then those whose
  //      number starts with it;
  //   2. streets, POIs and areas (and addresses whose house number matched) before plain
  //      addresses;
  //   3. exact name > name prefix > word prefix > substring > all words;
  //   4. nearer to `near`, when given;
  //   5. shorter label, then label bytes, then OSM type and id.
  // Matching ignores ASCII case, Latin accents, apostrophes and punctuation, and maps
  // full-width letters and digits to ASCII. A Latin query word shorter than three letters
  // matches only at the start of a word. An empty query (or one of only punctuation) finds
  // nothing. kInvalidArgument when the query is not valid UTF-8 or longer than 256 bytes.
  [[nodiscard]] Result<std::vector<SearchHit>> search(std::string_view query, std::size_t limit,
                                                      std::optional<LatLon> near = {}) const;

  // Places in the index's order (PlaceId is the position).
  [[nodiscard]] const std::vector<Place>& places() const;
  [[nodiscard]] const Place& place(PlaceId id) const;
  [[nodiscard]] std::size_t size() const;

  struct Stats {
    std::size_t places = 0;
    std::size_t streets = 0;
    std::size_t addresses = 0;
    std::size_t pois = 0;
    std::size_t areas = 0;
    std::size_t keys = 0;        // distinct n-grams and house-number prefixes
    std::size_t postings = 0;    // (key, place) pairs
    std::size_t text_bytes = 0;  // normalised names kept for checking candidates
  };
  [[nodiscard]] Stats stats() const;

  struct Tables;  // the index arrays (src/osm/places/place_tables.h)

 private:
  explicit PlaceIndex(std::unique_ptr<const Tables> tables);
  std::unique_ptr<const Tables> tables_;

  friend Status write_place_index(const std::string& path, const PlaceIndex& index);
  friend Result<PlaceIndex> read_place_index(const std::string& path);
};

inline constexpr std::uint32_t kPlaceIndexVersion = 1;
inline constexpr const char* kPlaceIndexFileName = "place_index.swi";

// Writes the index to `path` (written to `path + ".partial"`, then renamed). kIoError when
// the file cannot be written.
Status write_place_index(const std::string& path, const PlaceIndex& index);

// kNotFound: missing; kCorrupt: wrong magic, truncated, checksum or structure broken;
// kInvalidArgument: written by another format version. Messages name the file.
Result<PlaceIndex> read_place_index(const std::string& path);

// The places of an OSM file (PBF or XML, objects in any order), read with libosmium in
// three passes (relations, ways, nodes):
//   - named highway ways -> one street place per way (PlaceIndex::build joins them);
//   - nodes and ways with `name` and amenity, shop, railway (stations and stops),
//     public_transport, leisure, office, tourism, place or landuse=residential -> POIs
//     (with their address when they have one);
//   - other nodes and ways with addr:housenumber and addr:street (or addr:place) ->
//     addresses;
//   - boundary=administrative relations with `name` -> areas (position: the centre of
//     their outer ways' bounding box).
// Ways are placed at their middle node (open) or the mean of their nodes (closed).
// Objects whose nodes are all missing from the file are left out. kNotFound: no such
// file; kCorrupt: libosmium cannot read it.
Result<std::vector<Place>> read_places(const std::string& osm_path);

}  // namespace shouwang::osm
