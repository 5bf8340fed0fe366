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

# GCC 12's -Wrestrict and -Wmaybe-uninitialized misfire at -O2 and above on inlined
# std::string and std::optional code in our own files and in libstdc++ itself (GCC bugs
# 105329 and 105651, among others): they stay warnings there, not errors, so a Release
# build does not fail on the standard library's code paths.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 12)
  target_compile_options(shouwang_options INTERFACE
    $<$<NOT:$<CONFIG:Debug>>:-Wno-error=restrict -Wno-error=maybe-uninitialized -Wno-error=stringop-overread>)
endif()
