#pragma once
// Event records as rows of the `events` table: decoded from binary-format query results,
// encoded as binary COPY rows. The column order is kEventColumns everywhere.

#include <cstdint>
#include <libpq-fe.h>
#include <string_view>
#include <vector>

#include <shouwang/base/result.h>
#include <shouwang/store/event.h>

#include "store/postgres/binary_copy.h"

namespace shouwang::store::postgres {

inline constexpr const char* kEventColumns =
    "seq, time_us, actor_user, actor_role, actor_workstation, type, entities, payload, hash";

// Row `row` of a binary-format result whose columns are kEventColumns, as views into the
// result (valid while it lives); `ids` holds the entity ids the view points at. A hash of
// the wrong length is left as zeros, for verification to report against its record; an
// integer column of the wrong width (the table altered by hand) is kCorrupt.
Status view_row(const PGresult* result, int row, EventView& view,
                std::vector<std::string_view>& ids);

// Every row of such a result, copied out.
Result<std::vector<Event>> events_from_result(const PGresult* result);

// Appends the record (seq, body, hash) as one row of kEventColumns.
void add_event_row(BinaryCopy& copy, std::uint64_t seq, const EventDraft& body, const Sha256& hash);

}  // namespace shouwang::store::postgres
