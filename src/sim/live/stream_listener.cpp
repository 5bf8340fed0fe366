// The second translation unit of the simulator that includes Boost.Beast: the WebSocket
// client of the live stream, run on the listener's own io_context and thread.

#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>  // Boost 1.74's Asio needs this before it under GCC 12

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>

#include <shouwang/sim/stream_listener.h>

#include "sim/live/run_to_end.h"

namespace shouwang::sim {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;
namespace websocket = boost::beast::websocket;
using tcp = net::ip::tcp;
using nlohmann::json;

namespace {

constexpr auto kConnectTimeout = std::chrono::seconds(10);
// The server sends a heartbeat every 5 s: a stream silent for this long is dead.
constexpr auto kSilenceTimeout = std::chrono::seconds(30);
constexpr auto kRetryDelay = std::chrono::seconds(1);

}  // namespace

struct StreamListener::Impl {
  Impl(ApiEndpoint e, std::string t, StreamHandler h)
      : endpoint(std::move(e)),
        token(std::move(t)),
        handler(std::move(h)),
        http_connection(endpoint) {
    http_connection.set_token(token);
  }

  template <typename Initiate>
  beast::error_code run(Initiate&& initiate) {
    return run_to_end(context, std::forward<Initiate>(initiate));
  }

  Status load_state() {
    auto answer = http_connection.send({"GET", "/api/v1/state", "", ""});
    if (!answer)
      return answer.error();
    if (answer->status == 401) {
      return Error(Errc::kUnauthenticated, "the server refused the session: " + answer->message());
    }
    if (!answer->ok() || !answer->body.is_object()) {
      return Error(Errc::kUnavailable, "GET /api/v1/state answered " + answer->message());
    }
    seq = answer->body.value("seq", std::uint64_t{0});
    n = 0;
    handler(answer->body, true);
    return {};
  }

  Status open_stream() {
    ws.reset();
    ws.emplace(context);
    beast::error_code ec;
    const auto addresses = resolver.resolve(endpoint.host, std::to_string(endpoint.port), ec);
    if (!ec) {
      beast::get_lowest_layer(*ws).expires_after(kConnectTimeout);
      ec = run([&](auto done) {
        beast::get_lowest_layer(*ws).async_connect(addresses, std::move(done));
      });
    }
    if (ec)
      return Error(Errc::kUnavailable,
                   "cannot reach the server at " + endpoint.url() + ": " + ec.message());
    beast::get_lowest_layer(*ws).expires_never();  // the WebSocket stream keeps its own timeouts
    ws->set_option(websocket::stream_base::timeout{kConnectTimeout, kSilenceTimeout, false});
    ws->set_option(websocket::stream_base::decorator([this](websocket::request_type& request) {
      request.set(http::field::authorization, "Bearer " + token);
      request.set(http::field::user_agent, "shouwang-simulate");
    }));
    websocket::response_type response;
    const std::string target = "/api/v1/stream?from=" + std::to_string(seq);
    const std::string host = endpoint.host + ":" + std::to_string(endpoint.port);
    ec = run([&](auto done) { ws->async_handshake(response, host, target, std::move(done)); });
    if (ec) {
      if (response.result() == http::status::unauthorized) {
        return Error(Errc::kUnauthenticated, "the server refused the stream: " + response.body());
      }
      return Error(Errc::kUnavailable, "the stream could not be opened: " + ec.message());
    }
    std::lock_guard lock(mutex);
    stats.connected = true;
    return {};
  }

  // Reads messages until the stream ends; why it ended.
  std::string read_until_end() {
    std::string reason;
    buffer.clear();
    std::function<void()> next = [&] {
      ws->async_read(buffer, [&](beast::error_code ec, std::size_t) {
        if (ec) {
          reason = ec.message();
          return;
        }
        const auto data = buffer.cdata();
        const std::string_view text(static_cast<const char*>(data.data()), data.size());
        json message = json::parse(text, nullptr, false);
        buffer.consume(buffer.size());
        if (!message.is_object()) {
          reason = "a message that is not a JSON object";
          return;
        }
        const std::string type = message.value("type", "");
        if (type == "change" || type == "heartbeat") {
          const auto number = message.value("n", std::uint64_t{0});
          if (number != n + 1) {
            reason = "message " + std::to_string(n + 1) + " was lost";
            return;
          }
          n = number;
          seq = message.value("seq", seq);
          if (type == "change") {
            handler(message, false);
            std::lock_guard lock(mutex);
            ++stats.messages;
          }
        } else if (type == "resync" || type == "dropped") {
          reason = type + ": " + message.value("reason", "");
          return;
        }
        next();
      });
    };
    next();
    context.restart();
    context.run();
    beast::error_code ignored;
    beast::get_lowest_layer(*ws).socket().shutdown(tcp::socket::shutdown_both, ignored);
    beast::get_lowest_layer(*ws).close();
    return reason;
  }

  void loop() {
    for (;;) {
      const std::string reason = read_until_end();
      {
        std::lock_guard lock(mutex);
        stats.connected = false;
        stats.last_problem = reason;
      }
      for (;;) {
        {
          std::unique_lock lock(mutex);
          wake.wait_for(lock, kRetryDelay, [&] { return stopping; });
          if (stopping)
            return;
        }
        Status opened = load_state();
        if (opened)
          opened = open_stream();
        std::lock_guard lock(mutex);
        if (opened) {
          ++stats.reloads;
          break;
        }
        stats.last_problem = opened.error().message;
      }
    }
  }

  ApiEndpoint endpoint;
  std::string token;
  StreamHandler handler;
  ApiConnection http_connection;
  net::io_context context;
  tcp::resolver resolver{context};
  std::optional<websocket::stream<beast::tcp_stream>> ws;
  beast::flat_buffer buffer;
  std::uint64_t seq = 0;
  std::uint64_t n = 0;
  std::thread thread;
  mutable std::mutex mutex;
  std::condition_variable wake;
  bool stopping = false;  // under mutex
  StreamStats stats;      // under mutex
};

StreamListener::StreamListener(ApiEndpoint endpoint, std::string token, StreamHandler handler)
    : impl_(std::make_unique<Impl>(std::move(endpoint), std::move(token), std::move(handler))) {}

StreamListener::~StreamListener() {
  stop();
}

Status StreamListener::start() {
  if (impl_->thread.joinable())
    return {};
  if (Status loaded = impl_->load_state(); !loaded)
    return loaded;
  if (Status opened = impl_->open_stream(); !opened)
    return opened;
  impl_->thread = std::thread([this] { impl_->loop(); });
  return {};
}

void StreamListener::stop() {
  {
    std::lock_guard lock(impl_->mutex);
    impl_->stopping = true;
  }
  impl_->wake.notify_all();
  // Posted rather than called: the thread restarts its io_context before each step, which
  // would forget a plain stop() that came in between.
  net::post(impl_->context, [this] {
    if (impl_->ws)
      beast::get_lowest_layer(*impl_->ws).close();
    impl_->context.stop();
  });
  if (impl_->thread.joinable())
    impl_->thread.join();
}

StreamStats StreamListener::stats() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->stats;
}

}  // namespace shouwang::sim
