// Where alerts are POSTed (--alert-webhook): an http or https URL read once at start, so that a
// mistyped one is refused then rather than failing an hour later.
#pragma once
#include <string>

namespace friction::collector {

// Whether this build can POST to https URLs (Debian's cpp-httplib is built with OpenSSL).
bool webhookHttpsSupported();

struct WebhookUrl {
  std::string scheme;  // "http" or "https"
  std::string host;    // as written, brackets and all for IPv6
  int port = 0;        // the scheme's default when not written
  std::string path;    // with the query, "/" when empty
  // "https://hooks.slack.com:443": what httplib::Client takes; never the path, which for Slack
  // holds the webhook's secret and so never appears in a log either.
  std::string origin() const;
};

// False and `error` for anything but http://HOST[:PORT][/PATH] or https://... (https only when
// webhookHttpsSupported()); no user:password@, no fragment.
bool parseWebhookUrl(const std::string& text, WebhookUrl& url, std::string& error);

// An http or https URL with a host (--dashboard-url): only put in messages, never fetched.
bool isHttpUrl(const std::string& text);

// POSTs `json` (application/json) with a 5 s connection, read and write timeout. The HTTP
// status, or 0 with `error` when no answer came.
int postJson(const WebhookUrl& url, const std::string& json, std::string& error);

}  // namespace friction::collector
