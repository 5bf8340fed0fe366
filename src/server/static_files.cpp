#include <shouwang/server/static_files.h>

#include <fstream>
#include <sstream>

namespace shouwang::server {
namespace {

// Percent-decodes a URL path; false for malformed escapes or an encoded NUL.
bool url_decode(const std::string& in, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '%') {
      out += in[i];
      continue;
    }
    if (i + 2 >= in.size()) return false;
    int value = 0;
    for (int k = 1; k <= 2; ++k) {
      const char c = in[i + static_cast<std::size_t>(k)];
      value *= 16;
      if (c >= '0' && c <= '9') value += c - '0';
      else if (c >= 'a' && c <= 'f') value += c - 'a' + 10;
      else if (c >= 'A' && c <= 'F') value += c - 'A' + 10;
      else return false;
    }
    if (value == 0) return false;
    out += static_cast<char>(value);
    i += 2;
  }
  return true;
}

bool read_file(const std::filesystem::path& file, std::string& out) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  out = buffer.str();
  return true;
}

}  // namespace

StaticFiles::StaticFiles(std::filesystem::path root) : root_(std::move(root)) {}

const char* StaticFiles::content_type_for(const std::filesystem::path& file) {
  const std::string ext = file.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json" || ext == ".map") return "application/json";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".jpg" || ext == ".jpeg") return "image/jpeg";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".woff") return "font/woff";
  if (ext == ".ttf") return "font/ttf";
  if (ext == ".pbf") return "application/x-protobuf";
  if (ext == ".wasm") return "application/wasm";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

HttpResponse StaticFiles::serve(const HttpRequest& request) const {
  if (request.method != "GET" && request.method != "HEAD") {
    HttpResponse response = HttpResponse::error(405, "method_not_allowed", "only GET and HEAD are allowed here");
    response.headers.emplace_back("Allow", "GET, HEAD");
    return response;
  }
  std::string path;
  if (!url_decode(request.path, path)) {
    return HttpResponse::error(400, "invalid_argument", "malformed percent-encoding in the path");
  }
  // Refuse anything that could step outside the root, before touching the file system.
  std::filesystem::path relative;
  std::size_t start = 0;
  while (start < path.size()) {
    auto end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    const std::string segment = path.substr(start, end - start);
    if (segment == ".." || segment.find('\\') != std::string::npos) {
      return HttpResponse::error(400, "invalid_argument", "the path must not contain '..'");
    }
    if (!segment.empty() && segment != ".") relative /= segment;
    start = end + 1;
  }
  std::filesystem::path file = root_ / relative;
  std::error_code ec;
  if (relative.empty() || std::filesystem::is_directory(file, ec)) file /= "index.html";

  const bool exists = std::filesystem::is_regular_file(file, ec);
  if (!exists) {
    // Client-side routes (no extension) get the console's index page.
    if (relative.has_extension()) {
      return HttpResponse::error(404, "not_found", "no such file: " + request.path);
    }
    file = root_ / "index.html";
  }
  HttpResponse response;
  if (!read_file(file, response.body)) {
    return HttpResponse::error(404, "not_found", "the console is not built (missing " + file.filename().string() + ")");
  }
  response.content_type = content_type_for(file);
  const bool hashed_asset = relative.begin() != relative.end() && *relative.begin() == "assets";
  response.headers.emplace_back("Cache-Control", hashed_asset && exists ? "public, max-age=31536000, immutable" : "no-cache");
  return response;
}

}  // namespace shouwang::server
