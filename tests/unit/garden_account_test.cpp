// The garden demo's account page (demo/collector/garden_account.h): the server's checks come
// back as the same page with aria-invalid and a message next to each bad field, or a status
// line when all is well; what the visitor typed is put back as text, never markup.
#include <doctest/doctest.h>
#include <httplib.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "collector_server.h"

namespace fs = std::filesystem;
using friction::collector::CollectorOptions;

namespace {

// A collector in demo mode whose root holds a small account template.
struct GardenCollector {
  fs::path dir;
  httplib::Server server;
  std::thread thread;
  int port = -1;

  explicit GardenCollector(bool demo = true) {
    static std::atomic<int> counter{0};
    dir = fs::temp_directory_path() /
          ("friction-garden-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
    fs::create_directories(dir / "demo/garden");
    std::ofstream(dir / "demo/garden/account.html")
        << "<input id=\"display_name\" value=\"{{display_name_value}}\" {{display_name_invalid}}>"
           "<p id=\"display_name-error\">{{display_name_error}}</p>"
           "<input id=\"phone\" value=\"{{phone_value}}\" {{phone_invalid}}>"
           "<p id=\"phone-error\">{{phone_error}}</p><p role=\"status\">{{status}}</p>";
    CollectorOptions options;
    options.root = dir;
    options.db_path = (dir / "test.db").string();
    options.rate_limit_per_second = 1000;
    options.demo = demo;
    std::string error;
    REQUIRE(friction::collector::setUpCollector(server, options, error));
    port = server.bind_to_any_port("127.0.0.1");
    thread = std::thread([this] { server.listen_after_bind(); });
    for (int i = 0; i < 500 && !server.is_running(); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  ~GardenCollector() {
    server.stop();
    if (thread.joinable()) thread.join();
    std::error_code ignored;
    fs::remove_all(dir, ignored);
  }
  httplib::Result post(const std::string& form) {
    httplib::Client client("127.0.0.1", port);
    return client.Post("/garden/account", form, "application/x-www-form-urlencoded");
  }
  httplib::Result get(const std::string& path) {
    httplib::Client client("127.0.0.1", port);
    return client.Get(path);
  }
};

bool has(const httplib::Result& res, const std::string& text) {
  return res && res->body.find(text) != std::string::npos;
}

}  // namespace

TEST_CASE("garden account: the first view has the saved name, no error and no status") {
  GardenCollector garden;
  const auto res = garden.get("/garden/account");
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(has(res, "value=\"Robin Ash\""));
  CHECK_FALSE(has(res, "aria-invalid"));
  CHECK_FALSE(has(res, "{{"));
  CHECK(res->get_header_value("Content-Security-Policy").find("script-src 'self'") != std::string::npos);
}

TEST_CASE("garden account: bad values come back marked invalid, each with its message") {
  GardenCollector garden;
  const auto res = garden.post("display_name=R2D2&phone=0612");
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(has(res, "id=\"display_name\" value=\"R2D2\" aria-invalid=\"true\""));
  CHECK(has(res, "id=\"phone\" value=\"0612\" aria-invalid=\"true\""));
  CHECK(has(res, "Use 2 to 40 letters"));
  CHECK(has(res, "8 to 16 digits"));
  CHECK(has(res, "<p role=\"status\"></p>"));

  const auto one_bad = garden.post("display_name=Robin+Ash&phone=0612");
  CHECK(has(one_bad, "value=\"Robin Ash\" >"));  // the good field stays unmarked
  CHECK(has(one_bad, "id=\"phone\" value=\"0612\" aria-invalid=\"true\""));
}

TEST_CASE("garden account: good values are saved, said in the status line") {
  GardenCollector garden;
  const auto res = garden.post("display_name=Artoo+Detoo&phone=%2B44+1632+960123");
  CHECK_FALSE(has(res, "aria-invalid"));
  CHECK(has(res, "value=\"+44 1632 960123\""));
  CHECK(has(res, "<p role=\"status\">Your profile is saved.</p>"));
}

TEST_CASE("garden account: what was typed is put back as text, never as markup") {
  GardenCollector garden;
  const auto res = garden.post("display_name=%22%3E%3Cscript%3Ex()%3C%2Fscript%3E&phone=1");
  CHECK_FALSE(has(res, "<script>"));
  CHECK(has(res, "&quot;&gt;&lt;script&gt;"));
}

TEST_CASE("garden account: the 6-digit code is checked, and the routes exist only in the demo") {
  GardenCollector garden;
  CHECK(garden.get("/garden/api/code?c=482913")->status == 200);
  CHECK(garden.get("/garden/api/code?c=482931")->status == 422);
  CHECK(garden.get("/garden/api/code")->status == 422);

  GardenCollector real(false);
  CHECK(real.get("/garden/account")->status == 404);
  CHECK(real.get("/garden/api/code?c=482913")->status == 404);
}
