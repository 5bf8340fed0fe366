#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include <shouwang/server/static_files.h>

namespace shouwang::server {
namespace {

namespace fs = std::filesystem;

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("shouwang-static-" + std::to_string(::getpid()));
    fs::create_directories(root_ / "assets");
    write(root_ / "index.html", "<!doctype html><title>t</title>");
    write(root_ / "assets" / "app-1a2b.js", "console.log(1)");
    write(root_.parent_path() / "shouwang-secret.txt", "secret");
  }
  void TearDown() override {
    fs::remove_all(root_);
    fs::remove(root_.parent_path() / "shouwang-secret.txt");
  }
  static void write(const fs::path& p, const std::string& text) { std::ofstream(p) << text; }
  HttpResponse get(const std::string& target) const {
    return StaticFiles(root_).serve(HttpRequest::make("GET", target));
  }
  fs::path root_;
};

TEST_F(StaticFilesTest, ServesFilesWithTypesAndCaching) {
  const auto index = get("/");
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(index.body, "<!doctype html><title>t</title>");
  const auto js = get("/assets/app-1a2b.js");
  EXPECT_EQ(js.status, 200);
  EXPECT_EQ(js.content_type, "text/javascript; charset=utf-8");
  ASSERT_FALSE(js.headers.empty());
  EXPECT_NE(js.headers[0].second.find("immutable"), std::string::npos);
}

TEST_F(StaticFilesTest, ClientRoutesGetTheIndexMissingFilesA404) {
  const auto route = get("/dispatch/incidents/42");
  EXPECT_EQ(route.status, 200);
  EXPECT_EQ(route.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(get("/assets/missing.js").status, 404);
}

TEST_F(StaticFilesTest, RefusesToLeaveTheRoot) {
  for (const char* target : {"/../shouwang-secret.txt", "/assets/../../shouwang-secret.txt",
                             "/%2e%2e/shouwang-secret.txt", "/..%2fshouwang-secret.txt", "/a%00b", "/%zz"}) {
    const auto res = get(target);
    EXPECT_EQ(res.status, 400) << target;
    EXPECT_EQ(res.body.find("secret\""), std::string::npos);
    EXPECT_NE(res.body, "secret");
  }
}

TEST_F(StaticFilesTest, OnlyGetAndHead) {
  const auto post = StaticFiles(root_).serve(HttpRequest::make("POST", "/"));
  EXPECT_EQ(post.status, 405);
  const auto head = StaticFiles(root_).serve(HttpRequest::make("HEAD", "/"));
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.content_type, "text/html; charset=utf-8");
}

}  // namespace
}  // namespace shouwang::server
