// What every storage engine writes of a hand-off: its reference and its summary as stored.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "intake/handoff_reader.h"

namespace friction::collector {

// A new reference, "K7Q-2MX": 6 letters a visitor can read out over the phone, from the
// kernel's CSPRNG (a reference must not be guessable from others). Throws if getrandom fails.
std::string newReference();

// The summary as stored: the validated fields only, never the raw request; "" when the visitor
// did not share it.
std::string summaryJson(const ReceivedHandoff& handoff);

// The stored summary read back, validated again; nothing for "" or null.
std::optional<std::vector<HandoffStep>> summaryOf(const char* json);

}  // namespace friction::collector
