#include <shouwang/server/http_message.h>

#include <nlohmann/json.hpp>

namespace shouwang::server {

std::string HttpRequest::header(const std::string& lower_name) const {
  const auto it = headers.find(lower_name);
  return it == headers.end() ? std::string() : it->second;
}

HttpRequest HttpRequest::make(std::string method, std::string target) {
  HttpRequest request;
  request.method = std::move(method);
  request.target = std::move(target);
  const auto q = request.target.find('?');
  request.path = request.target.substr(0, q);
  if (q != std::string::npos) request.query = request.target.substr(q + 1);
  return request;
}

HttpResponse HttpResponse::json(int status, std::string body) {
  HttpResponse response;
  response.status = status;
  response.content_type = "application/json";
  response.body = std::move(body);
  return response;
}

HttpResponse HttpResponse::error(const Error& error) {
  nlohmann::json body = {{"code", errc_name(error.code)}, {"message", error.message}};
  if (!error.field.empty()) body["field"] = error.field;
  return json(errc_http_status(error.code), body.dump());
}

HttpResponse HttpResponse::error(int status, const std::string& code, const std::string& message) {
  return json(status, nlohmann::json{{"code", code}, {"message", message}}.dump());
}

}  // namespace shouwang::server
