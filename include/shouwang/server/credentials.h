#pragma once
// Passwords and session tokens (design.md §6): passwords are stored only as Argon2id hashes
// (libsodium's crypto_pwhash_str, which keeps the algorithm, its cost and the salt in the
// string), and tokens are random bytes from the operating system's generator.

#include <cstddef>
#include <string>
#include <string_view>

#include <shouwang/base/result.h>

namespace shouwang::server {

// Passwords of 8 to 128 bytes; kInvalidArgument (field "password") otherwise.
Status check_password_rules(std::string_view password);

// An Argon2id hash string ("$argon2id$v=19$m=...,t=...,p=1$salt$hash") of `password`, with a
// fresh random salt and libsodium's interactive cost (about 64 MiB and a fraction of a second,
// so that guessing offline is slow while a login stays quick). kInternal if the machine
// cannot spare the memory.
Result<std::string> hash_password(std::string_view password);

// Whether `password` matches a string made by hash_password (in constant time with respect
// to the password); false for a malformed hash.
bool verify_password(std::string_view hash, std::string_view password);

// Whether a stored hash was made with weaker settings than hash_password uses today, so
// that it is replaced at the next successful login.
bool needs_rehash(std::string_view hash);

// `bytes` random bytes as URL-safe base64 without padding (32 bytes: 43 characters), for
// session tokens and CSRF tokens.
std::string random_token(std::size_t bytes = 32);

// The hex SHA-256 of a token: what the server keeps (and logs) instead of the token, so a
// copy of the event log opens no session.
std::string token_digest(std::string_view token);

// Equality of two secrets in time that does not depend on where they differ.
bool secrets_equal(std::string_view a, std::string_view b);

}  // namespace shouwang::server
