#include <shouwang/cad/taxonomy.h>

namespace shouwang::cad {

Result<Taxonomy> load_taxonomy(const std::filesystem::path& directory) {
  auto types = IncidentTypes::load(directory / "incident_types.tsv");
  if (!types.ok())
    return types.error();
  auto dispositions = DispositionCodes::load(directory / "dispositions.tsv");
  if (!dispositions.ok())
    return dispositions.error();
  return Taxonomy{std::move(*types), std::move(*dispositions)};
}

}  // namespace shouwang::cad
