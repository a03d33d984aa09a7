#include "garden_account.h"

#include "body_limits.h"
#include "html_escape.h"
#include "static_files.h"
#include "collector_server.h"

#include <regex>
#include <string>
#include <utility>
#include <vector>

namespace friction::collector {
namespace {

// What the profile form sends back into the page: each field's value and its error, if any.
struct ProfileField {
  const char* name;  // the form field, and the template's {{name...}} placeholders
  std::string value;
  std::string error;
};

void replaceAll(std::string& text, const std::string& token, const std::string& with) {
  for (size_t at = text.find(token); at != std::string::npos; at = text.find(token, at + with.size()))
    text.replace(at, token.size(), with);
}

// Fills the template's placeholders: {{F_value}}, {{F_invalid}} (an aria-invalid attribute or
// nothing) and {{F_error}} (the message, or nothing) for each field, and {{status}}.
std::string render(std::string page, const std::vector<ProfileField>& fields, const std::string& status) {
  for (const auto& field : fields) {
    const std::string key = std::string("{{") + field.name;
    replaceAll(page, key + "_value}}", escapeHtml(field.value));
    replaceAll(page, key + "_invalid}}", field.error.empty() ? "" : "aria-invalid=\"true\"");
    replaceAll(page, key + "_error}}", escapeHtml(field.error));
  }
  replaceAll(page, "{{status}}", escapeHtml(status));
  return page;
}

// The rules a picky shop might have: a display name of letters, a phone number of digits.
std::vector<ProfileField> check(const httplib::Request& req) {
  static const std::regex kName("^[A-Za-z][A-Za-z .'-]{1,39}$");
  static const std::regex kPhone("^\\+?[0-9 ]{8,16}$");
  std::vector<ProfileField> fields{{"display_name", req.get_param_value("display_name"), ""},
                                   {"phone", req.get_param_value("phone"), ""}};
  if (!std::regex_match(fields[0].value, kName))
    fields[0].error = "Use 2 to 40 letters, spaces or hyphens.";
  if (!std::regex_match(fields[1].value, kPhone))
    fields[1].error = "Enter a phone number of 8 to 16 digits.";
  return fields;
}

void answer(httplib::Response& res, const std::filesystem::path& root,
            const std::vector<ProfileField>& fields, const std::string& status) {
  std::string page;
  if (!readWholeFile(root / "demo/garden/account.html", page)) {
    res.status = 404;
    res.set_content("not found\n", "text/plain");
    return;
  }
  res.status = 200;
  res.set_header("Content-Security-Policy", kContentSecurityPolicy);
  res.set_header("Cache-Control", "no-store");
  res.set_content(render(std::move(page), fields, status), "text/html; charset=utf-8");
}

}  // namespace

void addGardenAccount(httplib::Server& server, const std::filesystem::path& root) {
  server.Get(kGardenAccountPath, [root](const httplib::Request&, httplib::Response& res) {
    answer(res, root, {{"display_name", "Robin Ash", ""}, {"phone", "", ""}}, "");
  });
  server.Post(kGardenAccountPath, [root](const httplib::Request&, httplib::Response& res,
                                         const httplib::ContentReader& read) {
    std::string body;
    if (readBodyWithin(read, kMaxGardenAccountBytes, body) != BodyRead::complete) {
      res.status = 413;
      res.set_header("Connection", "close");
      return;
    }
    httplib::Request form;  // the urlencoded body, parsed as httplib parses a query
    httplib::detail::parse_query_text(body, form.params);
    const auto fields = check(form);
    const bool ok = fields[0].error.empty() && fields[1].error.empty();
    answer(res, root, fields, ok ? "Your profile is saved." : "");
  });
  // GET /garden/api/code?c=...: the 6-digit code sent "by text message" is always 482913.
  server.Get("/garden/api/code", [](const httplib::Request& req, httplib::Response& res) {
    const bool ok = req.get_param_value("c") == "482913";
    res.status = ok ? 200 : 422;
    res.set_header("Cache-Control", "no-store");
    res.set_content(ok ? R"({"ok":true})" : R"({"error":"That code is not the one we sent."})",
                    "application/json");
  });
}

}  // namespace friction::collector
