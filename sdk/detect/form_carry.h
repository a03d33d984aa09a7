// What form struggle carries from one page load of a tab to the next: the forms just sent. A
// classic form posts, the page unloads, and the server answers with the same form marked with
// errors on a new page: without this memory each rejection would look like the first.
// Keyed by the hash of the form's selector (the same on both pages when the server renders the
// same markup; not the step, since a form posted to /account/profile may come back there rather
// than on /account), never by values. Bounded (kMaxForms); times are page times here and
// wall-clock ms in the text, so that they mean the same on the next page. The text comes from
// storage the page could touch: the reader skips what does not parse.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace friction {

class FormCarry {
 public:
  static constexpr size_t kMaxForms = 4;
  static constexpr uint32_t kMaxCount = 20;

  struct Sent {
    uint64_t form_hash = 0;  // 0 = free slot
    double at_ms = 0;        // when it was sent, in this page's time (< 0: an earlier page)
    uint32_t rejected = 0;   // rejected submits of that form before this one
  };

  // A form was sent (on this page): what the next page needs if this one unloads.
  void sent(uint64_t form_hash, double at_ms, uint32_t rejected);
  // The form with this hash was sent within `within_ms` before now_ms on an earlier page of the
  // tab: that sending, taken (one answer per sending). Else nullptr.
  const Sent* arrived(uint64_t form_hash, double now_ms, double within_ms);

  // "hash_hex wall_ms rejected" a line; time_origin_ms turns page times into wall-clock ones.
  std::string state(double time_origin_ms) const;
  // Keeps only the sendings that are still young enough at now_ms to be answered by this page.
  void restore(std::string_view text, double time_origin_ms, double now_ms, double within_ms);

 private:
  std::array<Sent, kMaxForms> sent_{};
  Sent taken_{};
};

}  // namespace friction
