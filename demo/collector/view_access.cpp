#include "view_access.h"

#include <algorithm>

#include "signal_intake.h"
#include "url_encoding.h"

namespace friction::collector {
namespace {

std::string lowerCase(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// The value of cookie `name` in a Cookie header, or "".
std::string cookieValue(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    const size_t end = std::min(header.find(';'), header.size());
    std::string_view pair = header.substr(0, end);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    if (pair.size() > name.size() && pair.substr(0, name.size()) == name &&
        pair[name.size()] == '=')
      return std::string(pair.substr(name.size() + 1));
    header.remove_prefix(std::min(end + 1, header.size()));
  }
  return "";
}

// As every route answers: JSON {"error":...} under /v1/, text elsewhere.
void refuse(const httplib::Request& req, httplib::Response& res, int status,
            const std::string& why) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  if (req.path.rfind("/v1/", 0) == 0) res.set_content(jsonError(why), "application/json");
  else res.set_content(why + "\n", "text/plain; charset=utf-8");
}

}  // namespace

// The address asked for, less its token: the view's other settings (?lang=fr, filters) stay.
std::string withoutToken(const httplib::Request& req) {
  std::string query;
  for (const auto& [name, value] : req.params) {
    if (name == "token") continue;
    query += (query.empty() ? "?" : "&") + percentEncoded(name) + "=" + percentEncoded(value);
  }
  return req.path + query;
}

bool tokensEqual(std::string_view given, std::string_view expected) {
  // Every byte of `expected` is read whatever `given` holds: only its length can leak.
  unsigned char difference = given.size() == expected.size() ? 0 : 1;
  for (size_t i = 0; i < expected.size(); ++i)
    difference |= static_cast<unsigned char>(expected[i]) ^
                  static_cast<unsigned char>(i < given.size() ? given[i] : 0);
  return difference == 0 && !expected.empty();
}

std::string hostNameOf(std::string_view host_header) {
  if (!host_header.empty() && host_header.front() == '[') {
    const size_t close = host_header.find(']');
    return lowerCase(host_header.substr(0, close == std::string_view::npos ? 0 : close + 1));
  }
  return lowerCase(host_header.substr(0, host_header.find(':')));
}

std::vector<std::string> defaultHostNames(const std::string& listen_address) {
  std::vector<std::string> names{"localhost", "127.0.0.1", "[::1]"};
  const std::string listen = listen_address.find(':') != std::string::npos &&
                                     listen_address.front() != '['
                                 ? "[" + listen_address + "]"
                                 : listen_address;
  if (std::find(names.begin(), names.end(), lowerCase(listen)) == names.end())
    names.push_back(lowerCase(listen));
  return names;
}

ViewAccess::ViewAccess(std::string token, std::vector<std::string> host_names)
    : token_(std::move(token)) {
  for (const auto& name : host_names) host_names_.push_back(hostNameOf(name));
}

bool ViewAccess::knowsHost(const std::string& host_header) const {
  const std::string name = hostNameOf(host_header);
  return std::find(host_names_.begin(), host_names_.end(), name) != host_names_.end();
}

bool ViewAccess::carriesToken(const httplib::Request& req) const {
  const std::string authorization = req.get_header_value("Authorization");
  if (authorization.rfind("Bearer ", 0) == 0 && tokensEqual(authorization.substr(7), token_))
    return true;
  return tokensEqual(cookieValue(req.get_header_value("Cookie"), kAccessCookie), token_);
}

bool ViewAccess::admit(const httplib::Request& req, httplib::Response& res,
                       bool behind_tls) const {
  if (!knowsHost(req.get_header_value("Host"))) {
    refuse(req, res, 421,
           "this collector does not answer to that host name (see --host-name)");
    return false;
  }
  if (token_.empty()) {
    refuse(req, res, 403, "the views are off: no access token was configured "
                     "(FRICTION_ACCESS_TOKEN or --access-token-file)");
    return false;
  }
  if (req.has_param("token")) {
    if (!tokensEqual(req.get_param_value("token"), token_)) {
      refuse(req, res, 401, "wrong access token");
      return false;
    }
    // The token leaves the URL (history, Referer, screenshots) for a cookie scripts cannot read.
    res.status = 303;
    res.set_header("Set-Cookie", std::string(kAccessCookie) + "=" + token_ +
                                     "; HttpOnly; SameSite=Strict; Path=/" +
                                     (behind_tls ? "; Secure" : ""));
    res.set_header("Location", withoutToken(req));
    res.set_header("Cache-Control", "no-store");
    return false;
  }
  if (!carriesToken(req)) {
    refuse(req, res, 401,
           "an access token is needed: open the URL the collector printed at start-up");
    return false;
  }
  return true;
}

}  // namespace friction::collector
