#pragma once
// For tests: a minimal blocking WebSocket client (RFC 6455) over a POSIX socket, written
// independently of the server's networking library so that the stream is tested from
// outside: the opening handshake with Sec-WebSocket-Accept checked, masked client frames,
// 7/16/64-bit payload lengths, fragmented messages, ping/pong and the closing handshake.

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace shouwang::test {

struct WsHandshake {
  int status = 0;                              // 101 when the upgrade was accepted
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;                            // of a refusal (Content-Length framed)
  bool accept_key_ok = false;                  // Sec-WebSocket-Accept matches the key sent
};

struct WsMessage {
  enum class Kind { kText, kBinary, kClose, kTimeout, kEnded };
  Kind kind = Kind::kEnded;  // kEnded: the connection ended without a close frame
  std::string payload;
  std::uint16_t close_code = 0;  // kClose: 1005 when the frame carried no code
  std::string close_reason;
};

class WsClient {
 public:
  // Connects to 127.0.0.1:port. A receive_buffer of N > 0 bytes shrinks SO_RCVBUF (a slow
  // reader fills up sooner).
  explicit WsClient(int port, int receive_buffer = 0);
  ~WsClient();
  WsClient(const WsClient&) = delete;
  WsClient& operator=(const WsClient&) = delete;

  [[nodiscard]] bool connected() const { return fd_ >= 0; }
  // Sends the upgrade request for `target` (with extra header lines) and reads the answer.
  WsHandshake handshake(const std::string& target, const std::vector<std::pair<std::string, std::string>>& headers = {});

  bool send_text(std::string_view text);
  bool send_ping(std::string_view payload);
  bool send_close(std::uint16_t code, std::string_view reason);

  // The next text or binary message, or the close frame (answered with a close frame
  // once), or kTimeout, or kEnded. Pings are answered with pongs; pongs are skipped.
  WsMessage receive(std::chrono::milliseconds timeout = std::chrono::seconds(10));
  // True when the server closes the TCP connection within `timeout` (data is discarded);
  // then closes this side too, as a browser does after the closing handshake.
  bool wait_for_eof(std::chrono::milliseconds timeout = std::chrono::seconds(10));
  // Plain bytes, for sending a non-WebSocket request on the connection.
  bool send_raw(std::string_view bytes);

 private:
  bool send_frame(std::uint8_t opcode, std::string_view payload);
  // Reads until `bytes` are pending; false on timeout or end of stream.
  bool fill(std::size_t bytes, std::chrono::steady_clock::time_point deadline);

  int fd_ = -1;
  std::string pending_;
  bool ended_ = false;
  bool close_sent_ = false;
  std::uint32_t mask_state_ = 0x9e3779b9;
};

}  // namespace shouwang::test
