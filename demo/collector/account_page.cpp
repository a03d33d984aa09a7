#include "account_page.h"

#include <algorithm>
#include <cctype>
#include <regex>

#include "html_escape.h"

namespace friction::collector {
namespace {

std::string trimmed(std::string text) {
  const auto space = [](unsigned char c) { return std::isspace(c) != 0; };
  text.erase(text.begin(), std::find_if_not(text.begin(), text.end(), space));
  text.erase(std::find_if_not(text.rbegin(), text.rend(), space).base(), text.end());
  return text;
}

std::string posted(const httplib::Params& params, const char* name) {
  const auto found = params.find(name);
  return found == params.end() ? "" : trimmed(found->second.substr(0, 200));
}

// The slot attribute on a field (data-slot-NAME) becomes its value, and aria-invalid if refused;
// the comment <!--error:NAME--> becomes its message.
void fill(std::string& page, const std::string& name, const std::string& value,
          const std::string& error) {
  const std::string slot = " data-slot-" + name;
  std::string attributes = " value=\"" + escapeHtml(value) + "\"";
  if (!error.empty()) attributes += " aria-invalid=\"true\"";
  if (const size_t at = page.find(slot); at != std::string::npos)
    page.replace(at, slot.size(), attributes);
  const std::string comment = "<!--error:" + name + "-->";
  if (const size_t at = page.find(comment); at != std::string::npos)
    page.replace(at, comment.size(), escapeHtml(error));
}

}  // namespace

ProfileAnswer checkProfile(const httplib::Params& params) {
  ProfileAnswer answer{posted(params, "name"), posted(params, "email"), posted(params, "phone"),
                       {}, {}, {}};
  if (answer.name.empty()) answer.name_error = "Enter your name.";
  static const std::regex kEmail(R"(^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$)");
  if (!std::regex_match(answer.email, kEmail))
    answer.email_error = "Enter an email address like name@example.com.";
  // Optional; if given, 8 to 15 digits, with spaces, dashes and a leading + allowed.
  static const std::regex kPhone(R"(^\+?[0-9 -]+$)");
  const auto digits = std::count_if(answer.phone.begin(), answer.phone.end(),
                                    [](unsigned char c) { return std::isdigit(c) != 0; });
  if (!answer.phone.empty() && (!std::regex_match(answer.phone, kPhone) || digits < 8 || digits > 15))
    answer.phone_error = "Enter a phone number of 8 to 15 digits.";
  return answer;
}

std::string accountPageWith(std::string page, const ProfileAnswer& answer) {
  fill(page, "name", answer.name, answer.name_error);
  fill(page, "email", answer.email, answer.email_error);
  fill(page, "phone", answer.phone, answer.phone_error);
  const std::string status = "<!--status-->";
  if (const size_t at = page.find(status); answer.accepted() && at != std::string::npos)
    page.replace(at, status.size(), "Your profile is saved.");
  return page;
}

void addAccountApi(httplib::Server& server) {
  server.Get("/account/api/code", [](const httplib::Request& req, httplib::Response& res) {
    const bool right = req.get_param_value("c") == "246810";
    res.status = right ? 200 : 422;
    res.set_header("Cache-Control", "no-store");
    res.set_content(right ? R"({"ok":true})" : R"({"error":"wrong code"})", "application/json");
  });
}

}  // namespace friction::collector
