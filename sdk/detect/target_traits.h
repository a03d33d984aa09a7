// Static facts about an element, told once by JS when it first meets the element: what kind of
// control it is, never what it says. Detectors use them to tell a dead button from plain text.
#pragma once
#include <array>
#include <cstdint>
#include <string>

namespace friction {

// JS computes them (js/src/targets.js) with the bits the build writes from this list.
#define FRICTION_TARGET_TRAITS(TRAIT)                                                         \
  TRAIT(kActionable, 0)  /* button, link, role=button/link/tab/menuitem..., summary, submit */ \
  TRAIT(kLink, 1)        /* a[href] to another document: navigation is its response */        \
  TRAIT(kPseudoLink, 2)  /* a[href="#"], a[href^="javascript:"]: needs a script to respond */  \
  TRAIT(kDownload, 3)    /* a[download] or a link to a file: responds outside the page */     \
  TRAIT(kNewTab, 4)      /* target=_blank: responds in another tab */                         \
  TRAIT(kTextField, 5)   /* text input, textarea, contenteditable */                           \
  TRAIT(kFormControl, 6) /* select, checkbox, radio, range, file... */                         \
  TRAIT(kLabel, 7)       /* label: moves focus or toggles its control */                       \
  TRAIT(kInForm, 8)      /* inside a <form> */                                               \
  TRAIT(kLooksClickable, 9) /* not a control, styled like one: pointer cursor, link-like text, \
                               a card or image with a pointer (js/src/look_alike.js) */   \
  TRAIT(kSearchField, 10) /* type=search, role=searchbox, or in role=search / <search>: edits   \
                             are refining a query, not struggling with a form */

enum TargetTrait : uint32_t {
#define FRICTION_TARGET_TRAIT_ENUMERATOR(trait, bit) trait = 1u << bit,
  FRICTION_TARGET_TRAITS(FRICTION_TARGET_TRAIT_ENUMERATOR)
#undef FRICTION_TARGET_TRAIT_ENUMERATOR
};

struct TargetInfo {
  uint32_t id = 0;  // 0 = empty slot
  uint32_t traits = 0;
  uint64_t selector_hash = 0;
  std::string role;
  std::string name;  // the site's data-friction-name, cleaned; "" if none
};

// What the engine remembers about elements: a direct-mapped table, so memory stays bounded
// however many elements a long session meets (an evicted element reads as unknown).
class TargetTable {
 public:
  static constexpr uint32_t kSlots = 4096;

  void put(TargetInfo info) { slots_[info.id % kSlots] = std::move(info); }
  const TargetInfo* find(uint32_t id) const {
    const TargetInfo& slot = slots_[id % kSlots];
    return id != 0 && slot.id == id ? &slot : nullptr;
  }
  uint32_t traits(uint32_t id) const {
    const TargetInfo* info = find(id);
    return info ? info->traits : 0;
  }

 private:
  std::array<TargetInfo, kSlots> slots_{};
};

}  // namespace friction
