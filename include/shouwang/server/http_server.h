#pragma once
// The HTTP server: accepts connections on a TCP port, reads requests, hands them to a
// Router and writes each response in one write. Networking details stay in the .cpp.

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
  // Stops the I/O threads and closes the listening socket; open connections close when the
  // server is destroyed. Idempotent. Not async-signal-safe: call it from a normal thread
  // (the serve verb waits for signals with sigwait and then calls it).
  void stop();
  // Blocks until stop() has been called from another thread.
  void wait();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace shouwang::server
