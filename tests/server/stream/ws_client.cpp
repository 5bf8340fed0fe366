#include "server/stream/ws_client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>

namespace shouwang::test {
namespace {

constexpr std::string_view kGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";  // RFC 6455 §1.3

std::string base64(const unsigned char* data, std::size_t size) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (std::size_t i = 0; i < size; i += 3) {
    const std::uint32_t n = (std::uint32_t{data[i]} << 16) | (i + 1 < size ? std::uint32_t{data[i + 1]} << 8 : 0) |
                            (i + 2 < size ? std::uint32_t{data[i + 2]} : 0);
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += i + 1 < size ? kAlphabet[(n >> 6) & 63] : '=';
    out += i + 2 < size ? kAlphabet[n & 63] : '=';
  }
  return out;
}

// SHA-1 (FIPS 180-4), only for the handshake's accept key; the client needs no crypto
// library.
std::array<unsigned char, 20> sha1(const std::string& text) {
  std::uint32_t h[5] = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
  std::string message = text;
  const std::uint64_t bits = static_cast<std::uint64_t>(text.size()) * 8;
  message += static_cast<char>(0x80);
  while (message.size() % 64 != 56) message += '\0';
  for (int shift = 56; shift >= 0; shift -= 8) message += static_cast<char>((bits >> shift) & 0xff);
  auto rotl = [](std::uint32_t x, int n) { return (x << n) | (x >> (32 - n)); };
  for (std::size_t chunk = 0; chunk < message.size(); chunk += 64) {
    std::uint32_t w[80];
    for (int i = 0; i < 16; ++i) {
      w[i] = 0;
      for (int b = 0; b < 4; ++b) w[i] = (w[i] << 8) | static_cast<unsigned char>(message[chunk + 4 * i + b]);
    }
    for (int i = 16; i < 80; ++i) w[i] = rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    std::uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (int i = 0; i < 80; ++i) {
      std::uint32_t f, k;
      if (i < 20) {
        f = (b & c) | (~b & d);
        k = 0x5A827999;
      } else if (i < 40) {
        f = b ^ c ^ d;
        k = 0x6ED9EBA1;
      } else if (i < 60) {
        f = (b & c) | (b & d) | (c & d);
        k = 0x8F1BBCDC;
      } else {
        f = b ^ c ^ d;
        k = 0xCA62C1D6;
      }
      const std::uint32_t t = rotl(a, 5) + f + e + k + w[i];
      e = d;
      d = c;
      c = rotl(b, 30);
      b = a;
      a = t;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
  }
  std::array<unsigned char, 20> digest{};
  for (int i = 0; i < 20; ++i) digest[static_cast<std::size_t>(i)] = static_cast<unsigned char>(h[i / 4] >> (24 - 8 * (i % 4)));
  return digest;
}

std::string accept_key(const std::string& key) {
  const auto digest = sha1(key + std::string(kGuid));
  return base64(digest.data(), digest.size());
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

}  // namespace

WsClient::WsClient(int port, int receive_buffer) {
  fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  if (receive_buffer > 0) ::setsockopt(fd_, SOL_SOCKET, SO_RCVBUF, &receive_buffer, sizeof receive_buffer);
  const int one = 1;
  ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd_);
    fd_ = -1;
  }
}

WsClient::~WsClient() {
  if (fd_ >= 0) ::close(fd_);
}

bool WsClient::send_raw(std::string_view bytes) {
  for (std::size_t sent = 0; sent < bytes.size();) {
    const auto n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return false;
    sent += static_cast<std::size_t>(n);
  }
  return true;
}

bool WsClient::fill(std::size_t bytes, std::chrono::steady_clock::time_point deadline) {
  while (pending_.size() < bytes) {
    if (ended_) return false;
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
    char buf[65536];
    const auto n = ::recv(fd_, buf, sizeof buf, 0);
    if (n <= 0) {
      ended_ = true;
      return false;
    }
    pending_.append(buf, static_cast<std::size_t>(n));
  }
  return true;
}

WsHandshake WsClient::handshake(const std::string& target,
                                const std::vector<std::pair<std::string, std::string>>& headers) {
  WsHandshake out;
  unsigned char nonce[16];
  for (auto& b : nonce) b = static_cast<unsigned char>(std::rand());
  const std::string key = base64(nonce, sizeof nonce);
  std::string request = "GET " + target +
                        " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: " + key + "\r\n";
  for (const auto& [name, value] : headers) request += name + ": " + value + "\r\n";
  request += "\r\n";
  if (!send_raw(request)) return out;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  std::size_t end;
  while ((end = pending_.find("\r\n\r\n")) == std::string::npos) {
    if (!fill(pending_.size() + 1, deadline)) return out;
  }
  const std::string head = pending_.substr(0, end);
  pending_.erase(0, end + 4);
  out.status = std::atoi(head.substr(9, 3).c_str());
  for (std::size_t pos = head.find("\r\n"); pos != std::string::npos;) {
    const auto next = head.find("\r\n", pos + 2);
    const std::string line = head.substr(pos + 2, (next == std::string::npos ? head.size() : next) - pos - 2);
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
      const auto value_at = line.find_first_not_of(' ', colon + 1);
      out.headers[lower(line.substr(0, colon))] = value_at == std::string::npos ? "" : line.substr(value_at);
    }
    pos = next;
  }
  out.accept_key_ok = out.headers["sec-websocket-accept"] == accept_key(key);
  if (out.status != 101) {
    const auto length = static_cast<std::size_t>(std::atoll(out.headers["content-length"].c_str()));
    if (fill(length, deadline)) {
      out.body = pending_.substr(0, length);
      pending_.erase(0, length);
    }
  }
  return out;
}

bool WsClient::send_frame(std::uint8_t opcode, std::string_view payload) {
  std::string frame;
  frame += static_cast<char>(0x80 | opcode);  // FIN: one frame per message
  const std::size_t n = payload.size();
  if (n < 126) {
    frame += static_cast<char>(0x80 | n);
  } else if (n <= 0xffff) {
    frame += static_cast<char>(0x80 | 126);
    frame += static_cast<char>(n >> 8);
    frame += static_cast<char>(n & 0xff);
  } else {
    frame += static_cast<char>(0x80 | 127);
    for (int shift = 56; shift >= 0; shift -= 8) frame += static_cast<char>((static_cast<std::uint64_t>(n) >> shift) & 0xff);
  }
  mask_state_ = mask_state_ * 1664525u + 1013904223u;  // any key works; it must only vary
  const unsigned char mask[4] = {static_cast<unsigned char>(mask_state_ >> 24), static_cast<unsigned char>(mask_state_ >> 16),
                                 static_cast<unsigned char>(mask_state_ >> 8), static_cast<unsigned char>(mask_state_)};
  frame.append(reinterpret_cast<const char*>(mask), 4);
  for (std::size_t i = 0; i < n; ++i) frame += static_cast<char>(static_cast<unsigned char>(payload[i]) ^ mask[i % 4]);
  return send_raw(frame);
}

bool WsClient::send_text(std::string_view text) { return send_frame(0x1, text); }
bool WsClient::send_ping(std::string_view payload) { return send_frame(0x9, payload); }

bool WsClient::send_close(std::uint16_t code, std::string_view reason) {
  std::string payload;
  payload += static_cast<char>(code >> 8);
  payload += static_cast<char>(code & 0xff);
  payload += reason;
  close_sent_ = true;
  return send_frame(0x8, payload);
}

WsMessage WsClient::receive(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  std::string message;
  int message_opcode = -1;
  for (;;) {
    if (!fill(2, deadline)) return {ended_ ? WsMessage::Kind::kEnded : WsMessage::Kind::kTimeout, {}, 0, {}};
    const auto b0 = static_cast<unsigned char>(pending_[0]);
    const auto b1 = static_cast<unsigned char>(pending_[1]);
    const bool masked = (b1 & 0x80) != 0;
    std::uint64_t length = b1 & 0x7f;
    std::size_t header = 2;
    if (length == 126 || length == 127) {
      const std::size_t extra = length == 126 ? 2 : 8;
      if (!fill(2 + extra, deadline)) return {ended_ ? WsMessage::Kind::kEnded : WsMessage::Kind::kTimeout, {}, 0, {}};
      length = 0;
      for (std::size_t i = 0; i < extra; ++i) length = (length << 8) | static_cast<unsigned char>(pending_[2 + i]);
      header += extra;
    }
    const std::size_t mask_at = header;
    if (masked) header += 4;
    if (!fill(header + length, deadline)) return {ended_ ? WsMessage::Kind::kEnded : WsMessage::Kind::kTimeout, {}, 0, {}};
    std::string payload = pending_.substr(header, length);
    if (masked) {
      for (std::size_t i = 0; i < payload.size(); ++i) payload[i] = static_cast<char>(payload[i] ^ pending_[mask_at + i % 4]);
    }
    pending_.erase(0, header + length);
    const int opcode = b0 & 0x0f;
    const bool fin = (b0 & 0x80) != 0;
    if (opcode == 0x9) {  // ping → pong with the same payload
      send_frame(0xA, payload);
      continue;
    }
    if (opcode == 0xA) continue;
    if (opcode == 0x8) {
      WsMessage out{WsMessage::Kind::kClose, {}, 1005, {}};
      if (payload.size() >= 2) {
        out.close_code = static_cast<std::uint16_t>((static_cast<unsigned char>(payload[0]) << 8) |
                                                    static_cast<unsigned char>(payload[1]));
        out.close_reason = payload.substr(2);
      }
      if (!close_sent_) send_close(out.close_code == 1005 ? 1000 : out.close_code, "");
      return out;
    }
    if (opcode != 0x0) message_opcode = opcode;
    message += payload;
    if (fin) {
      return {message_opcode == 0x2 ? WsMessage::Kind::kBinary : WsMessage::Kind::kText, std::move(message), 0, {}};
    }
  }
}

bool WsClient::wait_for_eof(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!ended_) {
    pending_.clear();
    if (!fill(1, deadline) && !ended_) return false;
  }
  // The server closed its side; closing ours lets it finish the TCP teardown.
  ::close(fd_);
  fd_ = -1;
  return true;
}

}  // namespace shouwang::test
