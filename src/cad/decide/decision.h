#pragma once
// The working context of one decide() call: what it reads (state, taxonomy, actor, time)
// and what it produces (event drafts, in order). It also hands out the ids of new records:
// the next serial of the centre's local day after the last one in the state and the ones
// already handed out in this decision.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include <shouwang/base/clock.h>
#include <shouwang/base/result.h>
#include <shouwang/cad/centre.h>
#include <shouwang/cad/record_id.h>
#include <shouwang/cad/state.h>
#include <shouwang/cad/taxonomy.h>
#include <shouwang/store/event.h>

namespace shouwang::cad {

class Decision {
 public:
  Decision(const State& state, const Centre& centre, const Taxonomy& taxonomy,
           const store::Actor& actor, UtcTime now)
      : state_(state), centre_(centre), taxonomy_(taxonomy), actor_(actor), now_(now) {}

  [[nodiscard]] const State& state() const { return state_; }
  [[nodiscard]] const Taxonomy& taxonomy() const { return taxonomy_; }
  [[nodiscard]] const std::string& user() const { return actor_.user; }
  [[nodiscard]] UtcTime now() const { return now_; }

  // Ids for new records; kOutOfRange when the day's serials are used up or `now` lies
  // outside the years ids can carry.
  Result<IncidentId> new_incident_id();
  Result<CallId> new_call_id();
  Result<OrderId> new_order_id();
  Result<WarningId> new_warning_id();

  // Lookups that turn a missing record into kNotFound naming `field`.
  Result<const Call*> call(CallId id, std::string_view field = "call") const;
  Result<const Incident*> incident(IncidentId id, std::string_view field = "incident") const;
  Result<const Order*> order(OrderId id, std::string_view field = "order") const;
  Result<const Unit*> unit(std::string_view id, std::string_view field = "unit") const;

  // Appends an event draft; `entities` most general first (incident, then order or call).
  // A payload string that is not valid UTF-8 is not emitted: it becomes text_error().
  void emit(std::string_view type, std::vector<std::string> entities, nlohmann::json payload);

  // kInvalidArgument naming the first payload field whose text was not valid UTF-8.
  [[nodiscard]] const std::optional<Error>& text_error() const { return text_error_; }

  [[nodiscard]] std::vector<store::EventDraft> take() { return std::move(drafts_); }

 private:
  // The day's next number given the last serial of the day in the state.
  Result<RecordNumber> next_number(std::uint32_t last_serial_in_state,
                                   std::uint32_t& handed_out) const;
  [[nodiscard]] std::int32_t today() const { return local_day(centre_, now_); }

  const State& state_;
  const Centre& centre_;
  const Taxonomy& taxonomy_;
  const store::Actor& actor_;
  UtcTime now_;
  std::uint32_t calls_handed_out_ = 0;
  std::uint32_t incidents_handed_out_ = 0;
  std::uint32_t orders_handed_out_ = 0;
  std::uint32_t warnings_handed_out_ = 0;
  std::vector<store::EventDraft> drafts_;
  std::optional<Error> text_error_;
};

}  // namespace shouwang::cad
