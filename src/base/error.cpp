#include <shouwang/base/error.h>

namespace shouwang {

std::string_view errc_name(Errc code) {
  switch (code) {
    case Errc::kInvalidArgument: return "invalid_argument";
    case Errc::kOutOfRange: return "out_of_range";
    case Errc::kNotFound: return "not_found";
    case Errc::kAlreadyExists: return "already_exists";
    case Errc::kConflict: return "conflict";
    case Errc::kInvalidTransition: return "invalid_transition";
    case Errc::kUnauthenticated: return "unauthenticated";
    case Errc::kPermissionDenied: return "permission_denied";
    case Errc::kIoError: return "io_error";
    case Errc::kCorrupt: return "corrupt";
    case Errc::kUnavailable: return "unavailable";
    case Errc::kResourceExhausted: return "resource_exhausted";
    case Errc::kInternal: return "internal";
  }
  return "internal";
}

int errc_http_status(Errc code) {
  switch (code) {
    case Errc::kInvalidArgument:
    case Errc::kOutOfRange: return 400;
    case Errc::kUnauthenticated: return 401;
    case Errc::kPermissionDenied: return 403;
    case Errc::kNotFound: return 404;
    case Errc::kAlreadyExists:
    case Errc::kConflict:
    case Errc::kInvalidTransition: return 409;
    case Errc::kUnavailable: return 503;
    case Errc::kResourceExhausted: return 429;
    case Errc::kIoError:
    case Errc::kCorrupt:
    case Errc::kInternal: return 500;
  }
  return 500;
}

std::string Error::to_string() const {
  std::string out(errc_name(code));
  out += ": ";
  out += message;
  if (!field.empty()) {
    out += " (field: ";
    out += field;
    out += ")";
  }
  return out;
}

}  // namespace shouwang
