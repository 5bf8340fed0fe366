#pragma once
// Test helper: a minimal blocking HTTP/1.1 client over a POSIX socket, so server tests talk
// to the server exactly as a browser or curl would, without sharing its HTTP library.

#include <map>
#include <string>

namespace shouwang::test {

struct RawResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
};

class HttpClient {
 public:
  explicit HttpClient(int port);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // Sends raw bytes and reads one response (Content-Length framed). Keeps the connection.
  RawResponse exchange(const std::string& raw_request, bool expect_body = true);
  RawResponse get(const std::string& target);
  [[nodiscard]] bool connected() const { return fd_ >= 0; }
  // True when the server has closed the connection (read returns 0).
  bool peer_closed();

 private:
  int fd_ = -1;
  std::string pending_;
};

}  // namespace shouwang::test
