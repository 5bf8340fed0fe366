#include "cad/cad_fixture.h"

#include <cstdlib>

#include <gtest/gtest.h>

#include <shouwang/cad/apply.h>

namespace shouwang::cad::testing {

std::filesystem::path source_dir() {
  return SHOUWANG_SOURCE_DIR;
}

std::filesystem::path taxonomy_dir() {
  return source_dir() / "data" / "taxonomy";
}

const Taxonomy& shipped_taxonomy() {
  static const Taxonomy taxonomy = [] {
    auto loaded = load_taxonomy(taxonomy_dir());
    if (!loaded.ok()) {
      ADD_FAILURE() << loaded.error().to_string();
      return Taxonomy{};
    }
    return std::move(*loaded);
  }();
  return taxonomy;
}

Centre test_centre() {
  return *make_centre("310100", 480);
}

store::Actor actor(const std::string& user, const std::string& role) {
  return store::Actor{user, role, "ws-01"};
}

UtcTime at(double seconds) {
  // 2026-11-22T00:00:00Z is 08:00 in Shanghai.
  return UtcTime::from_seconds(1'795'305'600).plus_micros(static_cast<std::int64_t>(seconds * 1e6));
}

Result<std::vector<store::EventDraft>> execute(const Decider& decider, State& state,
                                               const Command& command, const store::Actor& who,
                                               UtcTime now) {
  auto events = decider.decide(state, command, who, now);
  if (!events.ok())
    return events;
  for (const auto& event : *events) {
    const Status applied = apply(state, event);
    EXPECT_TRUE(applied.ok()) << applied.error().to_string();
  }
  return events;
}

}  // namespace shouwang::cad::testing
