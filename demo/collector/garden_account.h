// The garden demo's account page (/garden/account): a profile form checked on the server, as
// many real sites do it. A POST re-renders the same page with aria-invalid and a message next
// to each bad field, or with a role=status line when every value is good. Demo only; nothing
// here is stored.
#pragma once
#include <httplib.h>

#include <cstddef>
#include <filesystem>

namespace friction::collector {

inline constexpr const char* kGardenAccountPath = "/garden/account";
inline constexpr size_t kMaxGardenAccountBytes = 4096;  // a few short form fields

// GET and POST /garden/account, rendering demo/garden/account.html under `root`, and
// GET /garden/api/code, the check of the account page's 6-digit code.
void addGardenAccount(httplib::Server& server, const std::filesystem::path& root);

}  // namespace friction::collector
