#include "client_address.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cstring>

namespace friction::collector {
namespace {

std::string trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return "";
  const auto last = text.find_last_not_of(" \t");
  return std::string(text.substr(first, last - first + 1));
}

// Every value of a header that may be repeated, split at commas, in order.
std::vector<std::string> listHeader(const httplib::Request& req, const char* name) {
  std::vector<std::string> items;
  const size_t count = req.get_header_value_count(name);
  for (size_t i = 0; i < count; ++i) {
    const std::string value = req.get_header_value(name, i);
    size_t start = 0;
    while (start <= value.size()) {
      const size_t comma = std::min(value.find(',', start), value.size());
      items.push_back(trim(std::string_view(value).substr(start, comma - start)));
      start = comma + 1;
    }
  }
  return items;
}

}  // namespace

bool isIpAddress(const std::string& text) {
  unsigned char buffer[sizeof(in6_addr)];
  return inet_pton(AF_INET, text.c_str(), buffer) == 1 ||
         inet_pton(AF_INET6, text.c_str(), buffer) == 1;
}

bool TrustedProxies::add(std::string_view list, std::string& error) {
  size_t start = 0;
  while (start <= list.size()) {
    const size_t comma = std::min(list.find(',', start), list.size());
    const std::string address = trim(list.substr(start, comma - start));
    if (!isIpAddress(address)) {
      error = "--trusted-proxy takes IP addresses, not \"" + address + "\"";
      return false;
    }
    addresses_.push_back(address);
    start = comma + 1;
  }
  return true;
}

bool TrustedProxies::trusts(const std::string& address) const {
  return std::find(addresses_.begin(), addresses_.end(), address) != addresses_.end();
}

std::string clientAddress(const httplib::Request& req, const TrustedProxies& proxies) {
  if (!proxies.trusts(req.remote_addr)) return req.remote_addr;
  const auto chain = listHeader(req, "X-Forwarded-For");
  for (auto hop = chain.rbegin(); hop != chain.rend(); ++hop) {
    if (proxies.trusts(*hop)) continue;
    // Garbage where an address should be: the chain cannot be followed further.
    return isIpAddress(*hop) ? *hop : req.remote_addr;
  }
  return req.remote_addr;  // only proxies: the request started at one of them
}

std::string requestScheme(const httplib::Request& req, const TrustedProxies& proxies) {
  if (!proxies.trusts(req.remote_addr)) return "http";
  const auto protos = listHeader(req, "X-Forwarded-Proto");
  // The nearest proxy's word is the last one.
  return !protos.empty() && protos.back() == "https" ? "https" : "http";
}

std::string rateKey(const std::string& address) {
  in6_addr v6;
  // IPv4 as an IPv6 listener reports it (::ffff:a.b.c.d) stays whole.
  if (inet_pton(AF_INET6, address.c_str(), &v6) != 1 || IN6_IS_ADDR_V4MAPPED(&v6)) return address;
  std::memset(v6.s6_addr + 8, 0, 8);
  char text[INET6_ADDRSTRLEN];
  return inet_ntop(AF_INET6, &v6, text, sizeof text) ? std::string(text) + "/64" : address;
}

}  // namespace friction::collector
