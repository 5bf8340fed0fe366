#include <shouwang/server/router.h>

#include <algorithm>
#include <chrono>

namespace shouwang::server {
namespace {

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> out;
  std::size_t start = 1;
  while (start <= path.size()) {
    const auto slash = path.find('/', start);
    const auto end = slash == std::string::npos ? path.size() : slash;
    out.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool is_api(const std::string& path) { return path == "/api" || path.rfind("/api/", 0) == 0; }

// A handler that throws is a bug; the client still gets an answer and the server lives on.
HttpResponse run_handler(const Handler& handler, const HttpRequest& request) {
  try {
    return handler(request);
  } catch (const std::exception& e) {
    return HttpResponse::error(500, "internal", std::string("the server failed to answer: ") + e.what());
  }
}

}  // namespace

void Router::add(std::string method, std::string pattern, Handler handler) {
  Route route{std::move(method), pattern, split_path(pattern), std::move(handler)};
  routes_.push_back(std::move(route));
}

void Router::add_websocket(std::string pattern, WebSocketHandler handler) {
  WebSocketRoute route{pattern, split_path(pattern), std::move(handler)};
  websocket_routes_.push_back(std::move(route));
}

const WebSocketHandler* Router::websocket_handler(HttpRequest& request) const {
  if (request.path.empty() || request.path.front() != '/') return nullptr;
  const auto segments = split_path(request.path);
  for (const WebSocketRoute& route : websocket_routes_) {
    std::map<std::string, std::string> params;
    if (!match(route.segments, segments, params)) continue;
    request.params = std::move(params);
    return &route.handler;
  }
  return nullptr;
}

bool Router::match(const std::vector<std::string>& pattern_segments, const std::vector<std::string>& path_segments,
                   std::map<std::string, std::string>& params) {
  if (pattern_segments.size() != path_segments.size()) return false;
  std::map<std::string, std::string> bound;
  for (std::size_t i = 0; i < path_segments.size(); ++i) {
    const std::string& want = pattern_segments[i];
    if (want.size() > 2 && want.front() == '{' && want.back() == '}') {
      if (path_segments[i].empty()) return false;
      bound[want.substr(1, want.size() - 2)] = path_segments[i];
    } else if (want != path_segments[i]) {
      return false;
    }
  }
  params = std::move(bound);
  return true;
}

HttpResponse Router::dispatch(HttpRequest request) const {
  if (request.path.empty() || request.path.front() != '/') {
    return HttpResponse::error(400, "invalid_argument", "the request target must start with /");
  }
  const auto segments = split_path(request.path);
  std::string allowed;
  for (const Route& route : routes_) {
    std::map<std::string, std::string> params;
    if (!match(route.segments, segments, params)) continue;
    const bool head_as_get = request.method == "HEAD" && route.method == "GET";
    if (route.method == request.method || head_as_get) {
      request.params = std::move(params);
      // HEAD keeps the GET body here; the transport sends its length and drops it.
      const auto start = std::chrono::steady_clock::now();
      HttpResponse response = run_handler(route.handler, request);
      if (!observer_) return response;
      observer_(route.method, route.pattern, response.status,
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
      return response;
    }
    if (!allowed.empty()) allowed += ", ";
    allowed += route.method;
  }
  for (const WebSocketRoute& route : websocket_routes_) {
    std::map<std::string, std::string> params;
    if (!match(route.segments, segments, params)) continue;
    if (request.method == "GET" || request.method == "HEAD") {
      // A WebSocket endpoint reached without the upgrade handshake.
      HttpResponse response = HttpResponse::error(
          426, "upgrade_required", request.path + " is a WebSocket endpoint: open it with a WebSocket upgrade request");
      response.headers.emplace_back("Upgrade", "websocket");
      response.headers.emplace_back("Connection", "Upgrade");
      return response;
    }
    if (!allowed.empty()) allowed += ", ";
    allowed += "GET";
  }
  if (!allowed.empty()) {
    HttpResponse response = HttpResponse::error(
        405, "method_not_allowed", request.method + " is not allowed on " + request.path + " (allowed: " + allowed + ")");
    response.headers.emplace_back("Allow", allowed);
    return response;
  }
  if (is_api(request.path) || !fallback_) {
    return HttpResponse::error(404, "not_found", "no such endpoint: " + request.method + " " + request.path);
  }
  return fallback_(request);
}

std::vector<RouteInfo> Router::routes() const {
  std::vector<RouteInfo> out;
  for (const Route& r : routes_) out.push_back({r.method, r.pattern});
  for (const WebSocketRoute& r : websocket_routes_) out.push_back({"GET", r.pattern, true});
  return out;
}

}  // namespace shouwang::server
