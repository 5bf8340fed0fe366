#pragma once
// The HTTP server: accepts connections on a TCP port, reads requests, hands them to a
// Router and writes each response in one write. An upgrade request to one of the router's
// WebSocket endpoints becomes a WebSocket session that writes the endpoint's Subscription
// as text frames. Networking details stay in the .cpp.

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include <shouwang/base/result.h>
#include <shouwang/server/router.h>

namespace shouwang::server {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                    // 0: any free port (see HttpServer::port)
  int threads = 2;                    // I/O threads
  std::size_t body_limit = 1 << 20;   // bytes; larger requests get 413
  // WebSocket sessions. A frame whose write has not completed after ws_write_timeout
  // (a client that stopped reading) ends the session as a "write_timeout" drop. A client
  // silent for ws_idle_timeout is pinged at half of it and closed at its end. At stop()
  // sessions get a close frame (1001) and ws_close_grace to answer it.
  std::chrono::milliseconds ws_write_timeout{15000};
  std::chrono::milliseconds ws_idle_timeout{60000};
  std::chrono::milliseconds ws_close_grace{2000};
};

class HttpServer {
 public:
  // `router` must outlive the server.
  HttpServer(ServerOptions options, const Router& router);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds and starts the I/O threads. kIoError when the address cannot be bound.
  Status start();
  // The bound port (useful with port 0). Valid after a successful start().
  [[nodiscard]] int port() const;
  // Closes the listening socket, sends every WebSocket session a close frame (1001 "server
  // shutting down") and waits up to ws_close_grace for them to end, then stops the I/O
  // threads; other open connections close when the server is destroyed. Idempotent. Not
  // async-signal-safe: call it from a normal thread (the serve verb waits for signals with
  // sigwait and then calls it).
  void stop();
  // Blocks until stop() has been called from another thread.
  void wait();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace shouwang::server
