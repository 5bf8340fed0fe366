// docs/api/openapi.json against the code: the routes a real ServerApp registers, the
// commands the domain decodes (their members, and the roles that may issue them), the
// enumerations and error codes the server speaks, and the document's own consistency
// ($refs, path parameters, a summary and a 4xx answer for every operation).

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include <shouwang/base/error.h>
#include <shouwang/base/version.h>
#include <shouwang/cad/call.h>
#include <shouwang/cad/caution.h>
#include <shouwang/cad/command_json.h>
#include <shouwang/cad/incident.h>
#include <shouwang/cad/incident_status.h>
#include <shouwang/cad/involved.h>
#include <shouwang/cad/location.h>
#include <shouwang/cad/order.h>
#include <shouwang/cad/order_status.h>
#include <shouwang/server/access_policy.h>
#include <shouwang/server/authenticator.h>
#include <shouwang/server/roles.h>
#include <shouwang/server/server_app.h>

namespace shouwang {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const char* const kDocument = SHOUWANG_SOURCE_DIR "/docs/api/openapi.json";
const std::vector<std::string> kMethods = {"get", "put", "post", "delete", "options", "head", "patch", "trace"};

std::string upper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return text;
}

std::string joined(const std::set<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += "\n  " + item;
  return out;
}

// The {name} parameters of a path pattern, in order.
std::vector<std::string> path_parameters(const std::string& pattern) {
  std::vector<std::string> out;
  std::size_t open = pattern.find('{');
  while (open != std::string::npos) {
    const std::size_t close = pattern.find('}', open);
    if (close == std::string::npos) break;
    out.push_back(pattern.substr(open + 1, close - open - 1));
    open = pattern.find('{', close);
  }
  return out;
}

// Every snake_case name of a domain enumeration, found by walking its values until the
// name table has none ("?"): the list follows the code without being copied here.
template <typename E>
std::set<std::string> enum_names(std::string_view (*name)(E)) {
  std::set<std::string> out;
  for (int v = 0; v < 256; ++v) {
    const std::string_view text = name(static_cast<E>(v));
    if (text == "?") break;
    out.emplace(text);
  }
  return out;
}

// A member of an object, or null: lookups never add to the document.
const json& member(const json& node, const std::string& key) {
  static const json kNull;
  if (!node.is_object()) return kNull;
  const auto it = node.find(key);
  return it == node.end() ? kNull : *it;
}

// member(member(node, k1), k2) ...
template <typename... Keys>
const json& at(const json& node, const std::string& key, const Keys&... rest) {
  const json& next = member(node, key);
  if constexpr (sizeof...(rest) == 0) {
    return next;
  } else {
    return at(next, rest...);
  }
}

std::set<std::string> strings_of(const json& array) {
  std::set<std::string> out;
  if (!array.is_array()) return out;
  for (const auto& item : array) {
    if (item.is_string()) out.insert(item.get<std::string>());
  }
  return out;
}

class OpenApiDoc : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::ifstream in(kDocument);
    ASSERT_TRUE(in) << "cannot open " << kDocument;
    doc_ = new const json(json::parse(in, nullptr, /*allow_exceptions=*/false));
    ASSERT_FALSE(doc_->is_discarded()) << kDocument << " is not valid JSON";

    std::random_device random;
    dir_ = new fs::path(fs::temp_directory_path() /
                        ("shouwang-api-doc-" + std::to_string(::getpid()) + "-" + std::to_string(random())));
    fs::create_directories(*dir_ / "web");
    std::ofstream(*dir_ / "web" / "index.html") << "<!doctype html><title>console</title>\n";

    server::AppOptions options;
    options.db_url = "sqlite:" + (*dir_ / "events.db").string();
    options.centre = "310100";
    options.taxonomy = SHOUWANG_TAXONOMY_DIR;
    options.web = *dir_ / "web";
    options.http.port = 0;
    auto app = server::ServerApp::open(std::move(options));
    ASSERT_TRUE(app.ok()) << app.error().to_string();
    app_ = app->release();
  }

  static void TearDownTestSuite() {
    delete app_;
    app_ = nullptr;
    delete doc_;
    doc_ = nullptr;
    if (dir_ != nullptr) {
      std::error_code ec;
      fs::remove_all(*dir_, ec);
      delete dir_;
      dir_ = nullptr;
    }
  }

  void SetUp() override {
    ASSERT_NE(doc_, nullptr);
    ASSERT_TRUE(doc_->is_object());
    ASSERT_NE(app_, nullptr);
  }

  // Follows "$ref" (local JSON pointers only) until a node without one; null when a
  // reference does not resolve.
  static const json* resolve(const json& node) {
    const json* current = &node;
    for (int depth = 0; depth < 16 && current->is_object() && current->contains("$ref"); ++depth) {
      const json& target = member(*current, "$ref");
      if (!target.is_string() || target.get<std::string>().rfind("#/", 0) != 0) return nullptr;
      try {
        const json::json_pointer pointer(target.get<std::string>().substr(1));
        if (!doc_->contains(pointer)) return nullptr;
        current = &doc_->at(pointer);
      } catch (const json::exception&) {
        return nullptr;
      }
    }
    return current;
  }

  struct Operation {
    std::string method;  // upper case
    std::string path;
    const json* body;
  };

  static std::vector<Operation> operations() {
    std::vector<Operation> out;
    if (!doc_->contains("paths") || !at(*doc_, "paths").is_object()) return out;
    for (const auto& [path, item] : at(*doc_, "paths").items()) {
      for (const auto& method : kMethods) {
        if (item.contains(method)) out.push_back({upper(method), path, &item[method]});
      }
    }
    return out;
  }

  // The schema an operation's JSON request body has, resolved; null without one.
  static const json* request_schema(const json& operation) {
    if (!operation.contains("requestBody")) return nullptr;
    const json* body = resolve(operation["requestBody"]);
    if (body == nullptr || !body->contains("content") || !at(*body, "content").contains("application/json")) {
      return nullptr;
    }
    const json& media = at(*body, "content", "application/json");
    return media.contains("schema") ? resolve(media["schema"]) : nullptr;
  }

  static const json& schema(const std::string& name) { return at(*doc_, "components", "schemas", name); }

  static const json* doc_;
  static fs::path* dir_;
  static server::ServerApp* app_;
};

const json* OpenApiDoc::doc_ = nullptr;
fs::path* OpenApiDoc::dir_ = nullptr;
server::ServerApp* OpenApiDoc::app_ = nullptr;

TEST_F(OpenApiDoc, IsAnOpenApi3Document) {
  EXPECT_EQ(doc_->value("openapi", ""), "3.0.3");
  ASSERT_TRUE(doc_->contains("info") && at(*doc_, "info").is_object());
  EXPECT_FALSE(at(*doc_, "info").value("title", "").empty());
  EXPECT_EQ(at(*doc_, "info").value("version", ""), kApiVersion);
  ASSERT_TRUE(doc_->contains("paths") && at(*doc_, "paths").is_object());
  EXPECT_FALSE(at(*doc_, "paths").empty());
  for (const auto& [path, item] : at(*doc_, "paths").items()) {
    EXPECT_EQ(path.rfind('/', 0), 0u) << "path " << path << " must start with /";
    for (const auto& [key, value] : item.items()) {
      const bool known = std::find(kMethods.begin(), kMethods.end(), key) != kMethods.end() || key == "parameters" ||
                         key == "summary" || key == "description" || key == "servers" || key.rfind("x-", 0) == 0;
      EXPECT_TRUE(known) << "path " << path << " has the unknown member " << key;
    }
  }
  ASSERT_TRUE(doc_->contains("servers") && at(*doc_, "servers").is_array() && !at(*doc_, "servers").empty());
  for (const auto& server : at(*doc_, "servers")) {
    EXPECT_EQ(server.value("url", "").rfind('/', 0), 0u) << "servers are relative: " << server.dump();
  }
  ASSERT_TRUE(doc_->contains("components") && at(*doc_, "components").contains("schemas"));
  EXPECT_TRUE(doc_->contains("security") && at(*doc_, "security").is_array() && !at(*doc_, "security").empty());
}

TEST_F(OpenApiDoc, SecuritySchemesAreTheAuthenticatorsCredentials) {
  const json& schemes = at(*doc_, "components", "securitySchemes");
  ASSERT_TRUE(schemes.is_object());
  ASSERT_TRUE(schemes.contains("cookieSession"));
  EXPECT_EQ(at(schemes, "cookieSession").value("type", ""), "apiKey");
  EXPECT_EQ(at(schemes, "cookieSession").value("in", ""), "cookie");
  EXPECT_EQ(at(schemes, "cookieSession").value("name", ""), server::AuthOptions{}.cookie_name);
  ASSERT_TRUE(schemes.contains("csrfToken"));
  EXPECT_EQ(at(schemes, "csrfToken").value("in", ""), "header");
  EXPECT_EQ(at(schemes, "csrfToken").value("name", ""), "X-CSRF-Token");
  ASSERT_TRUE(schemes.contains("bearerAuth"));
  EXPECT_EQ(at(schemes, "bearerAuth").value("type", ""), "http");
  EXPECT_EQ(at(schemes, "bearerAuth").value("scheme", ""), "bearer");
  // Every requirement names declared schemes.
  std::vector<const json*> requirements = {&at(*doc_, "security")};
  for (const auto& op : operations()) {
    if (op.body->contains("security")) requirements.push_back(&at(*op.body, "security"));
  }
  for (const json* list : requirements) {
    for (const auto& requirement : *list) {
      for (const auto& [name, scopes] : requirement.items()) {
        EXPECT_TRUE(schemes.contains(name)) << "security names the undeclared scheme " << name;
      }
    }
  }
}

TEST_F(OpenApiDoc, DocumentsExactlyTheRoutesTheServerRegisters) {
  std::set<std::string> registered;
  std::set<std::string> websockets;
  for (const auto& route : app_->routes()) {
    registered.insert(route.method + " " + route.pattern);
    if (route.websocket) websockets.insert(route.pattern);
  }
  ASSERT_FALSE(registered.empty());
  std::set<std::string> documented;
  for (const auto& op : operations()) documented.insert(op.method + " " + op.path);

  std::set<std::string> missing;
  std::set_difference(registered.begin(), registered.end(), documented.begin(), documented.end(),
                      std::inserter(missing, missing.end()));
  std::set<std::string> extra;
  std::set_difference(documented.begin(), documented.end(), registered.begin(), registered.end(),
                      std::inserter(extra, extra.end()));
  EXPECT_TRUE(missing.empty()) << "routes the server registers that docs/api/openapi.json lacks:" << joined(missing);
  EXPECT_TRUE(extra.empty()) << "operations in docs/api/openapi.json that the server does not register:"
                             << joined(extra);

  // A WebSocket endpoint is described as such: the upgrade, its refusals and its messages.
  for (const auto& pattern : websockets) {
    const json& op = at(*doc_, "paths", pattern, "get");
    ASSERT_TRUE(op.is_object()) << pattern;
    EXPECT_TRUE(at(op, "responses").contains("101")) << pattern << " needs a 101 (upgrade) answer";
    EXPECT_TRUE(at(op, "responses").contains("401")) << pattern;
    EXPECT_TRUE(at(op, "responses").contains("426")) << pattern << " needs the 426 of a plain GET";
    ASSERT_TRUE(op.contains("x-websocket-messages")) << pattern;
    const json& server_messages = at(op, "x-websocket-messages", "server");
    for (const char* kind : {"change", "heartbeat", "resync", "dropped"}) {
      ASSERT_TRUE(server_messages.contains(kind)) << pattern << " lacks the " << kind << " message";
      const json* message = resolve(at(server_messages, kind));
      ASSERT_NE(message, nullptr) << kind;
      EXPECT_EQ(strings_of(at(*message, "properties", "type", "enum")), std::set<std::string>{kind}) << kind;
    }
  }
}

TEST_F(OpenApiDoc, EveryCommandHasOnePostWithItsMembers) {
  std::map<std::string, std::vector<Operation>> by_command;
  for (const auto& op : operations()) {
    if (op.body->contains("x-command")) by_command[at(*op.body, "x-command").get<std::string>()].push_back(op);
  }
  std::set<std::string> known;
  for (const std::string_view name_view : cad::command_names()) {
    const std::string name(name_view);
    known.insert(name);
    if (cad::server_only(name)) continue;  // the server's own timer, no route
    const auto found = by_command.find(name);
    if (found == by_command.end()) {
      ADD_FAILURE() << "command " << name << " has no operation with x-command: " << name;
      continue;
    }
    ASSERT_EQ(found->second.size(), 1u) << "command " << name << " is documented more than once";
    const Operation& op = found->second.front();
    EXPECT_EQ(op.method, "POST") << name;
    EXPECT_EQ(op.body->value("operationId", ""), name);

    // The URL's parameters are command members the router binds; the body holds the rest.
    const auto& fields = cad::command_fields(name);
    std::set<std::string> expected(fields.begin(), fields.end());
    for (const auto& param : path_parameters(op.path)) {
      EXPECT_TRUE(expected.contains(param)) << name << ": the path parameter {" << param << "} is not a member";
      expected.erase(param);
    }
    const json* body = request_schema(*op.body);
    ASSERT_NE(body, nullptr) << name << " has no application/json request body schema";
    std::set<std::string> documented;
    if (body->contains("properties")) {
      for (const auto& [name_in_body, ignored] : at(*body, "properties").items()) documented.insert(name_in_body);
    }
    EXPECT_EQ(documented, expected) << name << ": the body schema's members differ from cad::command_fields "
                                    << "less the path parameters";
    EXPECT_EQ(body->value("additionalProperties", true), false)
        << name << ": the decoder refuses unknown members, so the schema must too";
    for (const auto& required : strings_of(body->value("required", json::array()))) {
      EXPECT_TRUE(documented.contains(required)) << name << " requires the undocumented member " << required;
    }

    // The roles listed are exactly those the access policy lets issue the command.
    std::set<std::string> roles;
    for (const server::Role role : server::kAllRoles) {
      if (server::role_may_issue(role, name)) roles.emplace(server::to_string(role));
    }
    EXPECT_EQ(strings_of(op.body->value("x-roles", json::array())), roles) << name << ": x-roles";
  }
  for (const auto& [name, ops] : by_command) {
    EXPECT_TRUE(known.contains(name)) << "x-command " << name << " is not a command of cad::command_names()";
  }
}

TEST_F(OpenApiDoc, EveryOperationHasASummaryAndItsAnswers) {
  std::set<std::string> operation_ids;
  for (const auto& op : operations()) {
    const std::string name = op.method + " " + op.path;
    EXPECT_FALSE(op.body->value("summary", "").empty()) << name << " has no summary";
    EXPECT_FALSE(op.body->value("description", "").empty()) << name << " has no description";
    const std::string id = op.body->value("operationId", "");
    EXPECT_FALSE(id.empty()) << name << " has no operationId";
    EXPECT_TRUE(operation_ids.insert(id).second) << "operationId " << id << " is used twice";
    ASSERT_TRUE(op.body->contains("responses") && at(*op.body, "responses").is_object()) << name;
    bool success = false;
    bool client_error = false;
    for (const auto& [status, response] : at(*op.body, "responses").items()) {
      ASSERT_EQ(status.size(), 3u) << name << ": status " << status;
      success = success || status[0] == '1' || status[0] == '2';
      client_error = client_error || status[0] == '4';
      const json* resolved = resolve(response);
      ASSERT_NE(resolved, nullptr) << name << " " << status;
      EXPECT_FALSE(resolved->value("description", "").empty()) << name << " " << status << " has no description";
      if (status[0] == '4' || status[0] == '5') {
        const json* error = resolved->contains("content") && at(*resolved, "content").contains("application/json")
                                ? resolve(at(*resolved, "content", "application/json", "schema"))
                                : nullptr;
        EXPECT_EQ(error, &schema("Error")) << name << " " << status << " must answer components/schemas/Error";
      }
    }
    EXPECT_TRUE(success) << name << " has no success answer";
    EXPECT_TRUE(client_error) << name << " has no 4xx answer";
  }
}

TEST_F(OpenApiDoc, PathParametersAreDeclaredOnEveryOperation) {
  for (const auto& op : operations()) {
    const auto wanted = path_parameters(op.path);
    std::set<std::string> declared;
    for (const auto& parameter : op.body->value("parameters", json::array())) {
      const json* p = resolve(parameter);
      ASSERT_NE(p, nullptr) << op.method << " " << op.path;
      ASSERT_TRUE(p->contains("name") && p->contains("in")) << op.method << " " << op.path << ": " << p->dump();
      if (at(*p, "in") != "path") continue;
      declared.insert(at(*p, "name").get<std::string>());
      EXPECT_EQ(p->value("required", false), true) << op.path << " {" << at(*p, "name") << "} must be required";
    }
    EXPECT_EQ(declared, std::set<std::string>(wanted.begin(), wanted.end())) << op.method << " " << op.path;
  }
}

TEST_F(OpenApiDoc, EveryRefResolves) {
  std::set<std::string> broken;
  std::vector<const json*> stack = {doc_};
  std::size_t refs = 0;
  while (!stack.empty()) {
    const json* node = stack.back();
    stack.pop_back();
    if (node->is_object()) {
      if (node->contains("$ref")) {
        ++refs;
        if (resolve(*node) == nullptr) broken.insert(at(*node, "$ref").dump());
      }
      for (const auto& [key, value] : node->items()) stack.push_back(&value);
    } else if (node->is_array()) {
      for (const auto& value : *node) stack.push_back(&value);
    }
  }
  EXPECT_GT(refs, 0u);
  EXPECT_TRUE(broken.empty()) << "$refs that resolve to nothing:" << joined(broken);
}

TEST_F(OpenApiDoc, RequiredMembersAreDeclared) {
  std::vector<std::pair<std::string, const json*>> stack = {{"", doc_}};
  while (!stack.empty()) {
    auto [where, node] = stack.back();
    stack.pop_back();
    if (node->is_object()) {
      if (node->contains("required") && at(*node, "required").is_array() && node->contains("properties")) {
        for (const auto& name : strings_of(at(*node, "required"))) {
          EXPECT_TRUE(at(*node, "properties").contains(name)) << where << " requires the undeclared " << name;
        }
      }
      for (const auto& [key, value] : node->items()) stack.emplace_back(where + "/" + key, &value);
    } else if (node->is_array()) {
      for (std::size_t i = 0; i < node->size(); ++i) stack.emplace_back(where + "/" + std::to_string(i), &(*node)[i]);
    }
  }
}

TEST_F(OpenApiDoc, EnumerationsAreTheDomains) {
  const auto documented = [](const std::string& name) { return strings_of(schema(name)["enum"]); };
  using cad::to_string;
  EXPECT_EQ(documented("CallChannel"), enum_names<cad::CallChannel>(to_string));
  EXPECT_EQ(documented("LocationSource"), enum_names<cad::LocationSource>(to_string));
  EXPECT_EQ(documented("CautionKind"), enum_names<cad::CautionKind>(to_string));
  EXPECT_EQ(documented("PersonRole"), enum_names<cad::PersonRole>(to_string));
  EXPECT_EQ(documented("VehicleRole"), enum_names<cad::VehicleRole>(to_string));
  EXPECT_EQ(documented("InvolvedKind"), enum_names<cad::InvolvedKind>(to_string));
  EXPECT_EQ(documented("TargetKind"), enum_names<cad::TargetKind>(to_string));
  EXPECT_EQ(documented("IncidentStatus"), enum_names<cad::IncidentStatus>(to_string));
  EXPECT_EQ(documented("OrderStatus"), enum_names<cad::OrderStatus>(to_string));
  EXPECT_EQ(documented("PrioritySource"), enum_names<cad::PrioritySource>(to_string));

  const auto person_fields = cad::person_field_names();
  EXPECT_EQ(documented("PersonFieldName"), std::set<std::string>(person_fields.begin(), person_fields.end()));
  const auto vehicle_fields = cad::vehicle_field_names();
  EXPECT_EQ(documented("VehicleFieldName"), std::set<std::string>(vehicle_fields.begin(), vehicle_fields.end()));

  std::set<std::string> roles;
  for (const server::Role role : server::kAllRoles) roles.emplace(server::to_string(role));
  EXPECT_EQ(documented("Role"), roles);

  // Every code errc_name gives, and the transport's own, are documented error codes.
  const std::set<std::string> codes = strings_of(at(schema("Error"), "properties", "code", "enum"));
  for (int c = 0; c <= static_cast<int>(Errc::kInternal); ++c) {
    const std::string name(errc_name(static_cast<Errc>(c)));
    EXPECT_TRUE(codes.contains(name)) << "the error code " << name << " is not in components/schemas/Error";
  }
  for (const char* name : {"payload_too_large", "upgrade_required", "method_not_allowed", "bad_request"}) {
    EXPECT_TRUE(codes.contains(name)) << "the error code " << name << " is not in components/schemas/Error";
  }
}

}  // namespace
}  // namespace shouwang
