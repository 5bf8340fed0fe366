// libFuzzer target for the JSON command decoder and the decisions behind it, the path every
// API request and scenario step takes. The input's first line is a command name and the
// rest its JSON body, as a console would send them. Checked beyond "no crash":
//   - decode_command returns the command of that name, or an error the decoder documents
//     (invalid_argument, or not_found for the name) with a message;
//   - a decoded command, decided against a small state (calls, incidents and orders in
//     many lifecycle steps, built once from the shipped taxonomy), is either refused with a
//     documented code and a message, or gives events that all apply, after which every
//     invariant of invariants.h holds and the state survives its canonical JSON unchanged.
// Anything else aborts with the reason on stderr: that is a finding.
// Built by the `fuzz` preset (tests/fuzz/CMakeLists.txt); scripts/fuzz.sh runs it.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <shouwang/base/clock.h>
#include <shouwang/base/error.h>
#include <shouwang/cad/apply.h>
#include <shouwang/cad/centre.h>
#include <shouwang/cad/command_json.h>
#include <shouwang/cad/commands.h>
#include <shouwang/cad/decide.h>
#include <shouwang/cad/invariants.h>
#include <shouwang/cad/state.h>
#include <shouwang/cad/state_codec.h>
#include <shouwang/cad/taxonomy.h>
#include <shouwang/store/event.h>

#ifndef SHOUWANG_FUZZ_TAXONOMY_DIR
#error "SHOUWANG_FUZZ_TAXONOMY_DIR must name data/taxonomy (tests/fuzz/CMakeLists.txt sets it)"
#endif

namespace {

using namespace shouwang;
using namespace shouwang::cad;

[[noreturn]] void finding(std::string_view what, std::string_view detail) {
  std::fprintf(stderr, "fuzz_command_json: %.*s: %.*s\n", static_cast<int>(what.size()), what.data(),
               static_cast<int>(detail.size()), detail.data());
  std::abort();
}

// 2026-11-22T00:00:00Z, 08:00 at the centre (310100, UTC+8): the first incident of the day
// is 310100-20261122-000001, the first call ...-C000001, the first order ...-D000001.
constexpr UtcTime kStart = UtcTime::from_seconds(1'795'305'600);
constexpr std::int64_t kStepMicros = 10'000'000;

struct Step {
  std::string_view name;
  std::string_view body;
};

// The state every input is decided against: five calls (one left open, one dismissed),
// incidents from accepting to scene_closed, merged, linked and transferred, and orders in
// most of their statuses, including a station order split into child orders and a returned
// order that may be reissued.
constexpr Step kSetUp[] = {
    {"receive_call", R"({"caller_number":"13800001111","caller_name":"陈女士","summary":"家中被盗"})"},
    {"receive_call", R"({"caller_number":"13900002222","summary":"路口两车相撞"})"},
    {"receive_call", R"({"caller_number":"13700003333","channel":"sms","summary":"有人打架"})"},
    {"receive_call", R"({"caller_number":"13600004444"})"},
    {"receive_call", R"({"caller_number":"13500005555"})"},
    {"dismiss_call", R"({"call":"310100-20261122-C000005","reason":"误拨"})"},
    // 000001: burglary, located, a unit on its way, people and a vehicle recorded.
    {"create_incident", R"({"call":"310100-20261122-C000001","summary":"门锁被撬，财物被盗","type_code":"010501"})"},
    {"add_location_candidate", R"({"incident":"310100-20261122-000001","source":"caller_text","text":"人民路12号3楼"})"},
    {"add_location_candidate", R"({"incident":"310100-20261122-000001","source":"matched_address","text":"人民路12号","lat":31.2335,"lon":121.4721,"uncertainty_m":20})"},
    {"add_location_candidate", R"({"incident":"310100-20261122-000001","source":"handset_gnss","lat":31.2401,"lon":121.4802,"uncertainty_m":15})"},
    {"add_caution", R"({"incident":"310100-20261122-000001","kind":"armed","count":1,"detail":"嫌疑人持刀"})"},
    {"add_person", R"({"incident":"310100-20261122-000001","role":"victim","fields":{"name":"陈某","phone":"13800001111","id_number":"310101199001011234"}})"},
    {"add_vehicle", R"({"incident":"310100-20261122-000001","role":"suspect","fields":{"plate":"沪C·5K123","colour":"黑"}})"},
    {"accept_incident", R"({"incident":"310100-20261122-000001"})"},
    {"issue_order", R"({"incident":"310100-20261122-000001","target":{"kind":"unit","id":"沪A-巡01","name":"巡逻一组"},"instructions":"前往核实"})"},
    {"acknowledge_order", R"({"order":"310100-20261122-D000001"})"},
    {"sign_for", R"({"order":"310100-20261122-D000001"})"},
    {"en_route", R"({"order":"310100-20261122-D000001"})"},
    // 000002: a collision sent to a station, which split it to an officer and a unit.
    {"create_incident", R"({"call":"310100-20261122-C000002","summary":"两车相撞","type_code":"030101"})"},
    {"assign_station", R"({"incident":"310100-20261122-000002","station":"310101-03","source":"location"})"},
    {"accept_incident", R"({"incident":"310100-20261122-000002"})"},
    {"issue_order", R"({"incident":"310100-20261122-000002","target":{"kind":"station","id":"310101530000","name":"外滩派出所"}})"},
    {"sign_for", R"({"order":"310100-20261122-D000002"})"},
    {"split_order", R"({"order":"310100-20261122-D000002","instructions":"速到现场","targets":[{"kind":"officer","id":"012345","name":"张伟"},{"kind":"unit","id":"沪A-巡02"}]})"},
    {"sign_for", R"({"order":"310100-20261122-D000003"})"},
    {"en_route", R"({"order":"310100-20261122-D000003"})"},
    {"arrive", R"({"order":"310100-20261122-D000003"})"},
    {"give_feedback", R"({"order":"310100-20261122-D000003","text":"已到场，一人轻伤"})"},
    // 000003: a fight, still being taken, linked to 000001.
    {"create_incident", R"({"call":"310100-20261122-C000003","summary":"有人打架"})"},
    {"link_incidents", R"({"incident":"310100-20261122-000003","other":"310100-20261122-000001","reason":"同一嫌疑人"})"},
    // 000004: a unit's own report; its order was returned (退单) and awaits reissue.
    {"create_incident", R"({"type_code":"0207","summary":"楼上装修噪音"})"},
    {"accept_incident", R"({"incident":"310100-20261122-000004"})"},
    {"issue_order", R"({"incident":"310100-20261122-000004","target":{"kind":"station","id":"310101530000"}})"},
    {"return_order", R"({"order":"310100-20261122-D000005","reason":"非本辖区"})"},
    // 000005: merged into 000001.
    {"create_incident", R"({"type_code":"010501","summary":"同一盗窃"})"},
    {"merge_incident", R"({"incident":"310100-20261122-000005","into":"310100-20261122-000001","reason":"重复"})"},
    // 000006: handled and closed with a disposition.
    {"create_incident", R"({"type_code":"0207","summary":"噪音扰民"})"},
    {"accept_incident", R"({"incident":"310100-20261122-000006"})"},
    {"issue_order", R"({"incident":"310100-20261122-000006","target":{"kind":"unit","id":"沪A-巡03"}})"},
    {"sign_for", R"({"order":"310100-20261122-D000006"})"},
    {"en_route", R"({"order":"310100-20261122-D000006"})"},
    {"arrive", R"({"order":"310100-20261122-D000006"})"},
    {"give_feedback", R"({"order":"310100-20261122-D000006","text":"已劝离"})"},
    {"complete_order", R"({"order":"310100-20261122-D000006"})"},
    {"close_scene", R"({"incident":"310100-20261122-000006","disposition":"21"})"},
    // 000007: handed to the fire service.
    {"create_incident", R"({"type_code":"0401","summary":"楼道起火"})"},
    {"transfer_incident", R"({"incident":"310100-20261122-000007","to_agency":"119","reason":"火情由消防处置"})"},
    // 000008: accepted, an order cancelled.
    {"create_incident", R"({"type_code":"010301","summary":"便利店持刀抢劫","priority":1})"},
    {"accept_incident", R"({"incident":"310100-20261122-000008"})"},
    {"issue_order", R"({"incident":"310100-20261122-000008","target":{"kind":"vehicle","id":"沪A-1234"}})"},
    {"cancel_order", R"({"order":"310100-20261122-D000007","reason":"改派"})"},
};

const store::Actor kActor{"dp-fuzz", "dispatcher", "ws-01"};

struct World {
  Taxonomy taxonomy;
  Centre centre;
  State state;
  UtcTime now;
};

const World& world() {
  static const World built = [] {
    auto taxonomy = load_taxonomy(SHOUWANG_FUZZ_TAXONOMY_DIR);
    if (!taxonomy.ok())
      finding("taxonomy", taxonomy.error().to_string());
    auto centre = make_centre("310100", 480);
    if (!centre.ok())
      finding("centre", centre.error().to_string());
    World w{std::move(*taxonomy), *centre, State{}, kStart};
    const Decider decider(w.centre, w.taxonomy);
    for (const Step& step : kSetUp) {
      w.now = w.now.plus_micros(kStepMicros);
      auto command = decode_command(step.name, step.body, w.now);
      if (!command.ok())
        finding(step.body, command.error().to_string());
      auto events = decider.decide(w.state, *command, kActor, w.now);
      if (!events.ok())
        finding(step.body, events.error().to_string());
      if (const Status applied = apply_all(w.state, *events); !applied.ok())
        finding(step.body, applied.error().to_string());
    }
    if (const Status valid = check_invariants(w.state); !valid.ok())
      finding("set-up state", valid.error().to_string());
    w.now = w.now.plus_micros(kStepMicros);
    return w;
  }();
  return built;
}

bool decoder_code(Errc code) {
  return code == Errc::kInvalidArgument || code == Errc::kNotFound;
}

bool refusal_code(Errc code) {
  switch (code) {
    case Errc::kInvalidArgument:
    case Errc::kNotFound:
    case Errc::kInvalidTransition:
    case Errc::kConflict:
    case Errc::kAlreadyExists:
    case Errc::kOutOfRange:
      return true;
    default:
      return false;
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  world();  // built before the first input, so a broken set-up fails at once
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t newline = input.find('\n');
  const std::string_view name = input.substr(0, newline);
  const std::string_view body = newline == std::string_view::npos ? std::string_view{} : input.substr(newline + 1);

  const World& w = world();
  auto command = decode_command(name, body, w.now);
  if (!command.ok()) {
    if (!decoder_code(command.error().code) || command.error().message.empty())
      finding("decode_command refused with an undocumented error", command.error().to_string());
    return 0;
  }
  if (command_name(*command) != name)
    finding("decode_command returned another command", command_name(*command));

  const Decider decider(w.centre, w.taxonomy);
  auto events = decider.decide(w.state, *command, kActor, w.now);
  if (!events.ok()) {
    if (!refusal_code(events.error().code) || events.error().message.empty())
      finding("decide refused with an undocumented error", events.error().to_string());
    return 0;
  }
  if (events->empty())
    finding("decide accepted a command without events", name);

  State state = w.state;
  for (const store::EventDraft& event : *events) {
    if (const Status applied = apply(state, event); !applied.ok())
      finding("an event from decide does not apply", applied.error().to_string());
  }
  if (const Status valid = check_invariants(state); !valid.ok())
    finding("an accepted command broke an invariant", valid.error().to_string());
  const std::string text = serialize_state(state);
  auto parsed = parse_state(text);
  if (!parsed.ok())
    finding("the state does not parse back", parsed.error().to_string());
  if (!(*parsed == state))
    finding("the state changed through its canonical JSON", text);
  return 0;
}
