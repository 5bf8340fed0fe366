#pragma once
// Test helper: an OSM file read completely into plain containers, to check what the
// generator wrote through the same library real OSM readers use.

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace shouwang::test {

using Tags = std::map<std::string, std::string>;

struct OsmNode {
  double lat = 0, lon = 0;
  Tags tags;
};
struct OsmWay {
  std::int64_t id = 0;
  std::vector<std::int64_t> refs;
  Tags tags;
};
struct OsmRelation {
  std::int64_t id = 0;
  std::vector<std::pair<char, std::int64_t>> members;  // ('w', id) ...
  Tags tags;
};
struct OsmData {
  std::unordered_map<std::int64_t, OsmNode> nodes;
  std::vector<std::int64_t> node_order;  // ids in file order
  std::vector<OsmWay> ways;
  std::vector<OsmRelation> relations;
};

OsmData read_osm(const std::string& path);

inline std::string tag(const Tags& tags, const std::string& key) {
  const auto it = tags.find(key);
  return it == tags.end() ? std::string() : it->second;
}

}  // namespace shouwang::test
