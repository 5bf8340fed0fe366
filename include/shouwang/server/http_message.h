#pragma once
// Transport-neutral HTTP request and response: handlers see these, never Beast types, so
// routes and their tests compile without the networking library.

#include <map>
#include <string>
#include <utility>
#include <vector>

#include <shouwang/base/error.h>

namespace shouwang::server {

struct HttpRequest {
  std::string method;                          // "GET"
  std::string target;                          // "/api/v1/incidents?page=2"
  std::string path;                            // "/api/v1/incidents"
  std::string query;                           // "page=2"
  std::map<std::string, std::string> headers;  // names in lower case
  std::map<std::string, std::string> params;   // path parameters bound by the router
  std::string body;
  std::string remote_address;                  // the peer's IP address, when known

  [[nodiscard]] std::string header(const std::string& lower_name) const;
  // Splits a target into path and query.
  static HttpRequest make(std::string method, std::string target);
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "text/plain; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;

  static HttpResponse json(int status, std::string body);
  // `{"code": "...", "message": "...", "field": "..."}` with the status that fits the code.
  static HttpResponse error(const Error& error);
  static HttpResponse error(int status, const std::string& code, const std::string& message);
};

}  // namespace shouwang::server
