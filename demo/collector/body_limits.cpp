#include "body_limits.h"

#include <cstdlib>

#include "signal_intake.h"

namespace friction::collector {

BodyRead readBodyWithin(const httplib::ContentReader& read, size_t cap, std::string& body) {
  bool over_cap = false;
  const bool complete = read([&](const char* data, size_t length) {
    over_cap = body.size() + length > cap;
    if (!over_cap) body.append(data, length);
    return !over_cap;
  });
  if (over_cap) return BodyRead::too_large;
  return complete ? BodyRead::complete : BodyRead::unreadable;
}

// The methods httplib reads a body for (its detail::expect_content).
bool carriesBody(const httplib::Request& req) {
  const std::string& m = req.method;
  return m == "POST" || m == "PUT" || m == "PATCH" || m == "PRI" ||
         (m == "DELETE" && req.has_header("Content-Length"));
}

bool declaresMoreThan(const httplib::Request& req, size_t cap) {
  if (!req.has_header("Content-Length")) return false;
  const std::string text = req.get_header_value("Content-Length");
  char* end = nullptr;
  const unsigned long long length = std::strtoull(text.c_str(), &end, 10);
  const bool number = !text.empty() && text[0] != '-' && *end == '\0';
  return !number || length > cap;
}

httplib::Server::HandlerResponse refuseUnwantedBodies(const std::vector<BodyRoute>& routes,
                                                      const httplib::Request& req,
                                                      httplib::Response& res) {
  if (!carriesBody(req)) return httplib::Server::HandlerResponse::Unhandled;
  int status = 404;
  for (const auto& route : routes)
    if (route.path == req.path) status = req.method != "POST" ? 405 : declaresMoreThan(req, route.cap) ? 413 : 0;
  if (status == 0) return httplib::Server::HandlerResponse::Unhandled;
  // The body stays unread: the connection cannot carry another request after it.
  res.status = status;
  res.set_header("Connection", "close");
  if (status == 413)
    for (const auto& route : routes)
      if (route.path == req.path)
        res.set_content(jsonError("body exceeds " + std::to_string(route.cap) + " bytes"),
                        "application/json");
  return httplib::Server::HandlerResponse::Handled;
}

}  // namespace friction::collector
