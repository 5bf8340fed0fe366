# Project-wide warning and sanitizer flags, applied to our own targets only through
# the `shouwang_options` interface target (third-party headers come in as SYSTEM).
add_library(shouwang_options INTERFACE)
target_compile_options(shouwang_options INTERFACE
  -Wall -Wextra -Wpedantic -Werror
  -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual
  -Wimplicit-fallthrough)
target_compile_features(shouwang_options INTERFACE cxx_std_20)

if(SHOUWANG_SANITIZE)
  target_compile_options(shouwang_options INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_link_options(shouwang_options INTERFACE -fsanitize=address,undefined)
endif()
