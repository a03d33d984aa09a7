// Request bodies are read only by the routes that take one, and never past their cap: a
// declared length over the cap is refused unread, and a chunked body is cut off at the cap.
// httplib's own limit (set_payload_max_length) covers Content-Length but not chunked bodies,
// and it reads the body of a route that has no body handler whole into memory.
#pragma once
#include <httplib.h>

#include <cstddef>
#include <string>
#include <vector>

namespace friction::collector {

// A path that takes a body and its cap, in bytes.
struct BodyRoute {
  std::string path;
  size_t cap;
};

// The outcome of reading a body within its cap.
enum class BodyRead { complete, too_large, unreadable };

// Reads the body through `read`, stopping at `cap`: too_large as soon as it would pass it.
BodyRead readBodyWithin(const httplib::ContentReader& read, size_t cap, std::string& body);

// Whether httplib would read a body for this request before any handler runs.
bool carriesBody(const httplib::Request& req);

// The request's declared Content-Length when it is over `cap` (and unreadable ones count as
// over): such a body is refused before a byte of it is read.
bool declaresMoreThan(const httplib::Request& req, size_t cap);

// Installed as httplib's pre-routing handler: a request whose body no route takes (or whose
// declared length is over its route's cap) is answered at once, its body unread, and the
// connection closed. Requests for the routes in `routes` with an acceptable length go on.
httplib::Server::HandlerResponse refuseUnwantedBodies(const std::vector<BodyRoute>& routes,
                                                      const httplib::Request& req,
                                                      httplib::Response& res);

}  // namespace friction::collector
