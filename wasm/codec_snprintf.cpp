// snprintf for the codec module only, in place of the C library's: nlohmann/json calls it for
// one thing, writing a control character as "\u001f" (and a pair as "\ud83d\ude00"), and the
// C library's printf brings 8 KB of wasm for it, a twentieth of the codec. This one writes
// literal text and "%04x" conversions, which is all those calls use; any other conversion
// writes nothing and returns -1, and tests/wasm/core.test.mjs checks the escapes end to end.
// The detection core and native builds keep the C library's. Do not add code to the codec that
// formats numbers through snprintf (std::to_string(double) would retry forever on the -1).
#include <cstdarg>
#include <cstddef>

extern "C" int snprintf(char* out, size_t size, const char* format, ...) {
  static const char kHex[] = "0123456789abcdef";
  va_list args;
  va_start(args, format);
  size_t written = 0;
  auto put = [&](char c) {
    if (written + 1 < size) out[written] = c;
    ++written;
  };
  bool ok = true;
  for (const char* f = format; *f && ok; ++f) {
    if (*f != '%') {
      put(*f);
    } else if (f[1] == '0' && f[2] == '4' && f[3] == 'x') {
      const unsigned value = va_arg(args, unsigned);
      for (int shift = 12; shift >= 0; shift -= 4) put(kHex[(value >> shift) & 0xf]);
      f += 3;
    } else {
      ok = false;
    }
  }
  va_end(args);
  if (size > 0) out[written < size ? written : size - 1] = '\0';
  return ok ? static_cast<int>(written) : -1;
}
