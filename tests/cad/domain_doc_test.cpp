// docs/domain-model.md states the transition tables, the commands and the event types;
// these tests keep it in step with the code.

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <shouwang/cad/commands.h>
#include <shouwang/cad/event_types.h>
#include <shouwang/cad/incident_status.h>
#include <shouwang/cad/order_status.h>

#include "cad/cad_fixture.h"

namespace shouwang::cad {
namespace {

// The first cells of the table rows in the section that starts with `heading`.
std::vector<std::vector<std::string>> table_rows(const std::string& heading) {
  std::ifstream in(testing::source_dir() / "docs" / "domain-model.md");
  EXPECT_TRUE(in) << "docs/domain-model.md is missing";
  std::vector<std::vector<std::string>> rows;
  std::string line;
  bool inside = false;
  while (std::getline(in, line)) {
    if (line.rfind("## ", 0) == 0) inside = line == heading;
    if (!inside || line.rfind("| ", 0) != 0 || line.rfind("|---", 0) == 0) continue;
    std::vector<std::string> cells;
    std::stringstream cells_in(line.substr(2));
    std::string cell;
    while (std::getline(cells_in, cell, '|')) {
      const auto begin = cell.find_first_not_of(' ');
      const auto end = cell.find_last_not_of(' ');
      cells.push_back(begin == std::string::npos ? "" : cell.substr(begin, end - begin + 1));
    }
    rows.push_back(std::move(cells));
  }
  if (!rows.empty()) rows.erase(rows.begin());  // the header row
  return rows;
}

template <typename Transitions, typename Parse>
void expect_same_table(const std::string& heading, const Transitions& transitions, Parse parse) {
  std::set<std::pair<std::string, std::string>> code;
  for (const auto& t : transitions) {
    code.insert({std::string(to_string(t.from)), std::string(to_string(t.to))});
  }
  std::set<std::pair<std::string, std::string>> documented;
  for (const auto& row : table_rows(heading)) {
    ASSERT_GE(row.size(), 2u);
    EXPECT_TRUE(parse(row[0]).has_value()) << row[0];
    EXPECT_TRUE(parse(row[1]).has_value()) << row[1];
    documented.insert({row[0], row[1]});
  }
  EXPECT_EQ(documented, code) << heading;
}

TEST(DomainDoc, TransitionTablesMatchTheCode) {
  expect_same_table("## Incident lifecycle", incident_transitions(), parse_incident_status);
  expect_same_table("## Dispatch-order lifecycle", order_transitions(), parse_order_status);
}

TEST(DomainDoc, EveryEventTypeAndCommandIsDocumented) {
  std::set<std::string> documented_events;
  for (const auto& row : table_rows("## Events")) documented_events.insert(row.at(0));
  const std::set<std::string> events(event_type::kAll.begin(), event_type::kAll.end());
  EXPECT_EQ(documented_events, events);

  std::set<std::string> documented_commands;
  for (const auto& row : table_rows("## Commands")) {
    std::stringstream names(row.at(0));
    std::string name;
    while (names >> name) {
      if (name != "/") documented_commands.insert(name);
    }
  }
  std::set<std::string> commands;
  const auto add = [&](const Command& c) { commands.insert(std::string(command_name(c))); };
  [&]<std::size_t... k>(std::index_sequence<k...>) {
    (add(Command(std::in_place_index<k>)), ...);
  }(std::make_index_sequence<std::variant_size_v<Command>>());
  EXPECT_EQ(documented_commands, commands);
}

}  // namespace
}  // namespace shouwang::cad
