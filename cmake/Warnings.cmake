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

# shouwang_module(NAME SOURCES...) declares a module library whose public headers live in
# include/shouwang/NAME and whose private code lives in src/NAME.
function(shouwang_module name)
  add_library(shouwang_${name} STATIC ${ARGN})
  target_include_directories(shouwang_${name}
    PUBLIC ${PROJECT_SOURCE_DIR}/include
    PRIVATE ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(shouwang_${name} PRIVATE shouwang_options)
  add_library(shouwang::${name} ALIAS shouwang_${name})
endfunction()

# A module that a later milestone fills: a header-only target that already carries its
# place in the dependency graph.
function(shouwang_empty_module name)
  add_library(shouwang_${name} INTERFACE)
  target_include_directories(shouwang_${name} INTERFACE ${PROJECT_SOURCE_DIR}/include)
  add_library(shouwang::${name} ALIAS shouwang_${name})
endfunction()
