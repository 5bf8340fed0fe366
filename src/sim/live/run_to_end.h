#pragma once
// One asynchronous Asio / Beast step run to its end on a private io_context. The
// simulator's HTTP and WebSocket clients are blocking by design (each has its own thread
// and io_context), with Beast's timeouts on every step.

#include <utility>

#include <boost/asio/error.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/beast/core/error.hpp>

namespace shouwang::sim {

// Starts the step (`initiate` receives its completion handler) and runs the context until
// nothing is left to do; the step's error code.
template <typename Initiate>
boost::beast::error_code run_to_end(boost::asio::io_context& context, Initiate&& initiate) {
  boost::beast::error_code result = boost::asio::error::would_block;
  std::forward<Initiate>(initiate)([&](boost::beast::error_code ec, auto&&...) { result = ec; });
  context.restart();
  context.run();
  return result;
}

}  // namespace shouwang::sim
