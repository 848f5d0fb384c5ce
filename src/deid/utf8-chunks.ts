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

// where decodeInto() leaves the digit-run starts it found, and how many
interface RunSink {
  runs: Float64Array;
  count: number;
  // whether the last code unit decoded was a digit, and how many were decoded before this chunk
  inDigits: boolean;
  units: number;
}

/**
 * Decodes buf[0, end) into `out` from index `at` (UTF-16 code units): a well-formed sequence (RFC 3629: no overlong forms, no
 * surrogates, nothing above U+10FFFF) becomes its code point, any other byte one U+0000. Returns the unit count.
 * On the way it appends to `sink.runs` the stream index of the first unit of each run of ASCII or full-width
 * digits: the scanners start from these instead of reading every character again (`runs` has room for end / 2 + 1).
 */
function decodeInto(buf: Uint8Array, end: number, out: Uint16Array, at: number, sink: RunSink): number {
  const runs = sink.runs;
  // stream index of out[n] is base + n
  const base = sink.units - at;
  let r = sink.count;
  // 1 when the last unit was a digit: a digit after a non-digit starts a run
  let prev = sink.inDigits ? 1 : 0;
  let n = at;
  let i = 0;
  while (i < end) {
    let b0 = buf[i];
    if (b0 < 0x80) {
      // a run of ASCII: the common case between CJK characters
      do {
        const digit = (b0 - 0x30) >>> 0 < 10 ? 1 : 0;
        if (digit > prev) runs[r++] = base + n;
        prev = digit;
        out[n++] = b0;
        if (++i === end) break;
        b0 = buf[i];
      } while (b0 < 0x80);
      continue;
    }
    // a run of three-byte characters led by E1..EC (most CJK and Hangul): both continuations 10xxxxxx
    while (b0 >= 0xe1 && b0 <= 0xec && i + 2 < end) {
      const b1 = buf[i + 1];
      const b2 = buf[i + 2];
      if ((((b1 & 0xc0) << 2) | (b2 & 0xc0)) !== 0x280) break;
      out[n++] = ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
      prev = 0;
      i += 3;
      if (i === end) break;
      b0 = buf[i];
    }
    if (i === end || b0 < 0x80) continue;
    // other three-byte characters from E1 (U+1000..U+FFFF: full-width forms, Hangul after ED): no surrogate after
    // ED (b1 at most 9F); E0, whose b1 must be A0 or more, takes the general path below
    if (b0 >= 0xe1 && b0 <= 0xef && i + 2 < end) {
      const b1 = buf[i + 1];
      const b2 = buf[i + 2];
      if ((((b1 & 0xc0) << 2) | (b2 & 0xc0)) === 0x280 && (b0 !== 0xed || b1 <= 0x9f)) {
        const u = ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
        // full-width digits U+FF10..U+FF19
        const digit = (u - 0xff10) >>> 0 < 10 ? 1 : 0;
        if (digit > prev) runs[r++] = base + n;
        prev = digit;
        out[n++] = u;
        i += 3;
        continue;
      }
    }
    prev = 0;
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
  sink.count = r;
  sink.inDigits = prev === 1;
  sink.units = base + n;
  return n - at;
}

/**
 * Stateful decoder: keeps an incomplete trailing sequence for the next chunk. push() appends the decoded code
 * units to those kept, text() makes them one string (one copy, where concatenating pieces cost a flattening copy
 * on first read) and shift() drops the first ones. It also keeps where each run of digits starts (`digitRuns`,
 * code-unit indices counted from the start of the stream) until dropRunsBefore().
 */
export class Utf8Chunks {
  private tail: Buffer = Buffer.alloc(0);
  // the code units kept: [0, kept)
  private units = new Uint16Array(1 << 16);
  private kept = 0;
  /** Bytes decoded so far (the tail of an incomplete sequence not counted); each became 1-4 UTF-8 bytes of the text. */
  bytes = 0;
  private sink: RunSink = { runs: new Float64Array(1024), count: 0, inDigits: false, units: 0 };
  private first = 0;

  /** The digit-run starts kept: `runs[first, count)`, ascending. */
  digitRuns(): { runs: Float64Array; first: number; count: number } {
    return { runs: this.sink.runs, first: this.first, count: this.sink.count };
  }

  /** Forgets the digit-run starts before stream index `pos`. */
  dropRunsBefore(pos: number): void {
    const s = this.sink;
    // the first kept run at or after pos, by binary search (runs ascend)
    let lo = this.first;
    let hi = s.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (s.runs[mid] < pos) lo = mid + 1;
      else hi = mid;
    }
    this.first = lo;
    if (this.first === s.count) {
      s.count = 0;
      this.first = 0;
    }
  }

  // room for the runs of `bytes` more bytes (a run takes two units at least, but the first may start at once)
  private reserveRuns(bytes: number): void {
    const s = this.sink;
    if (this.first > 0) {
      s.runs.copyWithin(0, this.first, s.count);
      s.count -= this.first;
      this.first = 0;
    }
    const need = s.count + (bytes >> 1) + 1;
    if (s.runs.length < need) {
      const bigger = new Float64Array(Math.max(need, s.runs.length * 2));
      bigger.set(s.runs.subarray(0, s.count));
      s.runs = bigger;
    }
  }

  /** Decodes the next chunk and keeps its code units after those kept; with `final`, also flushes an incomplete tail as invalid bytes. */
  push(chunk: Uint8Array, final = false): void {
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
    // one code unit per byte at most
    if (this.units.length < this.kept + cut) {
      const bigger = new Uint16Array(Math.max(this.kept + cut, this.units.length * 2));
      bigger.set(this.units.subarray(0, this.kept));
      this.units = bigger;
    }
    this.reserveRuns(cut);
    this.kept += decodeInto(buf, cut, this.units, this.kept, this.sink);
    this.bytes += cut;
  }

  /** How many code units are kept. */
  get length(): number {
    return this.kept;
  }

  /** The kept code units as a string. */
  text(): string {
    const bytes = Buffer.from(this.units.buffer, 0, this.kept * 2);
    return (LITTLE_ENDIAN ? bytes : Buffer.from(bytes).swap16()).toString('utf16le');
  }

  /** Drops the first n kept code units. */
  shift(n: number): void {
    this.units.copyWithin(0, n, this.kept);
    this.kept -= n;
  }

  /** Decodes the next chunk and returns its text (push, then text and shift of everything kept). */
  decode(chunk: Uint8Array, final = false): string {
    this.push(chunk, final);
    const t = this.text();
    this.shift(this.kept);
    return t;
  }
}
