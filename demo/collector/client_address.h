// Who is asking: the peer's address, or behind a trusted reverse proxy the address it saw.
// X-Forwarded-For and X-Forwarded-Proto are believed only from a proxy named with
// --trusted-proxy; anyone else could write anything in them.
#pragma once
#include <httplib.h>

#include <string>
#include <string_view>
#include <vector>

namespace friction::collector {

class TrustedProxies {
 public:
  // "10.0.0.2,::1": exact addresses, as the socket reports them. False and `error` if one is
  // not an IP address.
  bool add(std::string_view list, std::string& error);
  bool trusts(const std::string& address) const;
  bool empty() const { return addresses_.empty(); }

 private:
  std::vector<std::string> addresses_;
};

// The peer address, or, when the peer is a trusted proxy, the right-most address in
// X-Forwarded-For that is not a trusted proxy (the left ones were written by the client).
std::string clientAddress(const httplib::Request& req, const TrustedProxies& proxies);

// "https" or "http": X-Forwarded-Proto from a trusted proxy, else "http" (the collector itself
// speaks plain HTTP).
std::string requestScheme(const httplib::Request& req, const TrustedProxies& proxies);

// The rate limiter's key for an address: IPv6 by its /64, which one subscriber usually has
// whole; IPv4 as it is.
std::string rateKey(const std::string& address);

bool isIpAddress(const std::string& text);

}  // namespace friction::collector
