#include "handoff_text.h"

#include <sys/random.h>

#include <cerrno>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace friction::collector {
namespace {

// Letters and digits that cannot be misread over the phone (no 0/O, 1/I/L).
constexpr char kAlphabet[] = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
constexpr size_t kLetters = sizeof kAlphabet - 1;

// Random bytes from the kernel's CSPRNG: a reference must not be guessable from others.
unsigned char randomByte() {
  static thread_local unsigned char pool[64];
  static thread_local size_t left = 0;
  if (left == 0) {
    ssize_t got = -1;
    do got = getrandom(pool, sizeof pool, 0); while (got < 0 && errno == EINTR);
    if (got != static_cast<ssize_t>(sizeof pool)) throw std::runtime_error("getrandom failed");
    left = sizeof pool;
  }
  return pool[--left];
}

}  // namespace

std::string newReference() {
  std::string reference;
  for (int i = 0; i < 6; ++i) {
    if (i == 3) reference += '-';
    unsigned char byte;
    // Bytes past the last whole multiple of the alphabet would favour its first letters.
    do byte = randomByte(); while (byte >= 256 / kLetters * kLetters);
    reference += kAlphabet[byte % kLetters];
  }
  return reference;
}

// The summary as stored: the validated fields only, never the raw request.
std::string summaryJson(const ReceivedHandoff& handoff) {
  if (!handoff.has_summary) return "";
  nlohmann::json steps = nlohmann::json::array();
  for (const auto& step : handoff.steps) {
    nlohmann::json met = nlohmann::json::object();
    for (const auto& [kind, times] : step.met) met[kind] = times;
    steps.push_back({{"step", step.step}, {"seconds", step.seconds}, {"met", std::move(met)}});
  }
  return nlohmann::json{{"steps", std::move(steps)}}.dump();
}

std::optional<std::vector<HandoffStep>> summaryOf(const char* json) {
  std::vector<HandoffStep> steps;
  std::string error;
  if (!json || !readHandoffSummaryJson(json, steps, error)) return std::nullopt;
  return steps;
}

}  // namespace friction::collector
