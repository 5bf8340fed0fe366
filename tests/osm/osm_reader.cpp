#include "osm/osm_reader.h"

#include <osmium/handler.hpp>
#include <osmium/io/pbf_input.hpp>
#include <osmium/visitor.hpp>

namespace shouwang::test {
namespace {

Tags to_tags(const osmium::TagList& list) {
  Tags tags;
  for (const auto& t : list) tags[t.key()] = t.value();
  return tags;
}

struct Collector : osmium::handler::Handler {
  OsmData* data;
  explicit Collector(OsmData* d) : data(d) {}
  void node(const osmium::Node& n) {
    data->nodes[n.id()] = {n.location().lat(), n.location().lon(), to_tags(n.tags())};
    data->node_order.push_back(n.id());
  }
  void way(const osmium::Way& w) {
    OsmWay way{w.id(), {}, to_tags(w.tags())};
    for (const auto& r : w.nodes()) way.refs.push_back(r.ref());
    data->ways.push_back(std::move(way));
  }
  void relation(const osmium::Relation& r) {
    OsmRelation rel{r.id(), {}, to_tags(r.tags())};
    for (const auto& m : r.members()) rel.members.emplace_back(osmium::item_type_to_char(m.type()), m.ref());
    data->relations.push_back(std::move(rel));
  }
};

}  // namespace

OsmData read_osm(const std::string& path) {
  OsmData data;
  osmium::io::Reader reader(path);
  Collector collector(&data);
  osmium::apply(reader, collector);
  reader.close();
  return data;
}

}  // namespace shouwang::test
