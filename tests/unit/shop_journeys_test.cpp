// The demo's simulated traffic (demo/simulate/) is what it says: each planted friction of the
// shop is found by the engine on its element, at about its planted rate, and the regression
// brings a new problem and a worse one.
#include <doctest/doctest.h>

#include <map>
#include <random>
#include <string>

#include "kit/engine_fixtures.h"
#include "shop_journeys.h"

using namespace friction;
using namespace friction::simulate;

namespace {

struct Found {
  std::map<std::string, int> by_problem;  // "kind step element"
  int product_views = 0;
};

Found runVisitors(int visitors, const ShopDay& day, uint64_t seed) {
  Found found;
  std::mt19937_64 random(seed);
  for (int v = 0; v < visitors; ++v) {
    Engine engine(EngineConfig{"demo", "", kDefaultRingCapacity, testing::kTestSeed, 0});
    registerShopElements(engine);
    double t = 0;
    for (const auto& page : journeyFor(day, random)) {
      const std::string step = engine.enterStep(page.url, t);
      if (step == "/product/:id") ++found.product_views;
      t = page.script(engine, random, t);
    }
    engine.flush(t);
    for (const auto& friction : engine.takeDetections()) {
      const ShopElement* element = shopElement(friction.target);
      found.by_problem[std::string(name(friction.kind)) + " " + friction.step + " " +
                       (element ? element->selector : "page")]++;
    }
  }
  return found;
}

}  // namespace

TEST_CASE("simulated shop traffic: each planted friction is found on its element, at its rate") {
  const Found before = runVisitors(2000, ShopDay{0, 10}, 1);
  for (const char* problem :
       {"rage_click /product/:id #apply-coupon", "dead_click /product/:id #size-guide",
        "error_click /product/:id #check-delivery", "slow_response /product/:id #compare",
        "form_struggle /checkout #postcode", "scroll_thrash /help page",
        "quick_back /product/:id page"}) {
    CAPTURE(problem);
    CHECK(before.by_problem.count(problem) == 1);
  }
  // Planted at 8 % of product page views; 4 standard errors of ~1,700 views is about 2.6 %.
  const double coupon_rate =
      before.by_problem.at("rage_click /product/:id #apply-coupon") / double(before.product_views);
  CHECK(coupon_rate == doctest::Approx(0.08).epsilon(0.35));
  CHECK(before.by_problem.count("rage_click /product/:id #gift-wrap") == 0);

  const Found after = runVisitors(2000, ShopDay{20, 10}, 2);
  CHECK(after.by_problem.at("rage_click /product/:id #gift-wrap") > 40);  // a new problem
  const auto rate = [](const Found& f) {
    return f.by_problem.at("dead_click /product/:id #size-guide") / double(f.product_views);
  };
  CHECK(rate(after) > 1.6 * rate(before));  // planted 4 % -> 9 %: a worse one
}
