// The exchange module's translation units are listed in CMakeLists.txt; this one keeps the
// library non-empty while its parts are added.
namespace shouwang::exchange {}
