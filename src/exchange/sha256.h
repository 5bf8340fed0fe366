#pragma once
// SHA-256 of a byte string as lower-case hex (OpenSSL's libcrypto). Identifies an import's
// file and mapping in its checkpoints.

#include <string>
#include <string_view>

namespace shouwang::exchange::detail {

std::string sha256_hex(std::string_view bytes);

}  // namespace shouwang::exchange::detail
