// Journeys through the demo shop, as event records the JS capture layer would write (the unit
// tests' builders, tests/unit/kit/events.h), with the frictions planted on its pages. The demo's
// month of simulated traffic is these journeys run through the SDK's own engine.
#pragma once
#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "engine.h"

namespace friction::simulate {

// One element of the shop as the JS layer registers it: the same selector (its id) and role,
// so that its keyed hash is the one the live page's elements get.
struct ShopElement {
  uint32_t id;
  const char* selector;
  const char* role;
  uint32_t traits;
  const char* name = "";  // its data-friction-name on the page, "" if none
};

// A visitor's device class, as the JS layer measures it (signals/device_class.h).
struct ShopDevice {
  bool coarse_pointer;
  double viewport_px;
};
// Phones first, as on most shops: about 6 in 10 visitors on a touch screen.
ShopDevice deviceFor(std::mt19937_64& random);

// What the visitor does on a step entered at page time `start`; returns when they leave it.
using PageScript = std::function<double(Engine&, std::mt19937_64&, double start)>;

struct PagePlan {
  std::string url;
  PageScript script;
};

// The day decides which frictions are live: from `regression_day` on, a planted regression
// (a new broken button, a dead link clicked more) shows, so that the dashboard has a new and a
// worsening problem to mark. Days count from the first simulated day.
struct ShopDay {
  int day = 0;
  int regression_day = 0;
};

// The steps of one visitor's journey, in order, as routes of one page (one engine).
std::vector<PagePlan> journeyFor(const ShopDay& day, std::mt19937_64& random);

// The shop's goal: an order placed on /checkout (checkout.js calls friction.goal('purchase')).
inline constexpr const char* kShopGoal = "purchase";
// Whether a visitor who reached checkout places the order: less often after friction on the
// way (`frictions` detected in the journey), so that the dashboard has a cost to show.
bool placesOrder(size_t frictions, std::mt19937_64& random);

// Registers the shop's elements with an engine, as the page's JS would on load.
void registerShopElements(Engine& engine);
// The element registered under `id`, or nullptr.
const ShopElement* shopElement(uint32_t id);

}  // namespace friction::simulate
