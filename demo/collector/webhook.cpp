#include "webhook.h"

#include <httplib.h>

namespace friction::collector {
namespace {

// A receiver that does not answer within this is retried at the next check, not waited on.
constexpr int kTimeoutS = 5;

bool isHostCharacter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '-' || c == '_';
}

}  // namespace

bool webhookHttpsSupported() {
#ifdef CPPHTTPLIB_OPENSSL_SUPPORT
  return true;
#else
  return false;
#endif
}

std::string WebhookUrl::origin() const {
  return scheme + "://" + host + ":" + std::to_string(port);
}

bool parseWebhookUrl(const std::string& text, WebhookUrl& url, std::string& error) {
  const std::string expected = " must be http://HOST[:PORT][/PATH] or https://...";
  const size_t scheme_end = text.find("://");
  url = WebhookUrl{};
  url.scheme = scheme_end == std::string::npos ? "" : text.substr(0, scheme_end);
  if (url.scheme != "http" && url.scheme != "https") return (error = "the URL" + expected), false;
  if (url.scheme == "https" && !webhookHttpsSupported())
    return (error = "this build's cpp-httplib has no TLS support: use an http URL"), false;
  const size_t host_start = scheme_end + 3;
  const size_t path_start = std::min(text.find('/', host_start), text.size());
  const std::string authority = text.substr(host_start, path_start - host_start);
  size_t host_end = authority.size();
  if (!authority.empty() && authority[0] == '[') {
    host_end = authority.find(']');
    if (host_end == std::string::npos) return (error = "the URL's IPv6 host has no ]"), false;
    ++host_end;
  } else {
    host_end = std::min(authority.find(':'), authority.size());
  }
  url.host = authority.substr(0, host_end);
  bool host_ok = !url.host.empty();
  if (host_ok && url.host[0] != '[')
    for (char c : url.host) host_ok = host_ok && isHostCharacter(c);
  if (!host_ok) return (error = "the URL's host" + expected), false;
  url.port = url.scheme == "https" ? 443 : 80;
  if (host_end < authority.size()) {
    const std::string port = authority.substr(host_end + 1);
    bool digits = authority[host_end] == ':' && !port.empty() && port.size() <= 5;
    for (char c : port) digits = digits && c >= '0' && c <= '9';
    if (!digits || std::stoi(port) < 1 || std::stoi(port) > 65535)
      return (error = "the URL's port must be 1..65535"), false;
    url.port = std::stoi(port);
  }
  url.path = path_start < text.size() ? text.substr(path_start) : "/";
  if (url.path.find('#') != std::string::npos)
    return (error = "the URL must not have a #fragment"), false;
  for (char c : url.path)
    if (static_cast<unsigned char>(c) <= ' ' || c == 0x7f)
      return (error = "the URL's path must not hold spaces or control characters"), false;
  return true;
}

bool isHttpUrl(const std::string& text) {
  WebhookUrl url;
  std::string error;
  // Read as if http: an https link is fine in a message whether or not this build has TLS.
  if (text.rfind("https://", 0) == 0) return parseWebhookUrl("http" + text.substr(5), url, error);
  return parseWebhookUrl(text, url, error);
}

int postJson(const WebhookUrl& url, const std::string& json, std::string& error) {
  httplib::Client client(url.origin());
  if (!client.is_valid()) {
    error = "cannot make a client for " + url.origin();
    return 0;
  }
  client.set_connection_timeout(kTimeoutS, 0);
  client.set_read_timeout(kTimeoutS, 0);
  client.set_write_timeout(kTimeoutS, 0);
  const auto result = client.Post(url.path, json, "application/json");
  if (!result) {
    error = httplib::to_string(result.error());
    return 0;
  }
  return result->status;
}

}  // namespace friction::collector
