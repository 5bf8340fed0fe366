#pragma once
// The benchmarks' WebSocket client side: a blocking upgrade on 127.0.0.1, then server
// frames (unmasked, unfragmented, as the stream writes them) cut out of a byte buffer.
// Small on purpose: the benchmarks measure the server, not a client library.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <shouwang/base/result.h>

namespace shouwang::bench {

// Connects to 127.0.0.1:port and upgrades `target` with these extra header lines
// ("Name: value"); the socket is returned once the 101 has been read.
Result<int> connect_websocket(int port, const std::string& target, const std::vector<std::string>& headers = {});

// One plain HTTP/1.1 GET on a fresh connection; the body of a 2xx answer.
Result<std::string> http_get(int port, const std::string& target, const std::vector<std::string>& headers = {});
// The same for a POST of a JSON body.
Result<std::string> http_post(int port, const std::string& target, const std::string& body,
                              const std::vector<std::string>& headers = {});

// GETs on one kept-alive connection, as a browser console sends them: the measurement then
// holds the server's answer, not a TCP handshake per request. Reconnects when the server
// closed the connection. The answer must carry a Content-Length (the server's always do).
class KeepAliveClient {
 public:
  explicit KeepAliveClient(int port) : port_(port) {}
  ~KeepAliveClient();
  KeepAliveClient(const KeepAliveClient&) = delete;
  KeepAliveClient& operator=(const KeepAliveClient&) = delete;
  // The body of a 2xx answer.
  Result<std::string> get(const std::string& target, const std::vector<std::string>& headers = {});

 private:
  Result<std::string> exchange(const std::string& request);
  int port_;
  int fd_ = -1;
};

struct ServerFrame {
  int opcode = 0;  // 0x1 text, 0x8 close, …
  std::string_view payload;
};

// Calls on_frame for each complete frame at the front of `pending`, then erases them;
// an incomplete frame stays for the next read.
template <typename OnFrame>
void consume_server_frames(std::string& pending, OnFrame&& on_frame) {
  std::size_t at = 0;
  while (pending.size() - at >= 2) {
    const auto b0 = static_cast<unsigned char>(pending[at]);
    std::uint64_t length = static_cast<unsigned char>(pending[at + 1]) & 0x7f;
    std::size_t header = 2;
    if (length >= 126) {
      const std::size_t extra = length == 126 ? 2 : 8;
      if (pending.size() - at < 2 + extra) break;
      length = 0;
      for (std::size_t i = 0; i < extra; ++i) length = (length << 8) | static_cast<unsigned char>(pending[at + 2 + i]);
      header += extra;
    }
    if (pending.size() - at < header + length) break;
    on_frame(ServerFrame{b0 & 0x0f, std::string_view(pending.data() + at + header, length)});
    at += header + length;
  }
  pending.erase(0, at);
}

// Answers a server ping with its payload (masked, as a client must); false when the
// socket refused the bytes.
bool send_pong(int fd, std::string_view payload);

// The unsigned number after `"name":` in a JSON text, 0 when absent.
std::uint64_t json_number_after(std::string_view text, std::string_view name, std::size_t from = 0);

}  // namespace shouwang::bench
