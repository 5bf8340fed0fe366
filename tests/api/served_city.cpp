#include "api/served_city.h"

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>

#include "server/http_client.h"
#include "store/child_process.h"

namespace shouwang::test {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

void run_ok(const std::vector<std::string>& argv, const std::string& input = {}) {
  SpawnOptions options;
  options.input_path = input;
  auto code = run(argv, options);
  ASSERT_TRUE(code.ok()) << code.error().message;
  ASSERT_EQ(*code, 0) << argv[1] << " " << (argv.size() > 2 ? argv[2] : "");
}

}  // namespace

ApiReply ApiClient::send(const std::string& method, const std::string& target, const std::string& body,
                         const std::vector<std::string>& extra_headers, bool with_credentials) const {
  std::string raw = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n";
  if (with_credentials && !bearer.empty()) raw += "Authorization: Bearer " + bearer + "\r\n";
  if (with_credentials && !cookie.empty()) raw += "Cookie: " + cookie + "\r\n";
  for (const auto& h : extra_headers) raw += h + "\r\n";
  raw += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  HttpClient client(port_);
  RawResponse response = client.exchange(raw);
  ApiReply reply;
  reply.status = response.status;
  reply.headers = response.headers;
  reply.text = response.body;
  reply.body = nlohmann::json::parse(response.body, nullptr, false);
  if (reply.body.is_discarded()) reply.body = nullptr;
  return reply;
}

ApiReply ApiClient::get(const std::string& target) const { return send("GET", target, ""); }

ApiReply ApiClient::post(const std::string& target, const nlohmann::json& body) const {
  std::vector<std::string> headers;
  if (!csrf.empty()) headers.push_back("X-CSRF-Token: " + csrf);
  return send("POST", target, body.dump(), headers);
}

ServedCity::ServedCity(const std::string& name, std::vector<std::string> extra_serve_flags)
    : extra_flags_(std::move(extra_serve_flags)) {
  char pattern[] = "/tmp/shouwang-api-XXXXXX";
  dir_ = ::mkdtemp(pattern);
  dir_ += "";
  (void)name;
  const std::string bin = SHOUWANG_BIN;
  run_ok({bin, "gen-city", "--seed", "11", "--size-km", "8", "--out", dir_ + "/city.osm.pbf"});
  auto tree = osm::read_jurisdictions(dir_ + "/city.osm.pbf");
  if (!tree) {
    ADD_FAILURE() << tree.error().message;
    return;
  }
  org = std::move(*tree);
  city_code = org.city()->code;
  std::vector<const osm::OrgUnit*> stations;
  for (const auto& unit : org.units()) {
    if (unit.level == osm::OrgLevel::kStation) stations.push_back(&unit);
  }
  if (stations.size() < 2) {
    ADD_FAILURE() << "the demo city has fewer than two stations";
    return;
  }
  station_a = stations[0]->code;
  station_b = stations[1]->code;
  point_a = stations[0]->representative_point;
  point_b = stations[1]->representative_point;

  write_file(dir_ + "/password", kPassword + "\n");
  struct Account {
    const char* name;
    const char* role;
    std::string scope;
    const char* unit;
  };
  const Account accounts[] = {
      {"admin", "admin", city_code, ""},           {"disp", "dispatcher", city_code, ""},
      {"taker", "call_taker", city_code, ""},      {"analyst", "analyst", city_code, ""},
      {"officer_a", "station_officer", station_a, ""}, {"officer_b", "station_officer", station_b, ""},
      {"car_a", "unit_terminal", station_a, "A-01"},
  };
  for (const auto& a : accounts) {
    std::vector<std::string> argv = {bin, "user", "add", a.name, "--role", a.role, "--scope", a.scope,
                                     "--password-stdin", "--data", dir_};
    if (*a.unit != '\0') {
      argv.push_back("--unit");
      argv.push_back(a.unit);
    }
    run_ok(argv, dir_ + "/password");
  }
  std::filesystem::create_directories(dir_ + "/web");
  write_file(dir_ + "/web/index.html", "<!doctype html><title>console</title>");
}

ServedCity::~ServedCity() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    wait_for_exit(pid_);
  }
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

std::string ServedCity::output() const { return read_file(dir_ + "/serve.out"); }

void ServedCity::run_tool(const std::vector<std::string>& args) const {
  std::vector<std::string> argv = {SHOUWANG_BIN};
  argv.insert(argv.end(), args.begin(), args.end());
  run_ok(argv);
}

void ServedCity::start() {
  ASSERT_LT(pid_, 0) << "already running";
  const std::string out = dir_ + "/serve.out";
  const std::size_t before = read_file(out).size();
  std::vector<std::string> argv = {SHOUWANG_BIN, "serve", "--data", dir_, "--port", "0",
                                   "--web", dir_ + "/web", "--threads", "8"};
  argv.insert(argv.end(), extra_flags_.begin(), extra_flags_.end());
  SpawnOptions options;
  options.output_path = out;
  options.parent_death_signal = SIGKILL;
  auto pid = spawn(argv, options);
  ASSERT_TRUE(pid.ok()) << pid.error().message;
  pid_ = *pid;
  ++starts_;
  const std::string marker = "listening on http://127.0.0.1:";
  for (int i = 0; i < 600; ++i) {
    const std::string text = read_file(out).substr(before);
    if (const auto at = text.find(marker); at != std::string::npos && text.find('\n', at) != std::string::npos) {
      port_ = std::atoi(text.c_str() + at + marker.size());
      return;
    }
    int code = 0;
    if (has_exited(pid_, &code)) {
      pid_ = -1;
      FAIL() << "shouwang serve exited with " << code << ":\n" << text;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  FAIL() << "shouwang serve did not start listening:\n" << read_file(out);
}

void ServedCity::stop() {
  ASSERT_GT(pid_, 0);
  ::kill(pid_, SIGTERM);
  const int code = wait_for_exit(pid_);
  pid_ = -1;
  EXPECT_EQ(code, 0) << output();
}

void ServedCity::kill_hard() {
  ASSERT_GT(pid_, 0);
  ::kill(pid_, SIGKILL);
  wait_for_exit(pid_);
  pid_ = -1;
}

ApiClient ServedCity::login(const std::string& user, bool cookie) const {
  ApiClient client(port_);
  const ApiReply reply = client.send("POST", "/api/v1/auth/login",
                                     nlohmann::json{{"username", user}, {"password", kPassword},
                                                    {"kind", cookie ? "cookie" : "bearer"}}
                                         .dump());
  EXPECT_EQ(reply.status, 200) << reply.text;
  if (reply.status != 200) return client;
  if (cookie) {
    const std::string set = reply.headers.count("set-cookie") ? reply.headers.at("set-cookie") : "";
    client.cookie = set.substr(0, set.find(';'));
    client.csrf = reply.body.value("csrf_token", "");
  } else {
    client.bearer = reply.body.value("token", "");
  }
  return client;
}

}  // namespace shouwang::test
