// An ε the estimator cannot use (0, a hair above 0, NaN, infinity, above the SDK's maximum) is
// refused wherever it could enter, and no share shown can become NaN or infinite.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>

#include "anonymise/randomized_response.h"
#include "encode/signal_batch.h"
#include "intake/batch_reader.h"
#include "kit/engine_fixtures.h"
#include "kit/test_batch_id.h"
#include "visit_shares.h"

using namespace friction;
using namespace friction::testing;

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

std::string batchWithEpsilonText(const std::string& epsilon) {
  auto batch = nlohmann::json::parse(encodeBatchJson({"demo", "0.1.0", 0, 1.0986, testBatchId()},
                                                     {}, {VisitTally{"/cart", 0}}));
  std::string text = batch.dump();
  const std::string key = "\"epsilon\":";
  const size_t at = text.find(key) + key.size();
  return text.replace(at, text.find_first_of(",}", at) - at, epsilon);
}
}  // namespace

TEST_CASE("the intake refuses an ε the estimator cannot use") {
  for (const std::string epsilon : {"0", "0.0", "1e-300", "0.009", "0.0999", "5.01", "10", "1e400", "-1e400"}) {
    CAPTURE(epsilon);
    ReceivedBatch out;
    std::string error;
    CHECK_FALSE(readBatchJson(batchWithEpsilonText(epsilon), out, error));
    // An overflowing number is not JSON to the parser; the others are refused by name.
    if (epsilon.find("e400") == std::string::npos)
      CHECK(error == "epsilon: must be a number from 0.1 to 5");
  }
  for (const std::string epsilon : {"0.1", "1.0986", "5"}) {
    CAPTURE(epsilon);
    ReceivedBatch out;
    std::string error;
    CHECK_MESSAGE(readBatchJson(batchWithEpsilonText(epsilon), out, error), error);
  }
}

TEST_CASE("the core takes no ε below the smallest the collector estimates with") {
  Engine engine(EngineConfig{"demo", "", 64, kTestSeed, 0});
  for (const double epsilon : {0.0, 1e-9, 0.009, 0.09994, 5.00006, kNaN, kInf, kMaxLdpEpsilon + 1})
    CHECK_FALSE(engine.enableLdp(epsilon));
  CHECK(engine.enableLdp(kMinLdpEpsilon));
  CHECK(engine.ldpEpsilon() == kMinLdpEpsilon);
}

TEST_CASE("a stored group with an unusable ε makes no share NaN or infinite") {
  using collector::VisitSums;
  std::vector<VisitSums> sums;
  for (const double epsilon : {0.0, 1.0986, 1e-12, kNaN, kInf, -1.0, 50.0}) {
    VisitSums group;
    group.step = "/cart";
    group.epsilon = epsilon;
    group.visits = 1000;
    group.said_met[0] = 600;
    sums.push_back(group);
  }
  const auto shares = collector::visitShares(sums);
  REQUIRE(shares.size() == 1);
  REQUIRE(shares[0].estimated);
  REQUIRE(shares[0].met.size() == kFrictionKindCount);  // estimated: every kind, even at 0
  for (const auto& share : shares[0].met) {
    CAPTURE(share.kind);
    CHECK(std::isfinite(share.estimate));
    CHECK(std::isfinite(share.visits_met));
    CHECK(std::isfinite(share.standard_error));
    CHECK(share.visits_met <= static_cast<double>(shares[0].visits));
  }
}
