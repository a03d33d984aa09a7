#include "shop_journeys.h"

#include "detect/target_traits.h"
#include "kit/events.h"

namespace friction::simulate {
namespace {

using namespace friction::testing;

// The demo shop's elements (demo/shop/*.html), by what the capture layer would register.
enum Element : uint32_t {
  kApplyCoupon = 1, kCheckDelivery, kSaveWishlist, kCompare, kGiftWrap, kSizeGuide, kAddToCart,
  kToCheckout, kEmail, kName, kPostcode, kPlaceOrder, kCheckoutForm,
};
constexpr ShopElement kElements[] = {
    {kApplyCoupon, "#apply-coupon", "button", kActionable},
    {kCheckDelivery, "#check-delivery", "button", kActionable},
    {kSaveWishlist, "#save-wishlist", "button", kActionable},
    {kCompare, "#compare", "button", kActionable},
    {kGiftWrap, "#gift-wrap", "button", kActionable, "gift wrap"},
    {kSizeGuide, "#size-guide", "link", kActionable | kPseudoLink, "size guide"},
    {kAddToCart, "#add-to-cart", "button", kActionable},
    {kToCheckout, "#to-checkout", "link", kActionable | kLink},
    {kEmail, "#email", "textbox", kTextField | kInForm},
    {kName, "#name", "textbox", kTextField | kInForm},
    {kPostcode, "#postcode", "textbox", kTextField | kInForm},
    {kPlaceOrder, "#place-order", "button", kActionable | kInForm, "place order"},
    {kCheckoutForm, "#checkout-form", "form", 0},
};

// How often each planted friction meets a visitor of its page. Rough shares of page views
// that peers report for the common kinds (a few percent each), enough to rank and to trend.
constexpr double kRageOnCoupon = 0.08;
constexpr double kDeadSizeGuide = 0.04;
constexpr double kDeadSizeGuideAfterRegression = 0.09;  // a worsening problem
constexpr double kRageOnGiftWrap = 0.06;               // a new problem, from the regression day
constexpr double kErrorOnDelivery = 0.03;
constexpr double kSlowCompare = 0.05;
constexpr double kPostcodeStruggle = 0.10;
constexpr double kScrollThrashOnHelp = 0.07;
constexpr double kQuickBack = 0.06;
// Orders placed by visitors who reached checkout: a calm journey converts more often than one
// that met friction (about the drop e-commerce studies report after a broken interaction).
constexpr double kOrderWhenCalm = 0.70;
constexpr double kOrderAfterFriction = 0.45;

bool chance(std::mt19937_64& random, double p) {
  return std::uniform_real_distribution<double>(0, 1)(random) < p;
}

double pause(std::mt19937_64& random, double from_ms, double to_ms) {
  return std::uniform_real_distribution<double>(from_ms, to_ms)(random);
}

// What simulated visitors do with help offered on a page (the widget, js/src/help/): our
// guesses, not measurements, chosen so that the "Did help work" section has every column to
// show. Moving on to the next step (or not) follows from the journey itself.
constexpr double kOpensHelp = 0.35;
constexpr double kAsksPersonWhenOpened = 0.15;
constexpr double kSaysSolved = 0.6;         // of those who answer "Did this solve it?"
constexpr double kAnswersQuestion = 0.7;    // the question is optional
constexpr double kSaysNoThanks = 0.5;       // of those who do not open it

// Takes the offers the engine made on this page and answers them as a visitor would.
double answerHelp(Engine& engine, std::mt19937_64& random, double t) {
  for (const auto& offer : engine.takeHelpOffers()) {
    (void)offer;
    t += pause(random, 1000, 6000);
    if (chance(random, kOpensHelp)) {
      engine.helpEvent("opened");
      if (chance(random, kAsksPersonWhenOpened)) engine.helpEvent("handoff");
      t += pause(random, 3000, 20000);
      engine.helpDismissed(t);  // closed it
      if (engine.helpQuestion() && chance(random, kAnswersQuestion))
        engine.helpEvent(chance(random, kSaysSolved) ? "solved" : "unsolved");
    } else if (chance(random, kSaysNoThanks)) {
      engine.helpDismissed(t);
    }
  }
  return t;
}

void push(Engine& engine, const EventRecord& record) {
  if (engine.ring().push(record)) return;
  engine.drain(record.time_ms);  // the ring was full: drained, there is room now
  engine.ring().push(record);
}

// Four quick clicks on a button that does not answer.
double rageClick(Engine& engine, uint32_t target, double t) {
  for (int i = 0; i < 4; ++i) push(engine, click(t + i * 250.0, 400, 300, target));
  engine.drain(t + 3000);
  return t + 3000;
}

// A script link that does nothing: one click, and nothing follows.
double deadClick(Engine& engine, uint32_t target, double t) {
  push(engine, click(t, 120, 640, target));
  engine.drain(t + 3000);
  return t + 3000;
}

// The click starts a request that fails.
double errorClick(Engine& engine, uint32_t target, double t) {
  push(engine, click(t, 400, 360, target));
  push(engine, requestStart(t + 40, 7));
  push(engine, requestEnd(t + 600, 7, 5));
  engine.drain(t + 2000);
  return t + 2000;
}

// The click is answered, but it takes 1.8 s to paint.
double slowClick(Engine& engine, uint32_t target, double t) {
  push(engine, click(t, 400, 420, target));
  push(engine, timing(t, target, 1800));
  push(engine, domChange(t + 1800));
  engine.drain(t + 3000);
  return t + 3000;
}

// A server-side check rejects the postcode twice after the visitor edits it.
double postcodeStruggle(Engine& engine, double t) {
  push(engine, focus(t, kPostcode));
  push(engine, input(t + 500, kPostcode, 5, kCheckoutForm));
  for (int attempt = 0; attempt < 3; ++attempt) {
    t += 2000;
    push(engine, submit(t, kCheckoutForm));
    push(engine, fieldInvalid(t + 400, kPostcode, kCheckoutForm));
    push(engine, input(t + 1500, kPostcode, 4, kCheckoutForm, kInputDeletion));
    push(engine, input(t + 1900, kPostcode, 6, kCheckoutForm));
  }
  engine.drain(t + 4000);
  return t + 4000;
}

// Up and down the help page, looking for something.
double scrollThrash(Engine& engine, double t) {
  int32_t y = 0;
  for (int leg = 0; leg < 7; ++leg) {
    for (int step = 0; step < 5; ++step) {
      y += (leg % 2 == 0 ? 120 : -120);
      push(engine, scroll(t, y));
      t += 60;
    }
    t += 300;
  }
  engine.drain(t + 5000);
  return t + 5000;
}

double calmClick(Engine& engine, uint32_t target, double t) {
  push(engine, click(t, 300, 500, target));
  push(engine, domChange(t + 80));
  engine.drain(t + 1000);
  return t + 1000;
}

PagePlan home() {
  return {"/", [](Engine&, std::mt19937_64& random, double t0) { return t0 + pause(random, 3000, 20000); }};
}

PagePlan product(const ShopDay& day, std::mt19937_64& journey_random) {
  const int id = 8800 + static_cast<int>(journey_random() % 40);
  const bool regressed = day.day >= day.regression_day;
  return {"/product/" + std::to_string(id), [regressed](Engine& engine, std::mt19937_64& random, double t0) {
            double t = t0 + pause(random, 1000, 6000);
            if (chance(random, kRageOnCoupon)) t = rageClick(engine, kApplyCoupon, t);
            if (chance(random, regressed ? kDeadSizeGuideAfterRegression : kDeadSizeGuide))
              t = deadClick(engine, kSizeGuide, t + pause(random, 500, 4000));
            if (regressed && chance(random, kRageOnGiftWrap))
              t = rageClick(engine, kGiftWrap, t + pause(random, 500, 4000));
            if (chance(random, kErrorOnDelivery))
              t = errorClick(engine, kCheckDelivery, t + pause(random, 500, 4000));
            if (chance(random, kSlowCompare))
              t = slowClick(engine, kCompare, t + pause(random, 500, 4000));
            t = answerHelp(engine, random, t);
            t = calmClick(engine, kAddToCart, t + pause(random, 1000, 8000));
            return t + pause(random, 1000, 5000);
          }};
}

PagePlan checkout() {
  return {"/checkout", [](Engine& engine, std::mt19937_64& random, double t0) {
            double t = t0 + pause(random, 2000, 8000);
            if (chance(random, kPostcodeStruggle)) t = postcodeStruggle(engine, t);
            t = answerHelp(engine, random, t);
            t = calmClick(engine, kPlaceOrder, t + pause(random, 1000, 5000));
            return t + pause(random, 1000, 4000);
          }};
}

PagePlan help() {
  return {"/help", [](Engine& engine, std::mt19937_64& random, double t0) {
            double t = t0 + pause(random, 2000, 8000);
            if (chance(random, kScrollThrashOnHelp)) t = scrollThrash(engine, t);
            return t + pause(random, 2000, 10000);
          }};
}

// A glance at a product page, straight back: a U-turn.
PagePlan glance(std::mt19937_64& journey_random) {
  const int id = 8800 + static_cast<int>(journey_random() % 40);
  return {"/product/" + std::to_string(id),
          [](Engine&, std::mt19937_64& random, double t0) { return t0 + pause(random, 800, 2500); }};
}

}  // namespace

ShopDevice deviceFor(std::mt19937_64& random) {
  const double u = std::uniform_real_distribution<double>(0, 1)(random);
  if (u < 0.52) return {true, 390};   // a phone
  if (u < 0.60) return {true, 820};   // a tablet
  if (u < 0.70) return {false, 900};  // a small laptop window
  return {false, 1440};
}

void registerShopElements(Engine& engine) {
  for (const auto& element : kElements)
    engine.registerTarget(element.id, element.role, element.selector, element.traits, element.name);
}

const ShopElement* shopElement(uint32_t id) {
  for (const auto& element : kElements)
    if (element.id == id) return &element;
  return nullptr;
}

bool placesOrder(size_t frictions, std::mt19937_64& random) {
  return chance(random, frictions > 0 ? kOrderAfterFriction : kOrderWhenCalm);
}

std::vector<PagePlan> journeyFor(const ShopDay& day, std::mt19937_64& random) {
  std::vector<PagePlan> pages{home()};
  if (chance(random, kQuickBack)) {
    pages.push_back(glance(random));
    pages.push_back(home());
  }
  const double pick = std::uniform_real_distribution<double>(0, 1)(random);
  if (pick < 0.15) {
    pages.push_back(help());
    return pages;
  }
  pages.push_back(product(day, random));
  if (pick < 0.55) pages.push_back(checkout());
  return pages;
}

}  // namespace friction::simulate
