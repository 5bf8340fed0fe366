#pragma once
// Maps (method, path pattern) to handlers. Patterns are literal segments or `{name}`
// parameters: "/api/v1/incidents/{id}". HEAD runs the GET handler; the HTTP server then
// sends the body's length without the body. Unknown API paths get a JSON 404, a known path with
// the wrong method a 405 with `Allow`; everything else goes to the fallback (static files).
// WebSocket endpoints are registered apart: the HTTP server asks websocket_handler() for
// an upgrade request, and a plain GET to such a path gets a 426.

#include <functional>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include <shouwang/server/http_message.h>

namespace shouwang::server {

using Handler = std::function<HttpResponse(const HttpRequest&)>;

class Subscription;  // stream_subscription.h
// What a WebSocket endpoint answers an upgrade request with: an HTTP response that refuses
// it (401, 403, 400 …, sent instead of the upgrade) or the subscription whose messages the
// upgraded connection carries.
using WebSocketAnswer = std::variant<HttpResponse, std::shared_ptr<Subscription>>;
using WebSocketHandler = std::function<WebSocketAnswer(const HttpRequest&)>;

struct RouteInfo {
  std::string method;
  std::string pattern;
  bool websocket = false;  // a WebSocket endpoint (method "GET")
};

// Thread-safe for dispatch once routes are registered; register before serving.
class Router {
 public:
  void add(std::string method, std::string pattern, Handler handler);
  void set_fallback(Handler handler) { fallback_ = std::move(handler); }
  // Told about every request a route answered: its method, the route's pattern (not the
  // path, so ids do not explode the metrics), the status and the handler's time. Set
  // before serving.
  using Observer = std::function<void(const std::string& method, const std::string& pattern, int status,
                                      double seconds)>;
  void set_observer(Observer observer) { observer_ = std::move(observer); }
  // A WebSocket endpoint at `pattern` ({name} parameters as for add).
  void add_websocket(std::string pattern, WebSocketHandler handler);
  // The endpoint for an upgrade request to `request.path`, with its path parameters bound
  // into request.params; null when no WebSocket endpoint matches.
  [[nodiscard]] const WebSocketHandler* websocket_handler(HttpRequest& request) const;

  [[nodiscard]] HttpResponse dispatch(HttpRequest request) const;
  [[nodiscard]] std::vector<RouteInfo> routes() const;

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;
    Handler handler;
  };
  static bool match(const std::vector<std::string>& pattern_segments, const std::vector<std::string>& path_segments,
                    std::map<std::string, std::string>& params);

  struct WebSocketRoute {
    std::string pattern;
    std::vector<std::string> segments;
    WebSocketHandler handler;
  };

  std::vector<Route> routes_;
  std::vector<WebSocketRoute> websocket_routes_;
  Handler fallback_;
  Observer observer_;
};

}  // namespace shouwang::server
