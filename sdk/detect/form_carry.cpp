#include "detect/form_carry.h"

#include <algorithm>
#include <cmath>

#include "common/tab_state_text.h"

namespace friction {

namespace {
constexpr char kHex[] = "0123456789abcdef";

bool parseHash(std::string_view text, uint64_t& hash) {
  if (text.size() != 16) return false;
  hash = 0;
  for (char c : text) {
    const char* digit = std::find(kHex, kHex + 16, c);
    if (digit == kHex + 16) return false;
    hash = hash << 4 | static_cast<uint64_t>(digit - kHex);
  }
  return hash != 0;
}
}  // namespace

void FormCarry::sent(const Sent& sending) {
  if (sending.form_hash == 0) return;
  // Its own slot, else the oldest sending.
  Sent* slot = &*std::min_element(sent_.begin(), sent_.end(), [](const Sent& a, const Sent& b) {
    return (a.form_hash == 0 ? -1e300 : a.at_ms) < (b.form_hash == 0 ? -1e300 : b.at_ms);
  });
  for (Sent& same : sent_)
    if (same.form_hash == sending.form_hash) slot = &same;
  *slot = sending;
  slot->rejected = std::min(sending.rejected, kMaxCount);
}

const FormCarry::Sent* FormCarry::arrived(uint64_t form_hash) {
  for (Sent& candidate : sent_) {
    if (form_hash == 0 || candidate.form_hash != form_hash) continue;
    taken_ = candidate;
    candidate = Sent{};
    return &taken_;
  }
  return nullptr;
}

std::string FormCarry::state(double time_origin_ms) const {
  std::string out;
  for (const Sent& sending : sent_) {
    if (sending.form_hash == 0) continue;
    for (int shift = 60; shift >= 0; shift -= 4) out += kHex[(sending.form_hash >> shift) & 15];
    out += ' ';
    tab_state::appendWhole(out, static_cast<int64_t>(std::llround(time_origin_ms + sending.at_ms)));
    out += ' ';
    tab_state::appendWhole(out, sending.rejected);
    out += sending.answered ? " 1\n" : " 0\n";
  }
  return out;
}

void FormCarry::restore(std::string_view text, double time_origin_ms, double now_ms,
                        double keep_ms) {
  sent_.fill(Sent{});
  size_t kept = 0;
  tab_state::splitEach(text, '\n', [&](std::string_view line) {
    std::string_view parts[4];
    size_t count = 0;
    tab_state::splitEach(line, ' ', [&](std::string_view part) {
      if (count < 4) parts[count] = part;
      ++count;
    });
    Sent sending;
    int64_t at = 0;
    if (kept == kMaxForms || count != 4 || !parseHash(parts[0], sending.form_hash) ||
        !tab_state::parseWhole(parts[1], at) || !tab_state::parseWhole(parts[2], sending.rejected) ||
        sending.rejected > kMaxCount || (parts[3] != "0" && parts[3] != "1"))
      return;
    sending.answered = parts[3] == "1";
    sending.at_ms = static_cast<double>(at) - time_origin_ms;
    const double age = now_ms - sending.at_ms;
    if (age < 0 || age > keep_ms) return;
    for (size_t i = 0; i < kept; ++i)
      if (sent_[i].form_hash == sending.form_hash) return;
    sent_[kept++] = sending;
  });
}

}  // namespace friction
