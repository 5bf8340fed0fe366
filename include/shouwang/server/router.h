#pragma once
// Maps (method, path pattern) to handlers. Patterns are literal segments or `{name}`
// parameters: "/api/v1/incidents/{id}". HEAD runs the GET handler; the HTTP server then
// sends the body's length without the body. Unknown API paths get a JSON 404, a known path with
// the wrong method a 405 with `Allow`; everything else goes to the fallback (static files).

#include <functional>
#include <string>
#include <vector>

#include <shouwang/server/http_message.h>

namespace shouwang::server {

using Handler = std::function<HttpResponse(const HttpRequest&)>;

struct RouteInfo {
  std::string method;
  std::string pattern;
};

// Thread-safe for dispatch once routes are registered; register before serving.
class Router {
 public:
  void add(std::string method, std::string pattern, Handler handler);
  void set_fallback(Handler handler) { fallback_ = std::move(handler); }

  [[nodiscard]] HttpResponse dispatch(HttpRequest request) const;
  [[nodiscard]] std::vector<RouteInfo> routes() const;

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;
    Handler handler;
  };
  static bool match(const Route& route, const std::vector<std::string>& path_segments,
                    std::map<std::string, std::string>& params);

  std::vector<Route> routes_;
  Handler fallback_;
};

}  // namespace shouwang::server
