#include <doctest/doctest.h>

#include "anonymise/pii_scrub.h"

using friction::containsPii;
using friction::scrubPii;

TEST_CASE("emails become :email, also with a percent-encoded @") {
  CHECK(scrubPii("/reset/jane.doe+shop@example.co.uk/done") == "/reset/:email/done");
  CHECK(scrubPii("/u/jane.doe%40example.com") == "/u/:email");
  CHECK(scrubPii("to a@b.fr, c@d.org") == "to :email, :email");
  // An @ alone, or a handle without a domain, is not an email.
  CHECK(scrubPii("/@home") == "/@home");
  CHECK(scrubPii("/team@") == "/team@");
  CHECK(scrubPii("/user@localhost") == "/user@localhost");
}

TEST_CASE("card numbers that pass the Luhn check become :card, in any usual grouping") {
  CHECK(scrubPii("4111111111111111") == ":card");
  CHECK(scrubPii("/pay/4111 1111 1111 1111/") == "/pay/:card/");
  CHECK(scrubPii("/pay/5555-5555-5555-4444") == "/pay/:card");
  CHECK(scrubPii("378282246310005") == ":card");  // Amex, 15 digits
  // Sixteen digits that fail Luhn are a number, not a card (and too long for a phone).
  CHECK(scrubPii("/order/4111111111111112") == "/order/4111111111111112");
}

TEST_CASE("phone numbers become :phone; dates and short numbers stay") {
  CHECK(scrubPii("/call/+33 6 12 34 56 78") == "/call/:phone");
  CHECK(scrubPii("/call/06.12.34.56.78") == "/call/:phone");
  CHECK(scrubPii("(555) 123-4567") == ":phone");
  CHECK(scrubPii("+4915112345678") == ":phone");
  CHECK(scrubPii("/archive/2026-11-25") == "/archive/2026-11-25");
  CHECK(scrubPii("/page/12345678") == "/page/12345678");
  CHECK(scrubPii("/v2/items/3") == "/v2/items/3");
  // Digits glued to letters are a token (the step templater's job), not a phone.
  CHECK(scrubPii("/a123456789b") == "/a123456789b");
}

TEST_CASE("IBANs that pass the mod-97 check become :iban, grouped or not") {
  CHECK(scrubPii("FR1420041010050500013M02606") == ":iban");
  CHECK(scrubPii("/pay/GB82 WEST 1234 5698 7654 32") == "/pay/:iban");
  CHECK(scrubPii("de89370400440532013000") == ":iban");
  // One changed digit fails the check.
  CHECK(scrubPii("GB82WEST12345698765433") == "GB82WEST12345698765433");
}

TEST_CASE("ordinary templates and words are left exactly as they are") {
  for (const char* clean : {"/", "/product/:id", "/checkout/step-2", "/help#faq", "button",
                            "demo-shop", "/search/:token", "/blog/2026/11/hello-world"}) {
    CHECK_MESSAGE(scrubPii(clean) == clean, clean);
    CHECK_FALSE(containsPii(clean));
  }
  CHECK(containsPii("/x/jane@example.com"));
}

#include <nlohmann/json.hpp>

#include "encode/signal_batch.h"

TEST_CASE("the encoder scrubs every string it sends, whatever slipped past the templates") {
  using namespace friction;
  Signal signal{FrictionKind::dead_click, "/call/+33 6 12 34 56 78", "jane@example.com", 1, 1, 0,
                0, 0.5};
  const auto batch = nlohmann::json::parse(encodeBatchJson(
      {"demo", "0.1.0", 0, 0, "00000000000000000000000000000001"}, {signal}, {VisitTally{"/pay/4111-1111-1111-1111", 0}}));
  CHECK(batch["signals"][0]["step"] == "/call/:phone");
  CHECK(batch["signals"][0]["role"] == "unknown");
  CHECK(batch["visits"][0]["step"] == "/pay/:card");
}
