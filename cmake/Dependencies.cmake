# Third-party libraries, all from Debian 12 packages (scripts/install-deps.sh installs them).
find_package(Threads REQUIRED)
find_package(ZLIB REQUIRED)
find_package(BZip2 REQUIRED)
find_package(EXPAT REQUIRED)
find_package(Boost 1.74 REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
# Unit telemetry over MQTT (src/server/telemetry): the Mosquitto client library.
pkg_check_modules(MOSQUITTO REQUIRED IMPORTED_TARGET libmosquitto)
find_package(OpenSSL REQUIRED COMPONENTS Crypto)
# libpq only (Debian's libpq-dev); the server headers are not needed.
find_package(PostgreSQL REQUIRED)

# libosmium and protozero are header-only; Debian ships no CMake config for them.
find_path(OSMIUM_INCLUDE_DIR osmium/version.hpp REQUIRED)
find_path(PROTOZERO_INCLUDE_DIR protozero/version.hpp REQUIRED)
add_library(osmium_headers INTERFACE)
target_include_directories(osmium_headers SYSTEM INTERFACE
  ${OSMIUM_INCLUDE_DIR} ${PROTOZERO_INCLUDE_DIR})
target_link_libraries(osmium_headers INTERFACE ZLIB::ZLIB BZip2::BZip2 EXPAT::EXPAT Threads::Threads)

if(SHOUWANG_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()
if(SHOUWANG_BUILD_BENCH)
  find_package(benchmark REQUIRED)
endif()

# Historical CSV import (src/exchange): zip archives, mapping files (Debian builds toml++
# as a shared library), coordinate systems, and time zones from the system's tz database.
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)
# XLSX briefings (src/report).
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)
pkg_check_modules(TOMLPLUSPLUS REQUIRED IMPORTED_TARGET tomlplusplus)
pkg_check_modules(PROJ REQUIRED IMPORTED_TARGET proj)
find_package(date REQUIRED CONFIG)
