# How a module becomes a CMake target (see ARCHITECTURE.md).

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
