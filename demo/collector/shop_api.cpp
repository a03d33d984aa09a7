#include "shop_api.h"

#include "body_limits.h"

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <thread>

namespace friction::collector {
namespace {

constexpr int kMaxDelayMs = 5000;

void sendJson(httplib::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(body.dump(), "application/json");
}

// GET /shop/api/slow?ms=1800: answers after a delay (the "Check delivery" button).
void slow(const httplib::Request& req, httplib::Response& res) {
  int delay = 0;
  try {
    delay = std::stoi(req.get_param_value("ms"));
  } catch (...) {
    delay = 1500;
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(std::clamp(delay, 0, kMaxDelayMs)));
  sendJson(res, 200, {{"ok", true}, {"delivery", "in 2 to 3 days"}});
}

// POST /shop/api/checkout {"postcode": "..."}: five digits, or a 422 naming the field.
void checkout(const httplib::Request& req, httplib::Response& res,
              const httplib::ContentReader& read) {
  std::string text;
  const BodyRead got = req.is_multipart_form_data() ? BodyRead::unreadable
                                                    : readBodyWithin(read, kMaxCheckoutBytes, text);
  if (got != BodyRead::complete) {
    res.set_header("Connection", "close");  // what is left of the body stays unread
    sendJson(res, got == BodyRead::too_large ? 413 : 400, {{"error", "not a small JSON body"}});
    return;
  }
  const auto body = nlohmann::json::parse(text, nullptr, false);
  const bool has = body.is_object() && body.contains("postcode") && body["postcode"].is_string();
  static const std::regex kPostcode("^[0-9]{5}$");
  if (has && std::regex_match(body["postcode"].get<std::string>(), kPostcode)) {
    sendJson(res, 200, {{"ok", true}});
  } else {
    sendJson(res, 422, {{"errors", {{"postcode", "Enter the 5 digits of your postcode."}}}});
  }
}

}  // namespace

void addShopApi(httplib::Server& server) {
  server.Get("/shop/api/slow", slow);
  server.Post(kCheckoutPath, checkout);
  server.Get("/shop/api/fail", [](const httplib::Request&, httplib::Response& res) {
    sendJson(res, 500, {{"error", "the wishlist service is down"}});
  });
}

}  // namespace friction::collector
