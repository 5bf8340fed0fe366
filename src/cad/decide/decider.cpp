#include <cassert>

#include <shouwang/cad/decide.h>

#include "cad/decide/decision.h"
#include "cad/decide/handlers.h"

namespace shouwang::cad {

Result<std::vector<store::EventDraft>> Decider::decide(const State& state, const Command& command,
                                                       const store::Actor& actor,
                                                       UtcTime now) const {
  if (actor.user.empty()) {
    return Error(Errc::kInvalidArgument, "a command needs the user who issued it", "actor.user");
  }
  Decision decision(state, centre_, *taxonomy_, actor, now);
  const Status status = std::visit([&](const auto& c) { return handle(decision, c); }, command);
  if (!status.ok())
    return status.error();
  if (decision.text_error())
    return *decision.text_error();
  auto drafts = decision.take();
  assert(!drafts.empty());
  return drafts;
}

std::string_view command_name(const Command& command) {
  return std::visit([](const auto& c) { return std::decay_t<decltype(c)>::kName; }, command);
}

}  // namespace shouwang::cad
