#pragma once
// A parsed EIDO with its components indexed by $id, so that references ($ref) are resolved
// and checked in one place: a reference to an id the document does not hold, or to a
// component of the wrong kind, is an error naming the reference's pointer.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "exchange/eido/json_node.h"

namespace shouwang::exchange::eido {

class Document {
 public:
  // Parses and indexes; throws FieldError for a document that is not an EIDO object.
  explicit Document(nlohmann::json root);

  [[nodiscard]] Node root() const { return Node(root_, ""); }
  [[nodiscard]] const std::string& tracking_id() const { return tracking_id_; }
  // The incident component (an object, or the single element of an array as in early
  // drafts of the standard).
  [[nodiscard]] Node incident() const;
  // The elements of a top-level component array (empty when absent).
  [[nodiscard]] std::vector<Node> components(std::string_view array) const;

  // The component a reference object ({"$ref": id}) points to; it must be in `array`.
  [[nodiscard]] Node resolve(const Node& reference, std::string_view array) const;
  // The user an agent reference stands for (the agent's $id without "@<its agency>").
  [[nodiscard]] std::string user(const Node& agent_reference) const;
  // The user of a member holding one agent reference or an array of them (the first);
  // empty when absent.
  [[nodiscard]] std::string user_of(const Node& component, std::string_view key) const;
  // A user written as an agent id in free text (cautionSource).
  [[nodiscard]] std::string user_of_id(std::string_view agent) const;

 private:
  struct Entry {
    std::string array;
    std::size_t index;
  };

  nlohmann::json root_;
  std::string tracking_id_;
  std::string agency_;  // the sending agency, whose suffix marks our own agents
  std::map<std::string, Entry, std::less<>> by_id_;
};

}  // namespace shouwang::exchange::eido
