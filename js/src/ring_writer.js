// Writes fixed-size event records into the ring that lives in the core's WASM memory, at the
// offsets the core itself declares (sdk/capture/event_record.h and event_ring.h, through the
// tables the build writes: generated/core_tables.js):
//   header @ base: u32 write, u32 read, u32 capacity, u32 record_size
//   record i @ base + header + (i & (capacity - 1)) * record size:
//     f64 time_ms | f32 x | f32 y | u32 target | u16 type | u16 flags | i32 a | i32 b
import { RecordLayout as R, RingLayout as H } from './generated/core_tables.js';

export { EventType, Flag, Gesture, PointerKind, Timing } from './generated/core_tables.js';

export class RingWriter {
  constructor(module, headerAddress) {
    this.module = module;
    this.base = headerAddress;
    this.view = null;
    const view = this.dataView();
    this.capacity = view.getUint32(this.base + H.capacity, true);
    this.recordSize = view.getUint32(this.base + H.recordSize, true);
  }

  // Memory growth replaces the ArrayBuffer (addresses stay); re-make the view when it does.
  dataView() {
    const buffer = this.module.HEAPU8.buffer;
    if (!this.view || this.view.buffer !== buffer) this.view = new DataView(buffer);
    return this.view;
  }

  unread() {
    const view = this.dataView();
    return (view.getUint32(this.base + H.write, true) - view.getUint32(this.base + H.read, true)) >>> 0;
  }

  // Returns false when the ring is full: the caller drains it and writes again.
  write(type, timeMs, x, y, target, flags = 0, a = 0, b = 0) {
    const view = this.dataView();
    const write = view.getUint32(this.base + H.write, true);
    if (((write - view.getUint32(this.base + H.read, true)) >>> 0) >= this.capacity) return false;
    const at = this.base + H.headerBytes + (write & (this.capacity - 1)) * R.bytes;
    view.setFloat64(at + R.timeMs, timeMs, true);
    view.setFloat32(at + R.x, x, true);
    view.setFloat32(at + R.y, y, true);
    view.setUint32(at + R.target, target, true);
    view.setUint16(at + R.type, type, true);
    view.setUint16(at + R.flags, flags, true);
    view.setInt32(at + R.a, a, true);
    view.setInt32(at + R.b, b, true);
    view.setUint32(this.base + H.write, (write + 1) >>> 0, true);
    return true;
  }
}
