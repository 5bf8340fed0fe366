// The API's command decoder: strict about shape, silent about meaning (decide() judges that).

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <shouwang/cad/command_json.h>

namespace shouwang::cad {
namespace {

const UtcTime kNow = UtcTime::from_micros(1'795'000'000'000'000);

TEST(CommandJson, DecodesEveryCommandNameOfTheVariant) {
  EXPECT_EQ(command_names().size(), std::variant_size_v<Command>);
  const auto note = decode_command("add_note", R"({"incident":"310100-20261122-000001","text":"补充"})", kNow);
  ASSERT_TRUE(note.ok()) << note.error().message;
  EXPECT_EQ(std::get<AddNote>(*note).text, "补充");
  EXPECT_EQ(command_name(*note), "add_note");
}

TEST(CommandJson, CallTimesDefaultToNow) {
  const auto call = decode_command("receive_call", R"({"caller_number":"13800000000"})", kNow);
  ASSERT_TRUE(call.ok());
  EXPECT_EQ(std::get<ReceiveCall>(*call).answered_at, kNow);
  EXPECT_EQ(std::get<ReceiveCall>(*call).started_at, kNow);
}

TEST(CommandJson, RefusesWhatIsNotACommandBody) {
  struct Case {
    const char* name;
    const char* body;
    Errc code;
    const char* field;
  };
  const Case cases[] = {
      {"add_note", R"({"incident":"310100-20261122-000001","txt":"typo"})", Errc::kInvalidArgument, "txt"},
      {"add_note", R"({"incident":12,"text":"x"})", Errc::kInvalidArgument, "incident"},
      {"add_note", R"({"incident":"not-an-id","text":"x"})", Errc::kInvalidArgument, "incident"},
      {"add_note", R"({"text":"x"})", Errc::kInvalidArgument, "incident"},
      {"add_note", R"([1,2])", Errc::kInvalidArgument, ""},
      {"add_note", R"({"incident":)", Errc::kInvalidArgument, ""},
      {"set_priority", R"({"incident":"310100-20261122-000001","priority":1e12})", Errc::kInvalidArgument, "priority"},
      {"set_priority", R"({"incident":"310100-20261122-000001","priority":"2"})", Errc::kInvalidArgument, "priority"},
      {"issue_order", R"({"incident":"310100-20261122-000001","target":{"kind":"tank","id":"A1"}})",
       Errc::kInvalidArgument, "target.kind"},
      {"issue_order", R"({"incident":"310100-20261122-000001","target":{"kind":"unit","id":"A1","x":1}})",
       Errc::kInvalidArgument, "target.x"},
      {"split_order", R"({"order":"310100-20261122-D000001","targets":[{"kind":"unit"}]})", Errc::kInvalidArgument,
       "targets[0].id"},
      {"confirm_location", R"({"incident":"310100-20261122-000001","candidate":-1})", Errc::kInvalidArgument,
       "candidate"},
      {"launch_rocket", R"({})", Errc::kNotFound, "command"},
  };
  for (const auto& c : cases) {
    const auto decoded = decode_command(c.name, std::string_view(c.body), kNow);
    ASSERT_FALSE(decoded.ok()) << c.name << " " << c.body;
    EXPECT_EQ(decoded.error().code, c.code) << c.body << ": " << decoded.error().message;
    EXPECT_EQ(decoded.error().field, c.field) << c.body << ": " << decoded.error().message;
    EXPECT_FALSE(decoded.error().message.empty());
  }
}

TEST(CommandJson, ListsTheMembersOfEachCommand) {
  const auto& fields = command_fields("issue_order");
  EXPECT_NE(std::find(fields.begin(), fields.end(), "target"), fields.end());
  EXPECT_TRUE(command_fields("no_such_command").empty());
}

}  // namespace
}  // namespace shouwang::cad
