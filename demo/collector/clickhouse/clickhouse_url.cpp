#include "clickhouse_url.h"

namespace friction::clickhouse {
namespace {

constexpr std::string_view kScheme = "clickhouse://";

bool isHostChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
         c == '.' || c == '-' || c == '_';
}

bool isIpv6Char(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') ||
         c == ':' || c == '.';
}

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// %XX decoded; false on a broken escape.
bool percentDecode(std::string_view text, std::string& out) {
  out.clear();
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    if (i + 2 >= text.size()) return false;
    int high = hexValue(text[i + 1]), low = hexValue(text[i + 2]);
    if (high < 0 || low < 0) return false;
    out += static_cast<char>(high * 16 + low);
    i += 2;
  }
  return true;
}

std::optional<ClickHouseUrl> fail(std::string& error, const std::string& why) {
  error = "clickhouse URL: " + why;
  return std::nullopt;
}

}  // namespace

bool isPlainName(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
  }
  return true;
}

std::optional<ClickHouseUrl> parseClickHouseUrl(std::string_view text, std::string& error) {
  if (text.substr(0, kScheme.size()) != kScheme) {
    return fail(error, "must start with clickhouse:// (for example clickhouse://127.0.0.1:8123/friction)");
  }
  std::string_view rest = text.substr(kScheme.size());
  if (rest.find_first_of("?#") != std::string_view::npos) {
    return fail(error, "no query or fragment is read: put settings in the collector's flags");
  }
  const size_t slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  std::string_view path = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);

  ClickHouseUrl url;
  // The last '@' ends the credentials: a password may hold an unencoded '@' before it.
  if (const size_t at = authority.rfind('@'); at != std::string_view::npos) {
    std::string_view credentials = authority.substr(0, at);
    authority = authority.substr(at + 1);
    const size_t colon = credentials.find(':');
    if (!percentDecode(credentials.substr(0, colon), url.user) ||
        (colon != std::string_view::npos &&
         !percentDecode(credentials.substr(colon + 1), url.password))) {
      return fail(error, "a broken %-escape in the user or password");
    }
    if (url.user.empty()) return fail(error, "the user before '@' is empty");
  }

  std::string_view host = authority, port;
  if (!authority.empty() && authority.front() == '[') {
    const size_t close = authority.find(']');
    if (close == std::string_view::npos) return fail(error, "an IPv6 host lacks its ']'");
    host = authority.substr(1, close - 1);
    std::string_view after = authority.substr(close + 1);
    if (!after.empty() && after.front() != ':') return fail(error, "unexpected text after ']'");
    if (!after.empty()) port = after.substr(1);
    if (host.empty()) return fail(error, "the host is empty");
    for (char c : host) {
      if (!isIpv6Char(c)) return fail(error, "the IPv6 host holds a character that is not hex, ':' or '.'");
    }
  } else {
    const size_t colon = authority.find(':');
    host = authority.substr(0, colon);
    if (colon != std::string_view::npos) port = authority.substr(colon + 1);
    if (colon != std::string_view::npos && port.empty()) return fail(error, "the port after ':' is empty");
    if (host.empty()) return fail(error, "the host is empty");
    for (char c : host) {
      if (!isHostChar(c)) return fail(error, "the host may hold only letters, digits, '.', '-' and '_'");
    }
  }
  url.host = std::string(host);

  if (!port.empty() || authority.find("]:") != std::string_view::npos) {
    if (port.empty() || port.size() > 5) return fail(error, "the port must be a number from 1 to 65535");
    int value = 0;
    for (char c : port) {
      if (c < '0' || c > '9') return fail(error, "the port must be a number from 1 to 65535");
      value = value * 10 + (c - '0');
    }
    if (value < 1 || value > 65535) return fail(error, "the port must be a number from 1 to 65535");
    url.port = value;
  }

  if (!path.empty()) {
    if (!isPlainName(path)) {
      return fail(error, "the database must be one name of letters, digits and '_' (got '" +
                             std::string(path) + "')");
    }
    url.database = std::string(path);
  }
  return url;
}

}  // namespace friction::clickhouse
