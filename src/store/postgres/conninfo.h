#pragma once
// What error messages may say about a connection string and what they must never say: a
// description of the database without its password, and the password itself (in every
// spelling the string holds) so that it can be scrubbed from any text before it is shown.

#include <string>
#include <vector>

namespace shouwang::store::postgres {

struct ConninfoText {
  std::string description;           // "postgresql://USER@HOST:PORT/DB", never a password
  std::vector<std::string> secrets;  // the password as written and as decoded; may be empty
};

// Works on URLs ("postgresql://...") and on "key=value" strings; a string libpq cannot
// parse gets a generic description and its message, scrubbed, after it.
ConninfoText describe_conninfo(const std::string& conninfo);

// `text` with every non-empty secret replaced by "***".
std::string scrub(std::string text, const std::vector<std::string>& secrets);

}  // namespace shouwang::store::postgres
