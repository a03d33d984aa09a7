#include "dictionary/signal_corpus.h"

#include <cmath>

#include "anonymise/randomized_response.h"
#include "encode/signal_batch.h"

namespace friction {
namespace {

// Templates a site's routes commonly reduce to; sites add their own words on top.
constexpr const char* kSteps[] = {
    "/",                 "/product/:id",     "/products/:slug",  "/category/:id",
    "/cart",             "/checkout",        "/checkout/shipping", "/checkout/payment",
    "/account",          "/account/orders",  "/search",          "/login",
    "/signup",           "/help",            "/help/:id",        "/blog/:slug",
    "/pricing",          "/settings",        "/dashboard",       "/orders/:id",
};
constexpr const char* kRoles[] = {"button", "link",   "textbox", "page",     "checkbox",
                                  "combobox", "tab",  "img",     "generic",  "radio"};
// Names sites give their elements (data-friction-name): a minority of elements have one.
constexpr const char* kElementNames[] = {
    "add-to-cart", "apply-coupon", "checkout", "search", "menu", "login", "signup",
    "newsletter", "size-guide", "place-order", "filter", "next", "submit", "close"};
constexpr const char* kPointers[] = {"touch", "mouse"};  // phones first: most of the traffic
constexpr const char* kWidths[] = {"narrow", "wide", "medium"};
// Goals sites declare, most often a purchase.
constexpr const char* kGoals[] = {"purchase", "signup", "goal", "contact"};

template <size_t N>
const char* pick(const char* const (&items)[N], KeyedRandom& random) {
  // Earlier items more often: route popularity is skewed.
  const double u = random.uniform();
  return items[static_cast<size_t>(u * u * N) % N];
}

// Each kind as often as its training share in the kinds list (detect/friction_kind.h).
FrictionKind pickKind(KeyedRandom& random) {
  double u = random.uniform();
  for (size_t k = 0; k < kFrictionKindCount; ++k) {
    if ((u -= kFrictionKinds[k].training_share) < 0) return static_cast<FrictionKind>(k);
  }
  return FrictionKind::rage_click;
}

std::string hexId(KeyedRandom& random) { return toHex(random.next()) + toHex(random.next()); }

}  // namespace

std::string sampleBatchJson(uint64_t seed, int signal_count) {
  KeyedRandom random(SipKey{seed, 0x5a17c0de});
  const SipKey site{seed % 7, 0x517e};  // seven sites, each with its own elements
  std::vector<Signal> signals;
  for (int i = 0; i < signal_count; ++i) {
    Signal s{};
    s.kind = pickKind(random);
    s.step = pick(kSteps, random);
    s.role = s.kind == FrictionKind::quick_back || s.kind == FrictionKind::scroll_thrash
                 ? "page"
                 : pick(kRoles, random);
    // A site has a few dozen controls where friction happens, some far more than others.
    const uint64_t element = static_cast<uint64_t>(random.uniform() * random.uniform() * 40);
    s.target_hash = s.role == std::string("page") ? 0 : siphash24(site, std::to_string(element));
    s.count = 1 + static_cast<uint32_t>(random.uniform() * random.uniform() * 8);
    s.at_s = static_cast<uint32_t>(random.uniform() * 30) * kTimeBucketSeconds;
    s.span_ms = static_cast<uint32_t>(random.uniform() * 40) * kSpanBucketMs;
    s.score = std::round(random.uniform() * 10) / 10;
    // Most episodes are a problem's first in their page load.
    s.first = random.uniform() < 0.7;
    if (s.target_hash != 0 && random.uniform() < 0.3) s.name = pick(kElementNames, random);
    signals.push_back(std::move(s));
  }
  std::vector<VisitTally> visits;
  const int visit_count = static_cast<int>(random.uniform() * 4);
  for (int i = 0; i < visit_count; ++i) {
    VisitTally visit{pick(kSteps, random), 0};
    if (random.uniform() < 0.4) visit.met |= VisitTally::bit(pickKind(random));
    // Exact tallies (the corpus has no ε) say whether help was asked; some are told again
    // because the tab reached the site's goal.
    visit.help = random.uniform() < 0.05;
    if (random.uniform() < 0.1) visit.goal = pick(kGoals, random);
    visits.push_back(std::move(visit));
  }
  std::vector<HelpEventRecord> help;
  if (random.uniform() < 0.1) {
    const int events = 1 + static_cast<int>(random.uniform() * 3);
    for (int i = 0; i < events; ++i)
      help.push_back({pick(kSteps, random), pickKind(random),
                      static_cast<HelpEvent>(random.uniform() * random.uniform() * kHelpEventCount)});
  }
  BatchHeader header{"shop-" + std::to_string(site.k0), "0.1.0",
                     random.uniform() < 0.05 ? 1u : 0u, 0, hexId(random)};
  if (!signals.empty()) {
    header.pointer = pick(kPointers, random);
    header.width = pick(kWidths, random);
  }
  return encodeBatchJson(header, signals, visits, help);
}

std::vector<std::string> sampleBatches(uint64_t seed, int count) {
  KeyedRandom sizes(SipKey{seed, 0xb47c4});
  std::vector<std::string> batches;
  for (int i = 0; i < count; ++i) {
    // 1 to 40 signals, most batches small.
    const double u = sizes.uniform();
    const int signals = 1 + static_cast<int>(u * u * u * 40);
    batches.push_back(sampleBatchJson(seed * 1000003 + static_cast<uint64_t>(i), signals));
  }
  return batches;
}

}  // namespace friction
