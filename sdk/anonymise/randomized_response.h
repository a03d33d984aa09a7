// Local differential privacy for the visit tallies (signals/visit_tally.h), by randomized
// response (Warner, 1965): each yes/no answer ("did this page view meet a rage click?") is told
// truthfully with probability p = e^ε / (1 + e^ε) and flipped otherwise, on the device, before
// it is queued. No single report can be trusted, so none says much about its visitor, yet over
// many reports the collector recovers the true count with estimateTrueCount().
//
// The privacy accounting, stated here once (the README and the receipt repeat it):
//  - A tally holds one yes/no answer per kind of friction (kFrictionKindCount bits), each
//    randomised on its own with the same ε, the "ε per kind". One tally says at most ε about
//    any one kind and at most kFrictionKindCount x ε (the "ε per tally") about its whole set.
//  - A page load tells at most one tally per step (VisitTallies), so each answer is drawn once
//    per page load and step: returning to the step, or to the tab, draws nothing new.
//  - Page loads share nothing: a fresh random key each, no identifier, nothing stored. Someone
//    who linked n page loads of one person by other means (a network address) would learn at
//    most n x ε about a kind on a step.
//  - Noise protects only what is sent without the visitor's agreement ("counts" consent). With
//    "signals" consent the kinds met go as exact signals anyway, so tallies go exact too.
#pragma once
#include <cmath>
#include <cstdint>

#include "anonymise/siphash.h"

namespace friction {

// Every ε below is per kind. ln 3 (p = 0.75) is the usual default.
inline constexpr double kDefaultLdpEpsilon = 1.0986122886681098;  // ln 3
// Beyond ε = 5, p > 0.9933: the receipt, which tells p as a whole percentage, would soon say
// "true 100 % of the time" (from ε = ln 199, about 5.29), and the noise would protect nothing.
inline constexpr double kMaxLdpEpsilon = 5;
// Below ε = 0.1 the answers are nearly coin flips (p < 0.525): the estimate divides by 2p - 1,
// so one visit's standard error passes 10 visits, and a share needs millions of visits to mean
// anything (at ε = 0 it is a division by zero). Values that round to nothing are refused here.
inline constexpr double kMinLdpEpsilon = 0.1;
// ε as the wire carries it: 4 decimals. The core rounds before use, so that the collector
// estimates with the ε the device actually used.
inline double wireEpsilon(double epsilon) { return std::round(epsilon * 1e4) / 1e4; }

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
