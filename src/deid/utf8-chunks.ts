// Decodes a byte stream chunk by chunk without splitting characters; each invalid byte becomes one U+0000.
import { isUtf8 } from 'node:buffer';

// An invalid byte becomes NUL (one UTF-8 byte) rather than U+FFFD (three), so byte offsets stay exact.
const INVALID = '\u0000';

function sequenceLength(b: number): number {
  return b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
}

function validAt(buf: Uint8Array, i: number): number {
  const b0 = buf[i];
  const n = sequenceLength(b0);
  if (n <= 1 || i + n > buf.length) return n === 1 ? 1 : 0;
  const b1 = buf[i + 1];
  const lo = b0 === 0xe0 ? 0xa0 : b0 === 0xf0 ? 0x90 : 0x80;
  const hi = b0 === 0xed ? 0x9f : b0 === 0xf4 ? 0x8f : 0xbf;
  if (b1 < lo || b1 > hi) return 0;
  for (let k = 2; k < n; k++) if ((buf[i + k] & 0xc0) !== 0x80) return 0;
  return n;
}

function decodeLenient(buf: Buffer): string {
  let out = '';
  let run = 0;
  let i = 0;
  while (i < buf.length) {
    const n = validAt(buf, i);
    if (n > 0) {
      i += n;
      continue;
    }
    out += buf.toString('utf8', run, i) + INVALID;
    i += 1;
    run = i;
  }
  return out + buf.toString('utf8', run, i);
}

/** Stateful decoder: keeps an incomplete trailing sequence for the next chunk. */
export class Utf8Chunks {
  private tail: Buffer = Buffer.alloc(0);

  /** Decodes the next chunk; with `final`, also flushes an incomplete tail as invalid bytes. */
  decode(chunk: Uint8Array, final = false): string {
    const buf = this.tail.length ? Buffer.concat([this.tail, chunk]) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let cut = buf.length;
    if (!final) {
      // step back over at most three continuation bytes to a lead byte whose sequence is not complete yet
      let p = buf.length - 1;
      while (p >= 0 && buf.length - p <= 3 && (buf[p] & 0xc0) === 0x80) p--;
      if (p >= 0 && buf.length - p <= 4) {
        const n = sequenceLength(buf[p]);
        if (n > 1 && p + n > buf.length) cut = p;
      }
    }
    const part = buf.subarray(0, cut);
    this.tail = Buffer.from(buf.subarray(cut));
    return isUtf8(part) ? part.toString('utf8') : decodeLenient(part);
  }
}
