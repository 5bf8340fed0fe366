#pragma once
// How a PostgreSQL error (its five-character SQLSTATE) maps onto the project's error codes.

#include <string_view>

#include <shouwang/base/error.h>

namespace shouwang::store::postgres {

// kUnavailable for what a retry later may cure (connection lost, server shutting down,
// lock or statement timeout, serialization failure, too many connections); kConflict for a
// unique violation (a sequence number some other writer took); kCorrupt for data the server
// found damaged; kInvalidArgument for data it refused (e.g. bytes that are not UTF-8);
// kPermissionDenied for missing privileges; kIoError otherwise.
Errc errc_for_sqlstate(std::string_view sqlstate);

}  // namespace shouwang::store::postgres
