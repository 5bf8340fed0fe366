// The only translation unit that includes Boost.Beast (it is slow to compile): coroutine
// sessions on an io_context run by a few threads. Each connection runs on its own strand;
// an upgraded WebSocket connection has two coroutines on it (the writer, which empties
// the Subscription, and the reader) and two timers (the writer's wake-up and the write
// watchdog).

#include <utility>  // Boost 1.74's Asio needs this before it under GCC 12

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>

#include <shouwang/server/http_server.h>
#include <shouwang/server/stream_subscription.h>

namespace shouwang::server {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;

constexpr auto kIdleTimeout = std::chrono::seconds(60);
constexpr auto kWebSocketHandshakeTimeout = std::chrono::seconds(5);  // opening and closing
constexpr std::size_t kMaxClientMessage = 64 * 1024;  // clients send only small control messages
constexpr std::size_t kMaxCloseReason = 123;          // RFC 6455 §5.5: 125-byte control payload

// permessage-deflate is compiled out: change frames are written as they are queued.
using WebSocket = websocket::stream<beast::tcp_stream, false>;

// One upgraded connection. Lives as long as its reader or writer coroutine.
struct WebSocketSession {
  WebSocketSession(beast::tcp_stream&& stream, std::shared_ptr<Subscription> s)
      : ws(std::move(stream)),
        executor(ws.get_executor()),
        subscription(std::move(s)),
        wake(executor),
        write_deadline(executor) {}
  WebSocket ws;
  const asio::any_io_executor executor;  // the connection's strand
  std::shared_ptr<Subscription> subscription;
  asio::steady_timer wake;            // the writer waits on it for the subscription's notify
  asio::steady_timer write_deadline;  // the write watchdog
  bool writing = false;               // a write or close is pending, since write_started
  std::chrono::steady_clock::time_point write_started;
};

HttpRequest to_request(const http::request<http::string_body>& in, const std::string& remote_address) {
  HttpRequest request = HttpRequest::make(std::string(in.method_string()), std::string(in.target()));
  for (const auto& field : in) {
    std::string name(field.name_string());
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    request.headers[name] = std::string(field.value());
  }
  request.body = in.body();
  request.remote_address = remote_address;
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
    const auto peer = stream.socket().remote_endpoint(ec);
    const std::string remote_address = ec ? std::string() : peer.address().to_string();
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
      if (websocket::is_upgrade(request)) {
        HttpRequest converted = to_request(request, remote_address);
        if (const WebSocketHandler* handler = router.websocket_handler(converted)) {
          const bool admitted = begin_upgrade();
          WebSocketAnswer answer = HttpResponse::error(503, "unavailable", "the server is shutting down");
          if (admitted) answer = decide_upgrade(*handler, converted);
          if (auto* subscription = std::get_if<std::shared_ptr<Subscription>>(&answer); subscription && *subscription) {
            register_websocket(*subscription);
            co_await serve_websocket(std::move(stream), parser.release(), *subscription);
            unregister_websocket(*subscription);
            co_return;
          }
          if (admitted) end_upgrade();
          // Refused: the answer goes out instead of the upgrade, and the connection ends.
          HttpResponse refusal = std::holds_alternative<HttpResponse>(answer)
                                     ? std::get<HttpResponse>(std::move(answer))
                                     : HttpResponse::error(500, "internal", "the stream endpoint gave no subscription");
          auto response = to_beast(std::move(refusal), request.version(), false);
          co_await http::async_write(stream, response, asio::redirect_error(asio::use_awaitable, ec));
          break;
        }
      }
      const bool keep_alive = request.keep_alive();
      auto response = to_beast(router.dispatch(to_request(request, remote_address)), request.version(), keep_alive,
                               request.method() == http::verb::head);
      // Header and body go out together (one gathered write), so Nagle never delays them.
      co_await http::async_write(stream, response, asio::redirect_error(asio::use_awaitable, ec));
      if (ec || !keep_alive) break;
    }
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  }

  // Serves one upgraded connection until it closes. Runs on the connection's strand.
  asio::awaitable<void> serve_websocket(beast::tcp_stream stream, http::request<http::string_body> request,
                                        std::shared_ptr<Subscription> subscription) {
    auto session = std::make_shared<WebSocketSession>(std::move(stream), std::move(subscription));
    WebSocket& ws = session->ws;
    beast::get_lowest_layer(ws).expires_never();  // the websocket stream keeps its own timeouts
    ws.set_option(websocket::stream_base::timeout{kWebSocketHandshakeTimeout, options.ws_idle_timeout, true});
    ws.set_option(websocket::stream_base::decorator(
        [](websocket::response_type& response) { response.set(http::field::server, "shouwang"); }));
    ws.read_message_max(kMaxClientMessage);
    // The client's close frame ends the subscription at once; the closing handshake and
    // the TCP teardown that follow do not hold it.
    ws.control_callback([weak = std::weak_ptr<Subscription>(session->subscription)](websocket::frame_type kind,
                                                                                    beast::string_view) {
      if (kind != websocket::frame_type::close) return;
      if (auto owner = weak.lock()) owner->close("closed by the client");
    });
    ws.auto_fragment(false);
    ws.text(true);
    beast::error_code ec;
    co_await ws.async_accept(request, asio::redirect_error(asio::use_awaitable, ec));
    if (ec) {
      session->subscription->close("handshake failed: " + ec.message());
      co_return;
    }
    // The hub's threads call this. The gate keeps them from posting to (or releasing a
    // session into) an io_context that is being torn down; the session moves into the
    // handler, so only an I/O thread ever drops the last reference.
    std::weak_ptr<WebSocketSession> weak = session;
    session->subscription->set_notify([weak, gate = notify_gate] {
      std::lock_guard lock(gate->mutex);
      if (!gate->open) return;
      if (auto s = weak.lock()) {
        const auto executor = s->executor;
        asio::post(executor, [s = std::move(s)] { s->wake.cancel(); });
      }
    });
    asio::co_spawn(session->executor, read_websocket(session), asio::detached);
    co_await write_websocket(session);
    session->subscription->close("connection closed");  // the hub forgets it
    beast::get_lowest_layer(ws).close();                // ends the reader too
  }

  // Writes the subscription's frames in order, then its close frame.
  asio::awaitable<void> write_websocket(std::shared_ptr<WebSocketSession> session) {
    Subscription& subscription = *session->subscription;
    beast::error_code ec;
    watch_writes(session, options.ws_write_timeout);
    bool corked = false;
    for (;;) {
      Subscription::Next next = subscription.next();
      if (auto* frame = std::get_if<StreamFrame>(&next)) {
        // More frames behind this one: let the kernel pack them into full segments until
        // the queue is drained (then uncorking sends the rest at once).
        if (!corked && subscription.queued_messages() > 0) corked = set_cork(*session, true);
        const std::array<asio::const_buffer, 2> buffers{asio::buffer(frame->head),
                                                        frame->tail ? asio::buffer(*frame->tail) : asio::const_buffer()};
        session->write_started = std::chrono::steady_clock::now();
        session->writing = true;
        co_await session->ws.async_write(buffers, asio::redirect_error(asio::use_awaitable, ec));
        session->writing = false;
        if (ec) break;  // a write that timed out was dropped by the watchdog
        subscription.sent(*frame);
        continue;
      }
      if (corked) corked = set_cork(*session, false);
      if (auto* end = std::get_if<StreamClose>(&next)) {
        if (!session->ws.is_open()) break;
        websocket::close_reason close(end->code);
        close.reason = end->reason.substr(0, kMaxCloseReason);
        session->write_started = std::chrono::steady_clock::now();
        session->writing = true;
        co_await session->ws.async_close(close, asio::redirect_error(asio::use_awaitable, ec));
        session->writing = false;
        break;
      }
      session->wake.expires_at(asio::steady_timer::time_point::max());
      co_await session->wake.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    }
    session->write_deadline.cancel();
  }

  // TCP_CORK on or off; returns the new state (off when the socket refuses).
  static bool set_cork(WebSocketSession& session, bool on) {
    const int value = on ? 1 : 0;
    const int fd = beast::get_lowest_layer(session.ws).socket().native_handle();
    return ::setsockopt(fd, IPPROTO_TCP, TCP_CORK, &value, sizeof value) == 0 && on;
  }

  // The write watchdog: a write (or close) pending for `timeout` drops the subscriber and
  // closes the socket, which aborts the write. One timer per session, re-armed every
  // `timeout`, instead of one per frame.
  static void watch_writes(const std::shared_ptr<WebSocketSession>& session, std::chrono::milliseconds timeout) {
    const auto now = std::chrono::steady_clock::now();
    session->write_deadline.expires_at(session->writing ? session->write_started + timeout : now + timeout);
    session->write_deadline.async_wait([session, timeout](beast::error_code ec) {
      if (ec) return;  // cancelled: the writer has ended
      if (session->writing && std::chrono::steady_clock::now() - session->write_started >= timeout) {
        session->subscription->drop("write_timeout",
                                    "a frame was not taken within " + std::to_string(timeout.count()) + " ms");
        beast::get_lowest_layer(session->ws).close();
        return;
      }
      watch_writes(session, timeout);
    });
  }

  // Reads client messages: {"type":"ping"} is answered with a heartbeat; control frames are
  // handled by the websocket stream. Ends when the connection does.
  asio::awaitable<void> read_websocket(std::shared_ptr<WebSocketSession> session) {
    beast::flat_buffer buffer;
    beast::error_code ec;
    for (;;) {
      co_await session->ws.async_read(buffer, asio::redirect_error(asio::use_awaitable, ec));
      if (ec) break;
      if (session->ws.got_text()) session->subscription->handle_client_text(beast::buffers_to_string(buffer.data()));
      buffer.consume(buffer.size());
    }
    if (ec == beast::error::timeout) {
      session->subscription->drop("idle_timeout", "no frame from the client for " +
                                                     std::to_string(options.ws_idle_timeout.count()) + " ms");
    } else if (ec == websocket::error::closed) {
      session->subscription->close("closed by the client");
    } else {
      session->subscription->close("connection lost: " + ec.message());
    }
  }

  static WebSocketAnswer decide_upgrade(const WebSocketHandler& handler, const HttpRequest& request) {
    try {
      return handler(request);
    } catch (const std::exception& e) {
      return HttpResponse::error(500, "internal", std::string("the stream endpoint failed: ") + e.what());
    }
  }

  // An upgrade is being decided (the endpoint's handler runs): stop() waits for it as
  // for an open session. False once stop() has begun.
  bool begin_upgrade() {
    std::lock_guard lock(websocket_mutex);
    if (websockets_stopping) return false;
    ++websockets_upgrading;
    return true;
  }

  void end_upgrade() {
    {
      std::lock_guard lock(websocket_mutex);
      --websockets_upgrading;
    }
    websockets_cv.notify_all();
  }

  // The upgrade became a session; one registered after stop() began is closed at once
  // (its writer still sends the close frame).
  void register_websocket(const std::shared_ptr<Subscription>& subscription) {
    bool stopping = false;
    {
      std::lock_guard lock(websocket_mutex);
      --websockets_upgrading;
      websockets.insert(subscription);
      stopping = websockets_stopping;
    }
    if (stopping) subscription->close("server shutting down", kCloseGoingAway);
  }

  void unregister_websocket(const std::shared_ptr<Subscription>& subscription) {
    {
      std::lock_guard lock(websocket_mutex);
      websockets.erase(subscription);
    }
    websockets_cv.notify_all();
  }

  // Sends every WebSocket session its close frame and waits (bounded) for them to end.
  void close_websockets() {
    std::set<std::shared_ptr<Subscription>> open;
    {
      std::lock_guard lock(websocket_mutex);
      websockets_stopping = true;
      open = websockets;
    }
    for (const auto& subscription : open) subscription->close("server shutting down", kCloseGoingAway);
    std::unique_lock lock(websocket_mutex);
    websockets_cv.wait_for(lock, options.ws_close_grace,
                           [this] { return websockets.empty() && websockets_upgrading == 0; });
  }

  // After the I/O threads stopped: sessions that did not finish in time still release
  // their subscriptions, so the hub stops queueing for them.
  void release_websockets() {
    std::set<std::shared_ptr<Subscription>> left;
    {
      std::lock_guard lock(websocket_mutex);
      left.swap(websockets);
    }
    for (const auto& subscription : left) subscription->close("server stopped", kCloseGoingAway);
  }

  asio::awaitable<void> listen() {
    for (;;) {
      beast::error_code ec;
      tcp::socket socket(asio::make_strand(ioc));  // each connection on its own strand
      co_await acceptor->async_accept(socket, asio::redirect_error(asio::use_awaitable, ec));
      if (ec == asio::error::operation_aborted || !acceptor->is_open()) co_return;
      if (ec) continue;
      socket.set_option(tcp::no_delay(true), ec);
      asio::co_spawn(socket.get_executor(), session(beast::tcp_stream(std::move(socket))), asio::detached);
    }
  }

  ServerOptions options;
  const Router& router;
  // Open while the I/O threads may take work; closed (waiting for notifies in flight)
  // before the io_context stops for good.
  struct NotifyGate {
    std::mutex mutex;
    bool open = true;
  };
  const std::shared_ptr<NotifyGate> notify_gate = std::make_shared<NotifyGate>();
  // Declared before the io_context: coroutine frames destroyed with it may still unregister.
  std::mutex websocket_mutex;
  std::condition_variable websockets_cv;
  std::set<std::shared_ptr<Subscription>> websockets;
  int websockets_upgrading = 0;
  bool websockets_stopping = false;
  asio::io_context ioc;
  asio::strand<asio::io_context::executor_type> acceptor_strand{ioc.get_executor()};
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
  auto acceptor = std::make_unique<tcp::acceptor>(impl_->acceptor_strand);
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
  asio::co_spawn(impl_->acceptor_strand, impl_->listen(), asio::detached);
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
  if (impl_->started) {
    // Stop accepting (on the acceptor's strand), then close the WebSocket sessions cleanly
    // while the I/O threads still run.
    asio::post(impl_->acceptor_strand, [this] {
      beast::error_code ec;
      impl_->acceptor->close(ec);
    });
    impl_->close_websockets();
  }
  impl_->ioc.stop();
  for (auto& t : impl_->threads) {
    if (t.joinable() && t.get_id() != std::this_thread::get_id()) t.join();
  }
  {
    std::lock_guard lock(impl_->notify_gate->mutex);
    impl_->notify_gate->open = false;
  }
  // No handler runs any more: the listening socket can be closed from here.
  if (impl_->acceptor) {
    beast::error_code ec;
    impl_->acceptor->close(ec);
  }
  impl_->release_websockets();
  impl_->stopped_cv.notify_all();
}

void HttpServer::wait() {
  std::unique_lock lock(impl_->mutex);
  impl_->stopped_cv.wait(lock, [this] { return impl_->stopped; });
}

}  // namespace shouwang::server
