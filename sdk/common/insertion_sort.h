#pragma once
// Sorts a short vector in place, stable. The core sorts at most a hundred items at a time (visit
// tallies, the matches of the PII scrub), and it loads on every page before consent: std::sort's
// introsort costs about 1.4 KB of wasm for each type it sorts, this a tenth of that. O(n^2)
// comparisons, nothing for n in the hundreds.
#include <cstddef>
#include <utility>

namespace friction {

template <typename Vector, typename Before>
void insertionSort(Vector& items, Before before) {
  for (size_t i = 1; i < items.size(); ++i)
    for (size_t j = i; j > 0 && before(items[j], items[j - 1]); --j) std::swap(items[j], items[j - 1]);
}

}  // namespace friction
