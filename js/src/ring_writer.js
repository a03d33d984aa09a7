// Writes fixed-size event records into the ring that lives in the core's WASM memory.
// Layout (little-endian), shared with sdk/capture/event_record.h and event_ring.h:
//   header @ base: u32 write, u32 read, u32 capacity, u32 record_size
//   record i @ base + 16 + (i & (capacity - 1)) * 32:
//     f64 time_ms | f32 x | f32 y | u32 target | u16 type | u16 flags | i32 a | i32 b
// Mirrors EventType and the flag bits in sdk/capture/event_record.h.
export const EventType = Object.freeze({
  click: 1, pointerMove: 2, pointerOver: 3, scroll: 4, domChange: 5, selection: 6, focus: 7,
  windowBlur: 8, input: 9, invalid: 10, fieldInvalid: 11, submit: 12, requestStart: 13,
  requestEnd: 14, jsError: 15, eventTiming: 16, visibility: 17,
});
export const Flag = Object.freeze({
  clickModifier: 1, clickWithSelection: 2, inputDeletion: 1, inputInvalid: 2, errorRejection: 1,
});
export const Timing = Object.freeze({ pointer: 1, key: 2 });

const HEADER_BYTES = 16;
export const RECORD_BYTES = 32;

export class RingWriter {
  constructor(module, headerAddress) {
    this.module = module;
    this.base = headerAddress;
    this.view = null;
    const view = this.dataView();
    this.capacity = view.getUint32(this.base + 8, true);
    this.recordSize = view.getUint32(this.base + 12, true);
  }

  // Memory growth replaces the ArrayBuffer (addresses stay); re-make the view when it does.
  dataView() {
    const buffer = this.module.HEAPU8.buffer;
    if (!this.view || this.view.buffer !== buffer) this.view = new DataView(buffer);
    return this.view;
  }

  unread() {
    const view = this.dataView();
    return (view.getUint32(this.base, true) - view.getUint32(this.base + 4, true)) >>> 0;
  }

  // Returns false when the ring is full: the caller drains it and writes again.
  write(type, timeMs, x, y, target, flags = 0, a = 0, b = 0) {
    const view = this.dataView();
    const write = view.getUint32(this.base, true);
    if (((write - view.getUint32(this.base + 4, true)) >>> 0) >= this.capacity) return false;
    const at = this.base + HEADER_BYTES + (write & (this.capacity - 1)) * RECORD_BYTES;
    view.setFloat64(at, timeMs, true);
    view.setFloat32(at + 8, x, true);
    view.setFloat32(at + 12, y, true);
    view.setUint32(at + 16, target, true);
    view.setUint16(at + 20, type, true);
    view.setUint16(at + 22, flags, true);
    view.setInt32(at + 24, a, true);
    view.setInt32(at + 28, b, true);
    view.setUint32(this.base, (write + 1) >>> 0, true);
    return true;
  }
}
