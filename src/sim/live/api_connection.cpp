// One of the two translation units of the simulator that include Boost.Beast (slow to
// compile): plain HTTP/1.1 keep-alive requests, each step run on the connection's own
// io_context with a deadline.

#include <charconv>
#include <utility>  // Boost 1.74's Asio needs this before it under GCC 12

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <shouwang/sim/api_connection.h>

#include "sim/live/run_to_end.h"

namespace shouwang::sim {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = net::ip::tcp;

Result<ApiEndpoint> parse_api_url(std::string_view url) {
  const auto bad = [&](const std::string& why) {
    return Error(Errc::kInvalidArgument,
                 "--api " + std::string(url) + ": " + why + " (expected http://HOST:PORT)", "api");
  };
  constexpr std::string_view kScheme = "http://";
  if (url.substr(0, kScheme.size()) != kScheme)
    return bad("only plain http:// is supported");
  std::string_view rest = url.substr(kScheme.size());
  if (!rest.empty() && rest.back() == '/')
    rest.remove_suffix(1);
  if (rest.find('/') != std::string_view::npos)
    return bad("give the server, not a path on it");
  ApiEndpoint endpoint;
  const auto colon = rest.rfind(':');
  if (colon == std::string_view::npos) {
    endpoint.host = std::string(rest);
  } else {
    endpoint.host = std::string(rest.substr(0, colon));
    const std::string_view port = rest.substr(colon + 1);
    int value = 0;
    const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (ec != std::errc() || end != port.data() + port.size() || value < 1 || value > 65535) {
      return bad("the port must be a number from 1 to 65535");
    }
    endpoint.port = value;
  }
  if (endpoint.host.empty())
    return bad("no host");
  return endpoint;
}

std::string ApiAnswer::message() const {
  if (body.is_object() && body.contains("message") && body["message"].is_string()) {
    return body["message"].get<std::string>();
  }
  return "HTTP " + std::to_string(status);
}

struct ApiConnection::Impl {
  explicit Impl(std::chrono::seconds t) : timeout(t) {}

  // Runs one asynchronous step to its end on this connection's io_context.
  template <typename Initiate>
  beast::error_code run(Initiate&& initiate) {
    return run_to_end(context, std::forward<Initiate>(initiate));
  }

  beast::error_code connect(const ApiEndpoint& endpoint) {
    beast::error_code ec;
    const auto addresses = resolver.resolve(endpoint.host, std::to_string(endpoint.port), ec);
    if (ec)
      return ec;
    stream.expires_after(timeout);
    ec = run([&](auto handler) { stream.async_connect(addresses, std::move(handler)); });
    if (ec)
      return ec;
    stream.socket().set_option(tcp::no_delay(true), ec);
    open = true;
    buffer.clear();
    return {};
  }

  void close() {
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream.close();
    open = false;
  }

  std::chrono::seconds timeout;
  net::io_context context;
  tcp::resolver resolver{context};
  beast::tcp_stream stream{context};
  beast::flat_buffer buffer;
  bool open = false;
};

ApiConnection::ApiConnection(ApiEndpoint endpoint, std::chrono::seconds timeout)
    : endpoint_(std::move(endpoint)), impl_(std::make_unique<Impl>(timeout)) {}

ApiConnection::~ApiConnection() {
  if (impl_->open)
    impl_->close();
}

Result<ApiAnswer> ApiConnection::send(const ApiRequest& request) {
  http::request<http::string_body> message{http::string_to_verb(request.method), request.target,
                                           11};
  message.set(http::field::host, endpoint_.host);
  message.set(http::field::user_agent, "shouwang-simulate");
  if (!token_.empty())
    message.set(http::field::authorization, "Bearer " + token_);
  if (!request.workstation.empty())
    message.set("X-Workstation", request.workstation);
  if (!request.body.empty())
    message.set(http::field::content_type, "application/json");
  message.keep_alive(true);
  message.body() = request.body;
  message.prepare_payload();

  beast::error_code ec;
  for (int attempt = 0; attempt < 2; ++attempt) {
    const bool reused = impl_->open;
    if (!impl_->open) {
      ec = impl_->connect(endpoint_);
      if (ec)
        break;
    }
    impl_->stream.expires_after(impl_->timeout);
    ec = impl_->run(
        [&](auto handler) { http::async_write(impl_->stream, message, std::move(handler)); });
    http::response<http::string_body> response;
    if (!ec) {
      impl_->stream.expires_after(impl_->timeout);
      ec = impl_->run([&](auto handler) {
        http::async_read(impl_->stream, impl_->buffer, response, std::move(handler));
      });
    }
    if (!ec) {
      ApiAnswer answer;
      answer.status = static_cast<int>(response.result_int());
      answer.body = nlohmann::json::parse(response.body(), nullptr, false);
      if (answer.body.is_discarded())
        answer.body = nullptr;
      if (!response.keep_alive())
        impl_->close();
      return answer;
    }
    impl_->close();
    // A kept-alive connection the server had closed fails before any answer: once more on a
    // fresh one. A fresh connection that fails is reported.
    const bool stale = ec == http::error::end_of_stream || ec == net::error::connection_reset ||
                       ec == net::error::broken_pipe || ec == net::error::eof;
    if (!reused || !stale)
      break;
  }
  return Error(Errc::kUnavailable,
               "cannot reach the server at " + endpoint_.url() + ": " + ec.message(), "api");
}

}  // namespace shouwang::sim
