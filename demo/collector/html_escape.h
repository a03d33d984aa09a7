// Every value the dashboard shows came from a client: it is text, never markup.
#pragma once
#include <string>
#include <string_view>

namespace friction::collector {

// Escapes & < > " ' so the result is safe in element content and in quoted attributes.
std::string escapeHtml(std::string_view text);

}  // namespace friction::collector
