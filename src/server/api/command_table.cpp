#include "server/api/command_table.h"

#include <array>

namespace shouwang::server::api {
namespace {

constexpr CommandRoute route(std::string_view pattern, std::string_view command, Answers answers = Answers::kIncident,
                            bool creates = false, std::string_view numeric_param = {}) {
  return {pattern, command, answers, creates, numeric_param};
}

constexpr std::array<CommandRoute, 48> kRoutes{
    route("/api/v1/calls", "receive_call", Answers::kCall, true),
    route("/api/v1/calls/{call}/dismiss", "dismiss_call", Answers::kCall),
    route("/api/v1/calls/{call}/merge", "merge_call", Answers::kCall),
    route("/api/v1/incidents", "create_incident", Answers::kIncident, true),
    route("/api/v1/incidents/{incident}/accept", "accept_incident"),
    route("/api/v1/incidents/{incident}/merge", "merge_incident"),
    route("/api/v1/incidents/{incident}/links", "link_incidents"),
    route("/api/v1/incidents/{incident}/transfer", "transfer_incident"),
    route("/api/v1/incidents/{incident}/cancel", "cancel_incident"),
    route("/api/v1/incidents/{incident}/close-scene", "close_scene"),
    route("/api/v1/incidents/{incident}/terminate", "terminate_incident"),
    route("/api/v1/incidents/{incident}/archive", "archive_incident"),
    route("/api/v1/incidents/{incident}/type", "set_type"),
    route("/api/v1/incidents/{incident}/priority", "set_priority"),
    route("/api/v1/incidents/{incident}/station", "assign_station"),
    route("/api/v1/incidents/{incident}/disposition", "set_disposition"),
    route("/api/v1/incidents/{incident}/locations", "add_location_candidate"),
    route("/api/v1/incidents/{incident}/locations/{candidate}/confirm", "confirm_location", Answers::kIncident, false, "candidate"),
    route("/api/v1/incidents/{incident}/cautions", "add_caution"),
    route("/api/v1/incidents/{incident}/notes", "add_note"),
    route("/api/v1/incidents/{incident}/persons", "add_person"),
    route("/api/v1/incidents/{incident}/vehicles", "add_vehicle"),
    route("/api/v1/incidents/{incident}/verifications", "verify_field"),
    route("/api/v1/incidents/{incident}/orders", "issue_order", Answers::kOrder, true),
    route("/api/v1/orders/{order}/split", "split_order", Answers::kOrder, true),
    route("/api/v1/orders/{order}/acknowledge", "acknowledge_order", Answers::kOrder),
    route("/api/v1/orders/{order}/sign-for", "sign_for", Answers::kOrder),
    route("/api/v1/orders/{order}/en-route", "en_route", Answers::kOrder),
    route("/api/v1/orders/{order}/arrive", "arrive", Answers::kOrder),
    route("/api/v1/orders/{order}/feedback", "give_feedback", Answers::kOrder),
    route("/api/v1/orders/{order}/complete", "complete_order", Answers::kOrder),
    route("/api/v1/orders/{order}/cancel", "cancel_order", Answers::kOrder),
    route("/api/v1/orders/{order}/return", "return_order", Answers::kOrder),
    route("/api/v1/units", "register_unit", Answers::kUnit, true),
    route("/api/v1/units/{unit}/profile", "update_unit", Answers::kUnit),
    route("/api/v1/units/{unit}/retire", "retire_unit", Answers::kUnit),
    route("/api/v1/units/{unit}/shift/start", "start_shift", Answers::kUnit),
    route("/api/v1/units/{unit}/shift/end", "end_shift", Answers::kUnit),
    route("/api/v1/units/{unit}/status", "set_unit_status", Answers::kUnit),
    route("/api/v1/units/{unit}/emergency", "raise_emergency", Answers::kUnit, true),
    route("/api/v1/units/{unit}/emergency/clear", "clear_emergency", Answers::kUnit),
    route("/api/v1/warnings/{warning}/acknowledge", "acknowledge_warning", Answers::kWarning),
    route("/api/v1/sites", "register_site", Answers::kSite, true),
    route("/api/v1/sites/{site}/profile", "update_site", Answers::kSite),
    route("/api/v1/sites/{site}/retire", "retire_site", Answers::kSite),
    route("/api/v1/posts", "register_post", Answers::kPost, true),
    route("/api/v1/posts/{post}/profile", "update_post", Answers::kPost),
    route("/api/v1/posts/{post}/retire", "retire_post", Answers::kPost),
};

}  // namespace

std::span<const CommandRoute> command_routes() { return kRoutes; }

}  // namespace shouwang::server::api
