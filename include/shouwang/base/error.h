#pragma once
// The project's error vocabulary. Expected failures (bad input, not found, a forbidden
// state transition) travel as values; see result.h and CONTRIBUTING.md.

#include <string>
#include <string_view>
#include <utility>

namespace shouwang {

enum class Errc {
  kInvalidArgument,    // input that can never succeed as given (bad flag, field, value)
  kOutOfRange,         // a value outside its allowed range
  kNotFound,           // the named thing does not exist
  kAlreadyExists,      // creating something that exists
  kConflict,           // the request contradicts current state (stale version, duplicate)
  kInvalidTransition,  // a state machine refuses the step
  kUnauthenticated,    // no valid credentials
  kPermissionDenied,   // credentials valid, action not allowed for this role or scope
  kIoError,            // the operating system refused (open, write, bind ...)
  kCorrupt,            // stored data failed a check (magic, version, checksum, hash chain)
  kUnavailable,        // a dependency is down; retrying later may succeed
  kResourceExhausted,  // too many requests (a rate limit) or too large a request
  kInternal,           // a bug: an invariant did not hold
};

// Stable machine-readable name, used as the `code` of API errors ("invalid_argument").
std::string_view errc_name(Errc code);

// The HTTP status that fits an error code (400, 404, 409, 500 ...).
int errc_http_status(Errc code);

struct Error {
  Errc code = Errc::kInternal;
  std::string message;  // for people: says what is wrong and, where possible, what to do
  std::string field;    // the offending input field or flag, empty when not about one

  Error() = default;
  Error(Errc c, std::string msg, std::string fld = {})
      : code(c), message(std::move(msg)), field(std::move(fld)) {}

  // "invalid_argument: --seed must be a whole number (field: --seed)"
  [[nodiscard]] std::string to_string() const;
};

}  // namespace shouwang
