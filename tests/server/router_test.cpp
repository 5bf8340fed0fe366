#include <gtest/gtest.h>

#include <shouwang/server/router.h>

namespace shouwang::server {
namespace {

Router make_router() {
  Router router;
  router.add("GET", "/api/v1/incidents/{id}", [](const HttpRequest& r) {
    return HttpResponse::json(200, "{\"id\":\"" + r.params.at("id") + "\"}");
  });
  router.add("POST", "/api/v1/incidents", [](const HttpRequest& r) { return HttpResponse::json(201, r.body); });
  router.set_fallback([](const HttpRequest& r) {
    HttpResponse res;
    res.body = "static " + r.path;
    return res;
  });
  return router;
}

TEST(Router, BindsPathParameters) {
  const Router router = make_router();
  const auto res = router.dispatch(HttpRequest::make("GET", "/api/v1/incidents/330102-17?full=1"));
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(res.body, R"({"id":"330102-17"})");
  EXPECT_EQ(res.content_type, "application/json");
}

TEST(Router, WrongMethodIs405WithAllow) {
  const Router router = make_router();
  const auto res = router.dispatch(HttpRequest::make("DELETE", "/api/v1/incidents"));
  EXPECT_EQ(res.status, 405);
  ASSERT_EQ(res.headers.size(), 1u);
  EXPECT_EQ(res.headers[0].second, "POST");
  EXPECT_NE(res.body.find("\"code\":\"method_not_allowed\""), std::string::npos);
}

TEST(Router, UnknownApiPathIsJson404OtherPathsGoToTheFallback) {
  const Router router = make_router();
  const auto api = router.dispatch(HttpRequest::make("GET", "/api/v1/nope"));
  EXPECT_EQ(api.status, 404);
  EXPECT_NE(api.body.find("\"code\":\"not_found\""), std::string::npos);
  EXPECT_NE(api.body.find("\"message\""), std::string::npos);
  const auto page = router.dispatch(HttpRequest::make("GET", "/dispatch/queue"));
  EXPECT_EQ(page.body, "static /dispatch/queue");
  // An empty parameter segment does not match.
  EXPECT_EQ(router.dispatch(HttpRequest::make("GET", "/api/v1/incidents/")).status, 404);
}

TEST(Router, HeadRunsTheGetHandler) {
  const Router router = make_router();
  const auto res = router.dispatch(HttpRequest::make("HEAD", "/api/v1/incidents/5"));
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(res.body, R"({"id":"5"})");  // the transport drops it and sends its length
}

TEST(Router, ErrorsCarryCodeMessageAndField) {
  const auto res = HttpResponse::error(Error(Errc::kInvalidArgument, "priority must be 1 to 5", "priority"));
  EXPECT_EQ(res.status, 400);
  EXPECT_EQ(res.body, R"({"code":"invalid_argument","field":"priority","message":"priority must be 1 to 5"})");
  EXPECT_EQ(make_router().routes().size(), 2u);
}

}  // namespace
}  // namespace shouwang::server
