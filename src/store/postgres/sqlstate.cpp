#include "store/postgres/sqlstate.h"

namespace shouwang::store::postgres {

Errc errc_for_sqlstate(std::string_view sqlstate) {
  if (sqlstate.size() != 5)
    return Errc::kIoError;
  const std::string_view error_class = sqlstate.substr(0, 2);
  if (error_class == "08" || error_class == "40" || sqlstate.starts_with("57P") ||
      sqlstate == "57014" || sqlstate == "55P03" || sqlstate == "53300") {
    return Errc::kUnavailable;
  }
  if (sqlstate == "23505")
    return Errc::kConflict;
  if (sqlstate == "XX001" || sqlstate == "XX002")
    return Errc::kCorrupt;
  if (error_class == "22")
    return Errc::kInvalidArgument;
  if (sqlstate == "42501" || error_class == "28")
    return Errc::kPermissionDenied;
  return Errc::kIoError;
}

}  // namespace shouwang::store::postgres
