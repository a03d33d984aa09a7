// The demo's account page (demo/shop/account.html), a form-heavy page with the ways real forms
// fail: a profile form posted to the server, which renders the page again with the refused
// fields marked (aria-invalid and a message each, as accessible server-rendered forms do), and
// the one-time code the page checks by fetch. Demo only; nothing here is stored.
#pragma once
#include <httplib.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace friction::collector {

inline constexpr const char* kAccountPath = "/account";
inline constexpr size_t kMaxAccountBytes = 2048;  // three short fields, urlencoded

// What the server says of a posted profile: a message per refused field ("" = accepted).
struct ProfileAnswer {
  std::string name, email, phone;           // as posted, for the form rendered again
  std::string name_error, email_error, phone_error;
  bool accepted() const { return name_error.empty() && email_error.empty() && phone_error.empty(); }
};

ProfileAnswer checkProfile(const httplib::Params& posted);

// The account page with the answer in it: refused fields aria-invalid="true", their messages
// in the elements their aria-describedby names, every value as posted (escaped); if all is
// accepted, "Your profile is saved." in its role=status.
std::string accountPageWith(std::string page, const ProfileAnswer& answer);

// GET /account/api/code?c=...: the demo's code is 246810; anything else is a 422.
void addAccountApi(httplib::Server& server);

}  // namespace friction::collector
