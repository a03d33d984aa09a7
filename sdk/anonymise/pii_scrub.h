// The second line of defence: whatever becomes a string on the wire (step templates, roles,
// site ids) passes through scrubPii() just before it is encoded. The first line (templates, no
// text, no values) should leave nothing for it to find; if it ever does, the personal data is
// replaced with a placeholder rather than sent. The collector refuses strings where
// containsPii() is true, for clients that skipped this.
//
// What it finds (with few false alarms, since each replacement loses a little meaning):
//   emails        local@domain.tld, also with the '@' percent-encoded (%40)
//   card numbers  13-19 digits, single spaces or dashes between groups, passing the Luhn check
//                 (never after a '+': that is an international phone number)
//   IBANs         2 letters, 2 check digits, 11-30 letters or digits, passing ISO 13616 mod 97
//   phone numbers 9-15 digits (8-15 after a '+'), grouped by spaces, dashes, dots or brackets
// Dates (8 digits) and short numbers are left alone.
#pragma once
#include <string>
#include <string_view>

namespace friction {

std::string scrubPii(std::string_view text);
bool containsPii(std::string_view text);

}  // namespace friction
