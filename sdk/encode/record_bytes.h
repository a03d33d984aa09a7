// A small binary form for handing data from the detection core to the codec inside the browser
// (encode/batch_record.h, encode/journey_record.h). The core stays free of JSON and zstd, so it
// loads before consent; the codec, which writes the wire format, loads only once something may
// be sent. Both sides are built from this one file: the form never leaves the browser.
//
// Little-endian; unsigned integers as LEB128, doubles as their 8 IEEE bytes, strings as a length
// then bytes. The reader never reads past the end: a short or damaged record fails, it does not
// crash.
#pragma once
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace friction {

class ByteWriter {
 public:
  void u8(uint8_t value) { bytes_.push_back(value); }
  void varint(uint64_t value) {
    while (value >= 0x80) {
      bytes_.push_back(static_cast<uint8_t>(value) | 0x80);
      value >>= 7;
    }
    bytes_.push_back(static_cast<uint8_t>(value));
  }
  void f64(double value) {
    uint64_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    for (int i = 0; i < 8; ++i) bytes_.push_back(static_cast<uint8_t>(bits >> (8 * i)));
  }
  void str(std::string_view text) {
    varint(text.size());
    bytes_.insert(bytes_.end(), text.begin(), text.end());
  }
  std::vector<uint8_t> take() { return std::move(bytes_); }

 private:
  std::vector<uint8_t> bytes_;
};

class ByteReader {
 public:
  ByteReader(const uint8_t* data, size_t size) : at_(data), end_(data + size) {}

  // False once anything could not be read; every later read then yields zero.
  bool ok() const { return ok_; }
  bool atEnd() const { return at_ == end_; }

  uint8_t u8() {
    if (!need(1)) return 0;
    return *at_++;
  }
  uint64_t varint() {
    uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      const uint8_t byte = u8();
      // The tenth byte holds bit 63 only; anything more does not fit 64 bits.
      if (shift == 63 && byte > 1) break;
      value |= uint64_t(byte & 0x7f) << shift;
      if (!(byte & 0x80)) return value;
    }
    ok_ = false;
    return 0;
  }
  // A value that must fit `limit`: a larger one is damage, not something to cut down.
  uint64_t upTo(uint64_t limit) {
    const uint64_t value = varint();
    if (value > limit) ok_ = false;
    return ok_ ? value : 0;
  }
  double f64() {
    if (!need(8)) return 0;
    uint64_t bits = 0;
    for (int i = 0; i < 8; ++i) bits |= uint64_t(*at_++) << (8 * i);
    double value;
    std::memcpy(&value, &bits, sizeof value);
    return value;
  }
  std::string str() {
    const uint64_t size = varint();
    if (!need(size)) return {};
    std::string text(reinterpret_cast<const char*>(at_), size);
    at_ += size;
    return text;
  }
  // A count of items that are each at least one byte: more than the bytes left is damage.
  uint64_t count() {
    const uint64_t n = varint();
    if (n > static_cast<uint64_t>(end_ - at_)) ok_ = false;
    return ok_ ? n : 0;
  }

 private:
  bool need(uint64_t n) {
    if (!ok_ || n > static_cast<uint64_t>(end_ - at_)) ok_ = false;
    return ok_;
  }
  const uint8_t* at_;
  const uint8_t* end_;
  bool ok_ = true;
};

}  // namespace friction
