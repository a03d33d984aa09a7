// GET /dashboard as the collector serves it: the problems section first, the language chosen
// from ?lang and Accept-Language, bad filters named; and uPlot's files served from
// node_modules/uplot/dist only, only once installed.
#include <doctest/doctest.h>
#include <httplib.h>

#include <filesystem>

#include "kit/collector_fixtures.h"

namespace fs = std::filesystem;

namespace {

constexpr const char* kToken = "dashboard-route-token-0123456789";

using friction::testing::TempRoot;

// The collector with the views' token; each request carries it.
class Collector {
 public:
  explicit Collector(const TempRoot& root)
      : collector_(friction::testing::viewOptions(root, kToken)) {
    REQUIRE(collector_.ready());
  }
  httplib::Result get(const std::string& path, httplib::Headers headers = {}) {
    headers.emplace("Authorization", std::string("Bearer ") + kToken);
    return collector_.client().Get(path, headers);
  }

 private:
  friction::testing::InProcessCollector collector_;
};

}  // namespace

TEST_CASE("dashboard route: problems first, in the language asked for, bad filters named") {
  TempRoot root;
  Collector collector(root);
  auto page = collector.get("/dashboard");
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(page->body.find("<html lang=\"en\">") != std::string::npos);
  CHECK(page->body.find("<main><section class=\"problems\">") != std::string::npos);
  CHECK(page->body.find("No problems in this range") != std::string::npos);  // nothing bound yet
  CHECK(page->get_header_value("Vary").find("Accept-Language") != std::string::npos);

  page = collector.get("/dashboard", {{"Accept-Language", "fr-FR,fr;q=0.9,en;q=0.8"}});
  CHECK(page->body.find("<html lang=\"fr\">") != std::string::npos);
  page = collector.get("/dashboard?lang=en", {{"Accept-Language", "fr-FR,fr;q=0.9"}});
  CHECK(page->body.find("<html lang=\"en\">") != std::string::npos);

  page = collector.get("/dashboard?from=2026-13-01&kind=%3Cb%3E");
  CHECK(page->body.find("Some filters could not be read and were reset: From, Kind.") !=
        std::string::npos);
  CHECK(page->body.find("<b>") == std::string::npos);
}

TEST_CASE("dashboard route: uPlot's two files come from node_modules/uplot/dist, once installed") {
  TempRoot root;
  Collector collector(root);
  auto script = collector.get("/dashboard/vendor/uPlot.iife.min.js");
  REQUIRE(script);
  CHECK(script->status == 404);  // not installed: a 404, and the page does not ask for it

  root.write("node_modules/uplot/dist/uPlot.iife.min.js", "var uPlot=function(){};");
  root.write("node_modules/uplot/dist/uPlot.min.css", ".uplot{}");
  root.write("node_modules/uplot/dist/uPlot.esm.js", "export default 1;");
  script = collector.get("/dashboard/vendor/uPlot.iife.min.js");
  CHECK(script->status == 200);
  CHECK(script->body == "var uPlot=function(){};");
  CHECK(script->get_header_value("Content-Type").rfind("text/javascript", 0) == 0);
  const auto css = collector.get("/dashboard/vendor/uPlot.min.css");
  CHECK(css->status == 200);
  CHECK(css->get_header_value("Content-Type").rfind("text/css", 0) == 0);
  // Nothing else of the package, nor of node_modules.
  CHECK(collector.get("/dashboard/vendor/uPlot.esm.js")->status == 404);
  CHECK(collector.get("/dashboard/vendor/../uplot/dist/uPlot.esm.js")->status == 404);
}
