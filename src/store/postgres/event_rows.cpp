#include "store/postgres/event_rows.h"

#include <cstring>
#include <string_view>

#include "store/draft_rules.h"
#include "store/postgres/binary_values.h"

namespace shouwang::store::postgres {
namespace {

std::string_view field(const PGresult* result, int row, int column) {
  return {PQgetvalue(result, row, column),
          static_cast<std::size_t>(PQgetlength(result, row, column))};
}

}  // namespace

Status view_row(const PGresult* result, int row, EventView& view,
                std::vector<std::string_view>& ids) {
  const std::string_view seq = field(result, row, 0);
  const std::string_view time = field(result, row, 1);
  if (seq.size() != 8 || time.size() != 8) {
    return Error(Errc::kCorrupt,
                 "an events row holds an integer that is not a bigint (the table was altered)");
  }
  view.seq = get_be(seq.data(), 8);
  view.time = UtcTime::from_micros(static_cast<std::int64_t>(get_be(time.data(), 8)));
  view.actor_user = field(result, row, 2);
  view.actor_role = field(result, row, 3);
  view.actor_workstation = field(result, row, 4);
  view.type = field(result, row, 5);
  detail::split_entities(field(result, row, 6), ids);
  view.entities = ids;
  view.payload = field(result, row, 7);
  const std::string_view hash = field(result, row, 8);
  view.hash = {};
  if (hash.size() == view.hash.size())
    std::memcpy(view.hash.data(), hash.data(), hash.size());
  return {};
}

Result<std::vector<Event>> events_from_result(const PGresult* result) {
  const int rows = PQntuples(result);
  std::vector<Event> out;
  out.reserve(static_cast<std::size_t>(rows));
  EventView view;
  std::vector<std::string_view> ids;
  for (int row = 0; row < rows; ++row) {
    if (auto ok = view_row(result, row, view, ids); !ok)
      return ok.error();
    out.push_back(view.to_event());
  }
  return out;
}

void add_event_row(BinaryCopy& copy, std::uint64_t seq, const EventDraft& body,
                   const Sha256& hash) {
  copy.begin_row(9);
  copy.add_int8(static_cast<std::int64_t>(seq));
  copy.add_int8(body.time.micros());
  copy.add_bytes(body.actor.user);
  copy.add_bytes(body.actor.role);
  copy.add_bytes(body.actor.workstation);
  copy.add_bytes(body.type);
  copy.add_bytes(detail::join_entities(body.entities));
  copy.add_bytes(body.payload);
  copy.add_bytes(std::string_view(reinterpret_cast<const char*>(hash.data()), hash.size()));
}

}  // namespace shouwang::store::postgres
