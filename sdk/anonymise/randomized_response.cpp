#include "anonymise/randomized_response.h"

#include <cmath>
#include <string_view>

namespace friction {

double truthProbability(double epsilon) {
  const double e = std::exp(epsilon);
  return e / (1 + e);
}

uint64_t KeyedRandom::next() {
  const uint64_t counter = counter_++;
  const std::string_view message(reinterpret_cast<const char*>(&counter), sizeof counter);
  return siphash24(seed_, message);
}

double KeyedRandom::uniform() {
  // The top 53 bits fill a double's mantissa exactly: uniform over [0, 1) in steps of 2^-53.
  return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

bool randomizedAnswer(bool truth, double epsilon, KeyedRandom& random) {
  return random.uniform() < truthProbability(epsilon) ? truth : !truth;
}

CountEstimate estimateTrueCount(double yes, double reports, double epsilon) {
  const double p = truthProbability(epsilon);
  const double spread = 2 * p - 1;
  return CountEstimate{(yes - (1 - p) * reports) / spread,
                       std::sqrt(reports * p * (1 - p)) / spread};
}

}  // namespace friction
