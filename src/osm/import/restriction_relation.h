#pragma once
// Reading one `type=restriction` relation: which kind of turn restriction it is for cars,
// and its members. The relation's tags decide whether it concerns cars at all; its members
// decide whether it is a via-node or a via-way restriction, or malformed.

#include <osmium/osm/relation.hpp>

#include "osm/import/turn_restrictions.h"
#include "osm/import/via_path.h"

namespace shouwang::osm::import {

struct RestrictionRelation {
  enum class Kind {
    kIgnored,    // not a turn restriction for cars: another type, kind or an exempt car
    kViaNode,    // `via_node` is set
    kViaWay,     // `via_way` is set
    kMalformed,  // a car restriction whose members cannot be read as either
  };
  Kind kind = Kind::kIgnored;
  TurnRestriction via_node;
  ViaWayRestriction via_way;
};

// `restriction=no_*|only_*` (or `restriction:motorcar`) without `except=...motorcar...`,
// with exactly one `from` way and one `to` way, and either exactly one `via` node or one
// or more `via` ways (in driving order) and no via node.
RestrictionRelation read_restriction_relation(const osmium::Relation& relation);

}  // namespace shouwang::osm::import
