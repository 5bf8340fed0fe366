// The only translation unit that includes Boost.Beast (it is slow to compile): coroutine
// sessions on an io_context run by a few threads.

#include <utility>  // Boost 1.74's Asio needs this before it under GCC 12

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <shouwang/server/http_server.h>

namespace shouwang::server {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

constexpr auto kIdleTimeout = std::chrono::seconds(60);

HttpRequest to_request(const http::request<http::string_body>& in) {
  HttpRequest request = HttpRequest::make(std::string(in.method_string()), std::string(in.target()));
  for (const auto& field : in) {
    std::string name(field.name_string());
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    request.headers[name] = std::string(field.value());
  }
  request.body = in.body();
  return request;
}

http::response<http::string_body> to_beast(HttpResponse&& response, unsigned version, bool keep_alive,
                                           bool head = false) {
  http::response<http::string_body> out{static_cast<http::status>(response.status), version};
  out.set(http::field::server, "shouwang");
  out.set(http::field::content_type, response.content_type);
  for (auto& [name, value] : response.headers) out.set(name, value);
  out.keep_alive(keep_alive);
  if (head) {
    out.content_length(response.body.size());  // what a GET would send, without the body
  } else {
    out.body() = std::move(response.body);
    out.prepare_payload();
  }
  return out;
}

}  // namespace

struct HttpServer::Impl {
  Impl(ServerOptions o, const Router& r) : options(std::move(o)), router(r), ioc(std::max(1, options.threads)) {}

  asio::awaitable<void> session(beast::tcp_stream stream) {
    beast::flat_buffer buffer;
    beast::error_code ec;
    for (;;) {
      http::request_parser<http::string_body> parser;
      parser.body_limit(options.body_limit);
      stream.expires_after(kIdleTimeout);
      co_await http::async_read(stream, buffer, parser, asio::redirect_error(asio::use_awaitable, ec));
      if (ec == http::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::operation_aborted) break;
      if (ec == http::error::body_limit) {
        auto response = to_beast(HttpResponse::error(413, "payload_too_large",
                                                     "the request body exceeds " + std::to_string(options.body_limit) + " bytes"),
                                 11, false);
        co_await http::async_write(stream, response, asio::redirect_error(asio::use_awaitable, ec));
        break;
      }
      if (ec) {
        auto response = to_beast(HttpResponse::error(400, "bad_request", "malformed HTTP request: " + ec.message()), 11, false);
        co_await http::async_write(stream, response, asio::redirect_error(asio::use_awaitable, ec));
        break;
      }
      const auto& request = parser.get();
      const bool keep_alive = request.keep_alive();
      auto response = to_beast(router.dispatch(to_request(request)), request.version(), keep_alive,
                               request.method() == http::verb::head);
      // Header and body go out together (one gathered write), so Nagle never delays them.
      co_await http::async_write(stream, response, asio::redirect_error(asio::use_awaitable, ec));
      if (ec || !keep_alive) break;
    }
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  }

  asio::awaitable<void> listen() {
    for (;;) {
      beast::error_code ec;
      tcp::socket socket = co_await acceptor->async_accept(asio::redirect_error(asio::use_awaitable, ec));
      if (ec == asio::error::operation_aborted || !acceptor->is_open()) co_return;
      if (ec) continue;
      socket.set_option(tcp::no_delay(true), ec);
      asio::co_spawn(socket.get_executor(), session(beast::tcp_stream(std::move(socket))), asio::detached);
    }
  }

  ServerOptions options;
  const Router& router;
  asio::io_context ioc;
  std::unique_ptr<tcp::acceptor> acceptor;
  std::vector<std::thread> threads;
  int bound_port = 0;
  std::mutex mutex;
  std::condition_variable stopped_cv;
  bool stopped = false;
  bool started = false;
};

HttpServer::HttpServer(ServerOptions options, const Router& router)
    : impl_(std::make_unique<Impl>(std::move(options), router)) {}

HttpServer::~HttpServer() { stop(); }

Status HttpServer::start() {
  beast::error_code ec;
  const auto address = asio::ip::make_address(impl_->options.host, ec);
  if (ec) return Error(Errc::kInvalidArgument, "not an IP address: " + impl_->options.host, "host");
  const tcp::endpoint endpoint(address, static_cast<unsigned short>(impl_->options.port));
  auto acceptor = std::make_unique<tcp::acceptor>(impl_->ioc);
  acceptor->open(endpoint.protocol(), ec);
  if (!ec) acceptor->set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor->bind(endpoint, ec);
  if (!ec) acceptor->listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    return Error(Errc::kIoError, "cannot listen on " + impl_->options.host + ":" + std::to_string(impl_->options.port) +
                                     ": " + ec.message());
  }
  impl_->bound_port = acceptor->local_endpoint().port();
  impl_->acceptor = std::move(acceptor);
  asio::co_spawn(impl_->ioc, impl_->listen(), asio::detached);
  for (int i = 0; i < std::max(1, impl_->options.threads); ++i) {
    impl_->threads.emplace_back([this] { impl_->ioc.run(); });
  }
  impl_->started = true;
  return ok_status();
}

int HttpServer::port() const { return impl_->bound_port; }

void HttpServer::stop() {
  {
    std::lock_guard lock(impl_->mutex);
    if (impl_->stopped) return;
    impl_->stopped = true;
  }
  impl_->ioc.stop();
  for (auto& t : impl_->threads) {
    if (t.joinable() && t.get_id() != std::this_thread::get_id()) t.join();
  }
  // No handler runs any more: the listening socket can be closed from here.
  if (impl_->acceptor) {
    beast::error_code ec;
    impl_->acceptor->close(ec);
  }
  impl_->stopped_cv.notify_all();
}

void HttpServer::wait() {
  std::unique_lock lock(impl_->mutex);
  impl_->stopped_cv.wait(lock, [this] { return impl_->stopped; });
}

}  // namespace shouwang::server
