#pragma once
// The code tables commands are checked against: incident types and disposition codes.
// Configuration, not state: events carry the codes they use, so replaying a log never
// needs the taxonomy, and editing it never changes a replayed state.

#include <filesystem>

#include <shouwang/base/result.h>
#include <shouwang/cad/dispositions.h>
#include <shouwang/cad/incident_types.h>

namespace shouwang::cad {

struct Taxonomy {
  IncidentTypes types;
  DispositionCodes dispositions;
};

// Loads `directory`/incident_types.tsv and `directory`/dispositions.tsv (the repository
// ships them in data/taxonomy/). Errors name the file, line and field.
Result<Taxonomy> load_taxonomy(const std::filesystem::path& directory);

}  // namespace shouwang::cad
