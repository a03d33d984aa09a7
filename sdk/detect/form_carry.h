// What form struggle carries from one page load (or step) of a tab to the next: the forms sent
// and their rejected submits so far. A classic form posts, the page unloads, and the server
// answers with the same form marked with errors on a new page: without this memory each
// rejection would look like the first.
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
    uint32_t rejected = 0;   // its rejected submits so far, not yet reported
    bool answered = false;   // the last submit had its answer already
  };

  // A form was sent, or is left (the page or step changes) after it was: what the page or step
  // after needs. The latest word on a form replaces the one before.
  void sent(const Sent& sending);
  // The form with this hash, as the page or step before left it (taken: one arrival per
  // sending), or nullptr.
  const Sent* arrived(uint64_t form_hash);

  // "hash_hex wall_ms rejected answered" a line; time_origin_ms turns page times into wall-clock.
  std::string state(double time_origin_ms) const;
  // Keeps the sendings at most keep_ms old at now_ms (older struggles start again).
  void restore(std::string_view text, double time_origin_ms, double now_ms, double keep_ms);

 private:
  std::array<Sent, kMaxForms> sent_{};
  Sent taken_{};
};

}  // namespace friction
