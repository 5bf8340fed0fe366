#pragma once
// Shared set-up for the cad tests: the shipped taxonomy, a centre (310100, UTC+8) and a
// helper that decides a command and applies its events, as the server will.

#include <filesystem>
#include <string>
#include <vector>

#include <shouwang/base/clock.h>
#include <shouwang/base/result.h>
#include <shouwang/cad/commands.h>
#include <shouwang/cad/decide.h>
#include <shouwang/cad/state.h>
#include <shouwang/cad/taxonomy.h>
#include <shouwang/store/event.h>

namespace shouwang::cad::testing {

std::filesystem::path source_dir();
std::filesystem::path taxonomy_dir();  // data/taxonomy in the source tree

// Loaded once; a failure to load fails the calling test with the loader's message.
const Taxonomy& shipped_taxonomy();
Centre test_centre();  // 310100, +08:00

store::Actor actor(const std::string& user, const std::string& role = "dispatcher");

// 2026-11-22 08:00:00 China Standard Time, plus `seconds`.
UtcTime at(double seconds = 0);

// Decides `command` and, on success, applies the events to `state` (any apply error is a
// test failure) and returns them.
Result<std::vector<store::EventDraft>> execute(const Decider& decider, State& state,
                                               const Command& command, const store::Actor& who,
                                               UtcTime now);

}  // namespace shouwang::cad::testing
