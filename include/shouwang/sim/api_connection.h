#pragma once
// The simulator's side of the HTTP API (docs/api/README.md): where the server is, and one
// keep-alive connection that sends JSON requests with a bearer token and reads the
// answers. Boost.Beast stays out of this header.
//
// Not thread-safe: one connection per thread. A connection that the server closed (idle
// keep-alive) is opened again, and a request that found it closed before any answer came
// is sent once more.

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include <shouwang/base/result.h>

namespace shouwang::sim {

struct ApiEndpoint {
  std::string host;
  int port = 80;
  // "http://HOST:PORT", for messages.
  [[nodiscard]] std::string url() const { return "http://" + host + ":" + std::to_string(port); }
};

// "http://HOST:PORT" or "http://HOST" (port 80), an optional trailing '/'. Only plain
// HTTP; kInvalidArgument (field "api") otherwise.
Result<ApiEndpoint> parse_api_url(std::string_view url);

// One request: method, target ("/api/v1/units"), a JSON body (empty for none) and the
// workstation it is made from (X-Workstation, recorded with the events; empty for none).
struct ApiRequest {
  std::string method = "GET";
  std::string target;
  std::string body;
  std::string workstation;
};

// The server's answer: the HTTP status and the body as JSON (null when it is not JSON).
struct ApiAnswer {
  int status = 0;
  nlohmann::json body;
  // The message of an error answer ({code, message}), or the status line.
  [[nodiscard]] std::string message() const;
  [[nodiscard]] bool ok() const { return status >= 200 && status < 300; }
};

class ApiConnection {
 public:
  explicit ApiConnection(ApiEndpoint endpoint,
                         std::chrono::seconds timeout = std::chrono::seconds(30));
  ~ApiConnection();
  ApiConnection(const ApiConnection&) = delete;
  ApiConnection& operator=(const ApiConnection&) = delete;

  // Sent with every request as Authorization: Bearer.
  void set_token(std::string token) { token_ = std::move(token); }

  // kUnavailable when the server cannot be reached or the exchange fails (the message
  // names the server and the reason); an answer of any status otherwise.
  Result<ApiAnswer> send(const ApiRequest& request);

 private:
  struct Impl;
  ApiEndpoint endpoint_;
  std::string token_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace shouwang::sim
