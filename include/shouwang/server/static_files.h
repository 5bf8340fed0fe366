#pragma once
// Serves the built console (web/dist) from a directory: exact files with their content
// type, index.html for client-side routes (paths without a file extension), 404 for
// missing files, 400 for paths that try to leave the directory.

#include <filesystem>

#include <shouwang/server/http_message.h>

namespace shouwang::server {

class StaticFiles {
 public:
  explicit StaticFiles(std::filesystem::path root);
  [[nodiscard]] HttpResponse serve(const HttpRequest& request) const;
  [[nodiscard]] const std::filesystem::path& root() const { return root_; }

  // "text/javascript; charset=utf-8" for "app.js" ...
  static const char* content_type_for(const std::filesystem::path& file);

 private:
  std::filesystem::path root_;
};

}  // namespace shouwang::server
