#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "anonymise/step_template.h"
#include "encode/field_rules.h"

using namespace friction;

TEST_CASE("ids, queries and fragments never reach the template") {
  StepTemplater templater;
  CHECK(templater.templateOf("https://shop.example/product/8812?coupon=ALICE#reviews") ==
        "/product/:id");
  CHECK(templater.templateOf("/orders/3f2a9c1e-77b0-4d2e-9a51-0c3f2a9c1e77/items") ==
        "/orders/:id/items");
  CHECK(templater.templateOf("/users/alice@example.com") == "/users/:id");
  CHECK(templater.templateOf("/invoice/INV-2024113/pdf") == "/invoice/:id/pdf");
  CHECK(templater.templateOf("/t/8f14e45fceea167a5a36dedd4bea2543") == "/t/:id");
}

TEST_CASE("names stay readable") {
  StepTemplater templater;
  CHECK(templater.templateOf("/checkout/shipping") == "/checkout/shipping");
  CHECK(templater.templateOf("/phones/iphone-15") == "/phones/iphone-15");
  CHECK(templater.templateOf("/blog/2024") == "/blog/:id");  // all digits: an id or a year
  CHECK(templater.templateOf("https://shop.example") == "/");
  CHECK(templater.templateOf("/") == "/");
  CHECK(templater.templateOf("?q=secret") == "/");
  CHECK(templater.templateOf("//a///b/") == "/a/b");
}

TEST_CASE("site-declared routes win over the heuristics") {
  StepTemplater templater;
  CHECK(templater.addRoute("/product/:slug"));
  CHECK_FALSE(templater.addRoute("product/:slug"));
  CHECK(templater.templateOf("/product/red-shoes?size=42") == "/product/:slug");
  CHECK(templater.templateOf("/product/red-shoes/reviews") == "/product/red-shoes/reviews");
}

TEST_CASE("routes only: a path no declared route matches is /other, names and all") {
  StepTemplater templater;
  templater.routesOnly(true);
  CHECK(templater.templateOf("/u/jane-doe") == "/other");
  CHECK(templater.templateOf("/") == "/other");
  CHECK(templater.addRoute("/u/:name"));
  CHECK(templater.addRoute("/"));
  CHECK(templater.templateOf("https://site.example/u/jane-doe?tab=posts") == "/u/:name");
  CHECK(templater.templateOf("/u/jane-doe/photos") == "/other");
  CHECK(templater.templateOf("/") == "/");
  templater.routesOnly(false);
  CHECK(templater.templateOf("/u/jane-doe/photos") == "/u/jane-doe/photos");
}

TEST_CASE("long paths are cut") {
  StepTemplater templater;
  std::string deep;
  for (int i = 0; i < 30; ++i) deep += "/a";
  CHECK(templater.templateOf(deep).size() == 24);  // 12 segments of "/a"
}

TEST_CASE("personal data in a path never survives templating") {
  StepTemplater templater;
  CHECK(templater.templateOf("/pay/4111-1111-1111-1111/confirm") == "/pay/:id/confirm");
  CHECK(templater.templateOf("/call/+33612345678") == "/call/:id");
  CHECK(templater.templateOf("/iban/FR7630006000011234567890189") == "/iban/:id");
  CHECK(templater.templateOf("/u/canary.owl%40example.org/settings") == "/u/:id/settings");
  CHECK(templater.templateOf("/reset/eyJhbGciOiJIUzI1NiJ9x") == "/reset/:id");
}

TEST_CASE("every template is one the collector takes (encode/field_rules.h)") {
  StepTemplater templater;
  REQUIRE(templater.addRoute("/shop/:product-id"));
  CHECK(templater.templateOf("/shop/8812") == "/shop/:product_id");
  const std::string long_segment(300, 'a');
  CHECK(templater.templateOf("/help/" + long_segment + "/more") == "/help/:id/more");
  // Twelve names of 30 letters are 372 characters: cut before the segment that would not fit.
  std::string many;
  for (int i = 0; i < 12; ++i) many += "/" + std::string(30, static_cast<char>('a' + i));
  const std::string cut = templater.templateOf(many);
  CHECK(cut == many.substr(0, 8 * 31));
  CHECK(templater.templateOf("/my page/a\tb") == "/my%20page/a%09b");
  CHECK(templater.templateOf("/order/:88123") == "/order/:id");
  CHECK(templater.templateOf("/item/%38%38%31%32%33") == "/item/:id");
  const std::vector<std::string> urls{"/shop/8812", "/help/" + long_segment, many, "/my page",
                                     "/order/:88123", "/item/%38%38%31%32%33"};
  for (const auto& url : urls)
    CHECK_MESSAGE(field_rules::stepProblem(templater.templateOf(url)) == nullptr, url);
}
