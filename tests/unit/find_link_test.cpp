// "Open on the page": the link or form a problem's row carries, and /dashboard/find, which
// sends the browser to an address on the site's own origin and nowhere else.
#include <doctest/doctest.h>
#include <httplib.h>

#include "find_link.h"
#include "problems_section.h"
#include "kit/collector_fixtures.h"

using friction::collector::findFragment;
using friction::collector::findPageUrl;
using friction::collector::kEnglishText;
using friction::collector::Problem;
using friction::collector::renderFindControl;

namespace {

constexpr const char* kHash = "8bf6fc011213a86b";
constexpr const char* kOrigin = "https://shop.example";

Problem problemOn(std::string step, std::string target = kHash) {
  Problem problem;
  problem.site = "shop";
  problem.step = std::move(step);
  problem.kind = "rage_click";
  problem.target = std::move(target);
  problem.role = "button";
  return problem;
}

std::optional<std::string> urlFor(std::string_view path, std::string_view target = kHash,
                                  std::string_view kind = "rage_click") {
  std::string error;
  auto url = findPageUrl(kOrigin, path, target, kind, error);
  CHECK(url.has_value() == error.empty());
  return url;
}

}  // namespace

TEST_CASE("find link: the fragment the SDK's finder reads") {
  CHECK(findFragment(kHash, "rage_click") == "#friction-find=8bf6fc011213a86b&friction-kind=rage_click");
  CHECK(findFragment(kHash, "") == "#friction-find=8bf6fc011213a86b");
}

TEST_CASE("find link: an address on the site's origin, encoded, and nothing else") {
  CHECK(urlFor("/product/42") ==
        "https://shop.example/product/42#friction-find=8bf6fc011213a86b&friction-kind=rage_click");
  CHECK(urlFor("/product.html?id=42") ==
        "https://shop.example/product.html?id=42#friction-find=8bf6fc011213a86b&friction-kind=rage_click");
  CHECK(urlFor("/caf\xc3\xa9/\"x\"<y>", kHash, "") ==
        "https://shop.example/caf%C3%A9/%22x%22%3Cy%3E#friction-find=8bf6fc011213a86b");
  // Another host, by any of the ways a browser would read one.
  CHECK_FALSE(urlFor("//evil.example/x"));
  CHECK_FALSE(urlFor("/\\evil.example/x"));
  CHECK_FALSE(urlFor("https://evil.example/"));
  CHECK_FALSE(urlFor("evil.example"));
  CHECK_FALSE(urlFor(""));
  // Header splitting, a second fragment, spaces.
  CHECK_FALSE(urlFor("/a\r\nSet-Cookie: x=1"));
  CHECK_FALSE(urlFor("/a#b"));
  CHECK_FALSE(urlFor("/a b"));
  CHECK_FALSE(urlFor("/" + std::string(friction::collector::kMaxFindPathChars, 'a')));
  // Only a hash and a kind the SDK could have sent.
  CHECK_FALSE(urlFor("/a", "8BF6FC011213A86B"));
  CHECK_FALSE(urlFor("/a", "8bf6fc01"));
  CHECK_FALSE(urlFor("/a", kHash, "rage"));
}

TEST_CASE("find link: a link for a step that is an address, a form for one with parameters") {
  const std::string link = renderFindControl(problemOn("/checkout"), kOrigin, kEnglishText);
  CHECK(link == " <a class=\"find\" href=\"https://shop.example/checkout#friction-find="
                "8bf6fc011213a86b&amp;friction-kind=rage_click\">Open on the page</a>");

  const std::string form = renderFindControl(problemOn("/product/:id"), kOrigin, kEnglishText);
  CHECK(form.find("<form method=\"get\" action=\"/dashboard/find\">") != std::string::npos);
  CHECK(form.find("name=\"target\" value=\"8bf6fc011213a86b\"") != std::string::npos);
  CHECK(form.find("name=\"path\" required") != std::string::npos);
  CHECK(form.find("value=\"/product/:id\"") != std::string::npos);
  CHECK(form.find("<label>Address of one page of this step") != std::string::npos);

  // Text from a batch is escaped like everything else in the page.
  const std::string odd = renderFindControl(problemOn("/a\"><script>/:id"), kOrigin, kEnglishText);
  CHECK(odd.find("<script>") == std::string::npos);

  CHECK(renderFindControl(problemOn("/checkout", ""), kOrigin, kEnglishText).empty());
  // The page itself (the SDK's zero hash): nothing to outline.
  CHECK(renderFindControl(problemOn("/checkout", "0000000000000000"), kOrigin, kEnglishText).empty());
  CHECK(renderFindControl(problemOn("/checkout"), "", kEnglishText).empty());
}

TEST_CASE("find link: /dashboard/find redirects to the site, behind the views' token") {
  friction::testing::TempRoot root;
  auto options = friction::testing::viewOptions(root, "find-route-token-0123456789abcdef");
  options.sites = {"shop=https://shop.example,https://www.shop.example"};
  friction::testing::InProcessCollector collector(options);
  REQUIRE(collector.ready());
  auto client = collector.client();
  const httplib::Headers auth{{"Authorization", "Bearer find-route-token-0123456789abcdef"}};

  auto answer = client.Get(
      "/dashboard/find?site=shop&path=%2Fproduct%2F42&target=8bf6fc011213a86b&kind=rage_click", auth);
  REQUIRE(answer);
  CHECK(answer->status == 303);
  // httplib's client decodes Location's escapes; the fragment has none.
  CHECK(answer->get_header_value("Location") ==
        "https://shop.example/product/42#friction-find=8bf6fc011213a86b&friction-kind=rage_click");

  answer = client.Get("/dashboard/find?site=shop&path=%2F%2Fevil.example&target=8bf6fc011213a86b", auth);
  CHECK(answer->status == 400);
  CHECK(answer->body.find("single /") != std::string::npos);
  CHECK(answer->get_header_value("Location").empty());

  answer = client.Get("/dashboard/find?site=other&path=%2F&target=8bf6fc011213a86b", auth);
  CHECK(answer->status == 404);

  answer = client.Get("/dashboard/find?site=shop&path=%2F&target=8bf6fc011213a86b");
  CHECK(answer->status == 401);
}

TEST_CASE("find link: the dashboard's rows carry it for registered sites only") {
  Problem problem = problemOn("/checkout");
  friction::collector::ProblemList list;
  list.query.from_day = 0;
  list.query.to_day = 1;
  list.problems.push_back(problem);
  const std::string with = friction::collector::renderProblemsSection(
      list, kEnglishText, {}, {{"shop", kOrigin}});
  CHECK(with.find("href=\"https://shop.example/checkout#friction-find=") != std::string::npos);
  const std::string without = friction::collector::renderProblemsSection(
      list, kEnglishText, {}, {{"other", kOrigin}});
  CHECK(without.find("friction-find") == std::string::npos);
}
