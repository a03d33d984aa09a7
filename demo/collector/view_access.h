// Who may read the views (/dashboard, /agent with its hand-off summaries, /v1/summary): a
// request for one of the collector's own host names (a DNS-rebinding page names its own) that
// carries the operator's access token, as a cookie, a bearer header, or once in the URL that
// the collector prints at start-up (traded for the cookie, as notebook servers do).
#pragma once
#include <httplib.h>

#include <string>
#include <string_view>
#include <vector>

namespace friction::collector {

inline constexpr const char* kAccessCookie = "friction_token";

// Equal strings, in a time that does not depend on where they differ.
bool tokensEqual(std::string_view given, std::string_view expected);

// The host part of a Host header: "127.0.0.1:8080" → "127.0.0.1", "[::1]:80" → "[::1]".
std::string hostNameOf(std::string_view host_header);

// The names a request may use for the collector when none are given: the listen address and
// localhost's names.
std::vector<std::string> defaultHostNames(const std::string& listen_address);

class ViewAccess {
 public:
  // `token` empty: no token was configured, and the views are refused.
  ViewAccess(std::string token, std::vector<std::string> host_names);

  // True if the request may see the view; otherwise `res` holds the answer (421 for a host
  // that is not ours, 403 without a configured token, 401 without the right token, 303 that
  // trades a right ?token= for the cookie). `behind_tls`: the request reached a trusted proxy
  // over https, so the cookie is marked Secure and never goes out in the clear.
  bool admit(const httplib::Request& req, httplib::Response& res, bool behind_tls = false) const;

 private:
  bool knowsHost(const std::string& host_header) const;
  bool carriesToken(const httplib::Request& req) const;

  std::string token_;
  std::vector<std::string> host_names_;
};

}  // namespace friction::collector
