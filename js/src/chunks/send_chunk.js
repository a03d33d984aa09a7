// Chunk: the sending side (sending.js), loaded once something may be sent (sending_gate.js).
export { createSending } from '../sending.js';
