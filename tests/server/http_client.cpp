#include "server/http_client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <stdexcept>

namespace shouwang::test {

HttpClient::HttpClient(int port) {
  fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd_);
    fd_ = -1;
    return;
  }
  timeval tv{10, 0};
  ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
}

HttpClient::~HttpClient() {
  if (fd_ >= 0) ::close(fd_);
}

RawResponse HttpClient::get(const std::string& target) {
  return exchange("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
}

bool HttpClient::peer_closed() {
  char c;
  return ::recv(fd_, &c, 1, 0) == 0;
}

RawResponse HttpClient::exchange(const std::string& raw, bool expect_body) {
  if (fd_ < 0) throw std::runtime_error("not connected");
  for (std::size_t sent = 0; sent < raw.size();) {
    const auto n = ::send(fd_, raw.data() + sent, raw.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;  // the server may close early (e.g. an oversized body); read its answer
    sent += static_cast<std::size_t>(n);
  }
  auto fill = [this] {
    char buf[8192];
    const auto n = ::recv(fd_, buf, sizeof buf, 0);
    if (n <= 0) return false;
    pending_.append(buf, static_cast<std::size_t>(n));
    return true;
  };
  std::size_t header_end;
  while ((header_end = pending_.find("\r\n\r\n")) == std::string::npos) {
    if (!fill()) throw std::runtime_error("connection closed before a response header");
  }
  RawResponse response;
  const std::string head = pending_.substr(0, header_end);
  response.status = std::atoi(head.substr(9, 3).c_str());
  std::size_t pos = head.find("\r\n");
  while (pos != std::string::npos && pos < head.size()) {
    const auto next = head.find("\r\n", pos + 2);
    const std::string line = head.substr(pos + 2, (next == std::string::npos ? head.size() : next) - pos - 2);
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
      std::string name = line.substr(0, colon);
      std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      response.headers[name] = line.substr(line.find_first_not_of(' ', colon + 1));
    }
    pos = next;
  }
  const std::size_t length =
      expect_body ? static_cast<std::size_t>(std::atoll(response.headers["content-length"].c_str())) : 0;
  while (pending_.size() < header_end + 4 + length) {
    if (!fill()) throw std::runtime_error("connection closed inside a response body");
  }
  response.body = pending_.substr(header_end + 4, length);
  pending_.erase(0, header_end + 4 + length);
  return response;
}

}  // namespace shouwang::test
