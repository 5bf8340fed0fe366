#include "ws_bench_client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>

namespace shouwang::bench {
namespace {

Result<int> connect_loopback(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return Error(Errc::kIoError, "cannot open a socket");
  const int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return Error(Errc::kIoError, "cannot connect to 127.0.0.1:" + std::to_string(port));
  }
  return fd;
}

bool send_all(int fd, const std::string& bytes) {
  return ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(bytes.size());
}

std::string request_text(const std::string& target, const std::vector<std::string>& headers, const std::string& extra,
                         const std::string& method = "GET", const std::string& body = "") {
  std::string request = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra;
  for (const auto& line : headers) request += line + "\r\n";
  if (method != "GET") request += "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
  return request + "\r\n" + body;
}

// One request on a fresh connection; the body of a 2xx answer.
Result<std::string> http_exchange(int port, const std::string& method, const std::string& target, const std::string& body,
                                  const std::vector<std::string>& headers) {
  auto fd = connect_loopback(port);
  if (!fd) return fd.error();
  if (!send_all(*fd, request_text(target, headers, "Connection: close\r\n", method, body))) {
    ::close(*fd);
    return Error(Errc::kIoError, "cannot send the request for " + target);
  }
  std::string answer;
  char buffer[1 << 16];
  for (ssize_t n; (n = ::recv(*fd, buffer, sizeof buffer, 0)) > 0;) answer.append(buffer, static_cast<std::size_t>(n));
  ::close(*fd);
  if (answer.rfind("HTTP/1.1 2", 0) != 0) {
    return Error(Errc::kIoError, target + " answered: " + answer.substr(0, answer.find('\r')));
  }
  const auto start = answer.find("\r\n\r\n");
  return start == std::string::npos ? std::string() : answer.substr(start + 4);
}

}  // namespace

Result<int> connect_websocket(int port, const std::string& target, const std::vector<std::string>& headers) {
  auto fd = connect_loopback(port);
  if (!fd) return fd.error();
  // Any key works for a server-side measurement; the client does not check the accept.
  const std::string request = request_text(
      target, headers,
      "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
      "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n");
  if (!send_all(*fd, request)) {
    ::close(*fd);
    return Error(Errc::kIoError, "cannot send the upgrade request");
  }
  // Byte by byte, so that no frame behind the head is consumed here.
  std::string head;
  char c;
  while (head.size() < 4 || head.compare(head.size() - 4, 4, "\r\n\r\n") != 0) {
    if (::recv(*fd, &c, 1, 0) != 1) {
      ::close(*fd);
      return Error(Errc::kIoError, "the upgrade was not answered");
    }
    head += c;
  }
  if (head.rfind("HTTP/1.1 101", 0) != 0) {
    ::close(*fd);
    return Error(Errc::kIoError, "the upgrade was refused: " + head.substr(0, head.find('\r')));
  }
  return fd;
}

Result<std::string> http_get(int port, const std::string& target, const std::vector<std::string>& headers) {
  return http_exchange(port, "GET", target, "", headers);
}

Result<std::string> http_post(int port, const std::string& target, const std::string& body,
                              const std::vector<std::string>& headers) {
  return http_exchange(port, "POST", target, body, headers);
}

KeepAliveClient::~KeepAliveClient() {
  if (fd_ >= 0) ::close(fd_);
}

Result<std::string> KeepAliveClient::get(const std::string& target, const std::vector<std::string>& headers) {
  const std::string request = request_text(target, headers, "Connection: keep-alive\r\n");
  for (int attempt = 0;; ++attempt) {
    if (fd_ < 0) {
      auto fd = connect_loopback(port_);
      if (!fd) return fd.error();
      fd_ = *fd;
    }
    auto answer = exchange(request);
    if (answer || attempt == 1) return answer;
    ::close(fd_);  // closed by the server between requests: once more on a new connection
    fd_ = -1;
  }
}

Result<std::string> KeepAliveClient::exchange(const std::string& request) {
  if (!send_all(fd_, request)) return Error(Errc::kIoError, "cannot send the request");
  std::string answer;
  char buffer[1 << 16];
  std::size_t head_end = std::string::npos, body_length = 0;
  while (head_end == std::string::npos || answer.size() < head_end + 4 + body_length) {
    const ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
    if (n <= 0) return Error(Errc::kIoError, "the connection closed mid-answer");
    answer.append(buffer, static_cast<std::size_t>(n));
    if (head_end != std::string::npos) continue;
    head_end = answer.find("\r\n\r\n");
    if (head_end == std::string::npos) continue;
    std::string head = answer.substr(0, head_end);
    for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const auto length = head.find("\r\ncontent-length:");
    if (length == std::string::npos) return Error(Errc::kIoError, "an answer without Content-Length");
    body_length = std::stoul(head.substr(length + 17));
  }
  if (answer.rfind("HTTP/1.1 2", 0) != 0) {
    return Error(Errc::kIoError, "answered: " + answer.substr(0, answer.find('\r')));
  }
  return answer.substr(head_end + 4, body_length);
}

bool send_pong(int fd, std::string_view payload) {
  if (payload.size() > 125) return false;  // control frames carry at most 125 bytes
  const unsigned char mask[4] = {0x5a, 0x17, 0xc3, 0x2e};
  std::string frame;
  frame += static_cast<char>(0x8A);  // FIN + pong
  frame += static_cast<char>(0x80 | payload.size());
  frame.append(reinterpret_cast<const char*>(mask), 4);
  for (std::size_t i = 0; i < payload.size(); ++i) frame += static_cast<char>(static_cast<unsigned char>(payload[i]) ^ mask[i % 4]);
  return send_all(fd, frame);
}

std::uint64_t json_number_after(std::string_view text, std::string_view name, std::size_t from) {
  const std::string key = "\"" + std::string(name) + "\":";
  const auto at = text.find(key, from);
  if (at == std::string_view::npos) return 0;
  std::uint64_t value = 0;
  for (std::size_t i = at + key.size(); i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
    value = value * 10 + static_cast<std::uint64_t>(text[i] - '0');
  }
  return value;
}

}  // namespace shouwang::bench
