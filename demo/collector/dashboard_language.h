// Which language the dashboard speaks: ?lang=fr|en if given, else the first of French and
// English in the browser's Accept-Language preferences, else English.
#pragma once
#include <initializer_list>
#include <string>
#include <string_view>

#include "dashboard_text.h"

namespace friction::collector {

DashboardLanguage chooseDashboardLanguage(std::string_view lang_param,
                                          std::string_view accept_language);

// Replaces each "{}" of `pattern` by the next of `values`, in order.
std::string fillIn(std::string_view pattern, std::initializer_list<std::string_view> values);

}  // namespace friction::collector
