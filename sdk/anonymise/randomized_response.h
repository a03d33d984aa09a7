// Local differential privacy for the per-visit tallies (signals/visit_tally.h), by randomized
// response (Warner, 1965): each yes/no answer ("did this visit meet a rage click?") is told
// truthfully with probability p = e^ε / (1 + e^ε) and flipped otherwise, on the device, before
// it is queued. No single report can be trusted, so none says much about its visitor, yet over
// many reports the collector recovers the true count with estimateTrueCount().
//
// ε is per kind: a report says at most ε about whether one kind was met on a visit, and at most
// (number of kinds) x ε about the visit's whole set. ln 3 (p = 0.75) is the usual default.
#pragma once
#include <cstdint>

#include "anonymise/siphash.h"

namespace friction {

inline constexpr double kDefaultLdpEpsilon = 1.0986122886681098;  // ln 3
// Beyond ε = 10 nearly every answer is true (p > 0.99995): that is no protection, so refuse it.
inline constexpr double kMaxLdpEpsilon = 10;
// Below ε = 0.01 the answers are nearly coin flips (p < 0.5025): the estimate divides by
// 2p - 1, so its error grows past any use, and at 0 it is a division by zero.
inline constexpr double kMinLdpEpsilon = 0.01;

// Whether ε is one the SDK may use and the collector can estimate with (false for NaN).
inline bool isUsableLdpEpsilon(double epsilon) {
  return epsilon >= kMinLdpEpsilon && epsilon <= kMaxLdpEpsilon;
}

// p, the probability of answering truthfully.
double truthProbability(double epsilon);

// Uniform numbers in [0, 1) that the collector cannot predict: SipHash of a counter, keyed
// with 128 random bits the browser draws (crypto.getRandomValues). A keyed PRF, unlike a
// Mersenne Twister, does not give its state away after a few hundred outputs.
class KeyedRandom {
 public:
  explicit KeyedRandom(SipKey seed) : seed_(seed) {}
  uint64_t next();
  double uniform();

 private:
  SipKey seed_;
  uint64_t counter_ = 0;
};

bool randomizedAnswer(bool truth, double epsilon, KeyedRandom& random);

// The collector's side. Of n reports, `yes` said yes; with each answer kept with probability p,
// E[yes] = p·t + (1−p)(n−t), so t̂ = (yes − (1−p)·n) / (2p − 1) is unbiased, with variance
// n·p(1−p) / (2p − 1)². The estimate may fall outside [0, n] by chance: it is not clamped
// here, since clamping biases sums over many groups; a display may clamp.
struct CountEstimate {
  double count;
  double standard_error;
};
CountEstimate estimateTrueCount(double yes, double reports, double epsilon);

}  // namespace friction
