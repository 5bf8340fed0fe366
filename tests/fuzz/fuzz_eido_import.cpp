// libFuzzer target: arbitrary bytes through the EIDO importer. Whatever the input, the
// import returns a value (commands or an error naming a field) and, run against a state,
// either succeeds or leaves the state untouched; it never crashes, hangs or reads out of
// bounds. Built by the `fuzz` preset (tests/fuzz/CMakeLists.txt); scripts/fuzz.sh runs it.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <shouwang/cad/decide.h>
#include <shouwang/cad/state_codec.h>
#include <shouwang/cad/taxonomy.h>
#include <shouwang/exchange/eido.h>

namespace {

#ifndef SHOUWANG_FUZZ_TAXONOMY_DIR
#define SHOUWANG_FUZZ_TAXONOMY_DIR "data/taxonomy"
#endif

// The shipped taxonomy (the environment's SHOUWANG_TAXONOMY_DIR, else the source tree's
// data/taxonomy, which the build names), else an empty one: then every type code is
// unknown, which is a path too.
const shouwang::cad::Taxonomy& taxonomy() {
  static const shouwang::cad::Taxonomy loaded = [] {
    const char* dir = std::getenv("SHOUWANG_TAXONOMY_DIR");
    auto result = shouwang::cad::load_taxonomy(dir != nullptr ? dir : SHOUWANG_FUZZ_TAXONOMY_DIR);
    return result.ok() ? std::move(*result) : shouwang::cad::Taxonomy{};
  }();
  return loaded;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  auto plan = shouwang::exchange::import_eido(input, taxonomy());
  if (!plan.ok())
    return 0;
  const shouwang::cad::Decider decider(shouwang::cad::Centre{310100, 480}, taxonomy());
  shouwang::cad::State state;
  const std::string before = shouwang::cad::serialize_state(state);
  std::vector<shouwang::store::EventDraft> events;
  auto imported = shouwang::exchange::import_eido_into(state, decider, input,
                                                       {"fuzz", "admin", "fuzz-01"}, &events);
  if (!imported.ok() && (shouwang::cad::serialize_state(state) != before || !events.empty()))
    __builtin_trap();  // a failed import changed something
  return 0;
}
