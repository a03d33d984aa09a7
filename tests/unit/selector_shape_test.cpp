#include <doctest/doctest.h>

#include "anonymise/selector_shape.h"

using namespace friction;

TEST_CASE("generated ids and classes lose their names; structure and design names stay") {
  CHECK(selectorShape("main>form#coupon-8812>button.apply") == "main>form#~>button.apply");
  CHECK(selectorShape("#order-88123>button") == selectorShape("#order-90210>button"));
  CHECK(selectorShape("div.css-1x2y3z4>a") == "div.~>a");
  CHECK(selectorShape("tr#row-3f2a9c1e7b>td") == "tr#~>td");
  CHECK(selectorShape("li:nth-of-type(12)>h2.col-12") == "li:nth-of-type(12)>h2.col-12");
  CHECK(selectorShape("#apply-coupon") == "#apply-coupon");
  CHECK(selectorShape("") == "");
}
