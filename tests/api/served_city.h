#pragma once
// Test harness for black-box API tests: a generated demo city in a temporary directory with
// one account per role, a real `shouwang serve` process started on a free port (and
// stopped or killed by the test), and clients that talk HTTP to it from outside, exactly
// as consoles and terminals do.

#include <map>
#include <memory>
#include <string>
#include <sys/types.h>
#include <vector>

#include <nlohmann/json.hpp>

#include <shouwang/base/geo.h>
#include <shouwang/osm/jurisdictions.h>

namespace shouwang::test {

struct ApiReply {
  int status = 0;
  nlohmann::json body;  // null when the body is not JSON
  std::map<std::string, std::string> headers;
  std::string text;
};

// One identity's connection: a bearer token, or a cookie with its CSRF token.
class ApiClient {
 public:
  explicit ApiClient(int port) : port_(port) {}
  ApiReply get(const std::string& target) const;
  ApiReply post(const std::string& target, const nlohmann::json& body) const;
  // A body sent as given, with extra header lines ("Name: value").
  ApiReply send(const std::string& method, const std::string& target, const std::string& body,
                const std::vector<std::string>& extra_headers = {}, bool with_credentials = true) const;

  std::string bearer;
  std::string cookie;  // "sw_session=..."
  std::string csrf;
  int port_;
};

inline const std::string kPassword = "correct-horse-1";

class ServedCity {
 public:
  // Generates the city and the accounts (admin, disp, taker, analyst at the city; officer_a,
  // officer_b at two stations; car_a, a unit terminal of unit "A-01" at station A).
  explicit ServedCity(const std::string& name, std::vector<std::string> extra_serve_flags = {});
  ~ServedCity();

  void start();        // waits until it listens
  void stop();         // SIGTERM, waits for a clean exit (asserts exit code 0)
  void kill_hard();    // SIGKILL
  [[nodiscard]] int port() const { return port_; }
  [[nodiscard]] const std::string& dir() const { return dir_; }
  [[nodiscard]] std::string output() const;  // what the server printed
  // Runs `shouwang ARGS...` (another verb on the same data, say) and fails the test unless
  // it exits 0.
  void run_tool(const std::vector<std::string>& args) const;

  // A bearer (or cookie) session of `user`; fails the test when the login fails.
  ApiClient login(const std::string& user, bool cookie = false) const;

  std::string city_code;
  std::string station_a;
  std::string station_b;
  LatLon point_a;  // inside station A's area
  LatLon point_b;
  osm::Jurisdictions org;

 private:
  std::string dir_;
  std::vector<std::string> extra_flags_;
  pid_t pid_ = -1;
  int port_ = 0;
  int starts_ = 0;
};

}  // namespace shouwang::test
