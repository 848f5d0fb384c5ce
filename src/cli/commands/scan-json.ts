// The findings of `custodia scan --format json`, written as bytes straight into a buffer: building a string per
// finding and joining them cost more than the scan itself on dense input (~160k findings in 50 MB).
import type { Finding } from '../../deid/index.ts';

// characters JSON.stringify would escape (quote, backslash, controls) or check (surrogates, escaped when lone)
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

// the constant parts of an element as bytes, copied rather than encoded per finding
// (one array type for every copy source keeps the copy loop monomorphic)
const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const END = ascii(',"end":');
const BYTE_START = ascii(',"byteStart":');
const BYTE_END = ascii(',"byteEnd":');
const MASKED = ascii(',"masked":');
// per kind: `{"type":"KIND","start":`; per check verdict and confidence: `,"checkDigit":…,"confidence":N}`
const heads = new Map<string, Uint8Array>();
const tails = [new Map<number, Uint8Array>(), new Map<number, Uint8Array>(), new Map<number, Uint8Array>()];

function head(type: string): Uint8Array {
  let h = heads.get(type);
  if (!h) heads.set(type, (h = new Uint8Array(Buffer.from(`{"type":${JSON.stringify(type)},"start":`, 'utf8'))));
  return h;
}

function tail(check: boolean | 'not-applicable', confidence: number): Uint8Array {
  const byCheck = tails[check === true ? 0 : check === false ? 1 : 2];
  let t = byCheck.get(confidence);
  if (!t) {
    t = ascii(`,"checkDigit":${JSON.stringify(check)},"confidence":${JSON.stringify(confidence)}}`);
    // confidences come from a handful of constants; anything else is encoded each time
    if (byCheck.size < 64) byCheck.set(confidence, t);
  }
  return t;
}

function copy(b: Uint8Array, n: number, src: Uint8Array): number {
  for (let i = 0; i < src.length; i++) b[n + i] = src[i];
  return n + src.length;
}

// "00".."99": two digits per division
const PAIRS = ascii(Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0')).join(''));

// a non-negative safe integer as decimal digits, anything else as JSON.stringify writes it
function int(b: Uint8Array, n: number, x: number): number {
  if (!(x >= 0 && x < 0x7fffffff && (x | 0) === x)) return copy(b, n, ascii(JSON.stringify(x)));
  const digits = x < 10 ? 1 : x < 100 ? 2 : x < 1e3 ? 3 : x < 1e4 ? 4 : x < 1e5 ? 5 : x < 1e6 ? 6 : x < 1e7 ? 7 : x < 1e8 ? 8 : x < 1e9 ? 9 : 10;
  const end = n + digits;
  let k = end;
  while (x >= 100) {
    const q = (x / 100) | 0;
    const r = (x - q * 100) << 1;
    b[--k] = PAIRS[r + 1];
    b[--k] = PAIRS[r];
    x = q;
  }
  if (x >= 10) {
    b[--k] = PAIRS[(x << 1) + 1];
    b[--k] = PAIRS[x << 1];
  } else b[--k] = 48 + x;
  return end;
}

/** Accumulates findings as the elements of a JSON array: `,\n` between them, `\n` before each, exactly JSON.stringify per element. */
export class FindingsJson {
  private buf: Buffer;
  private n = 0;
  private count = 0;

  constructor(private readonly size = 1 << 16) {
    this.buf = Buffer.allocUnsafe(size);
  }

  // a string as JSON: ASCII without escapes copied as it is, anything else through JSON.stringify and UTF-8
  private string(b: Buffer, n: number, s: string): number {
    b[n] = 34;
    let k = n + 1;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x20 || c >= 0x80 || c === 34 || c === 92) return n + b.write(NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`, n, 'utf8');
      b[k++] = c;
    }
    b[k] = 34;
    return k + 1;
  }

  /** Appends one finding. */
  add(f: Finding): void {
    const h = head(f.type);
    const t = tail(f.checkDigit, f.confidence);
    // 6 bytes per masked character covers \uXXXX escapes, 4 numbers of at most 22 characters
    const need = 2 + h.length + 4 * 22 + END.length + BYTE_START.length + BYTE_END.length + MASKED.length + 2 + 6 * f.masked.length + t.length;
    if (this.n + need > this.buf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.n + need));
      this.buf.copy(bigger, 0, 0, this.n);
      this.buf = bigger;
    }
    const b = this.buf;
    let n = this.n;
    if (this.count++) b[n++] = 44;
    b[n++] = 10;
    n = copy(b, n, h);
    n = int(b, n, f.start);
    n = copy(b, n, END);
    n = int(b, n, f.end);
    n = copy(b, n, BYTE_START);
    n = int(b, n, f.byteStart);
    n = copy(b, n, BYTE_END);
    n = int(b, n, f.byteEnd);
    n = copy(b, n, MASKED);
    n = this.string(b, n, f.masked);
    this.n = copy(b, n, t);
  }

  /** The bytes added since the last call, in a buffer of their own (a pending write may still hold the previous one). */
  take(): Buffer {
    const out = this.buf.subarray(0, this.n);
    // the next batch is likely about as long as this one
    this.buf = Buffer.allocUnsafe(Math.max(this.size, this.n + (this.n >> 2)));
    this.n = 0;
    return out;
  }
}
