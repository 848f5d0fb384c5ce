// The findings of `custodia scan --format json`, written as bytes straight into a buffer: building a string per
// finding and joining them cost more than the scan itself on dense input (~160k findings in 50 MB).
import type { Finding } from '../../deid/index.ts';

// characters JSON.stringify would escape (quote, backslash, controls) or check (surrogates, escaped when lone)
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

// confidences come from a handful of constants: their JSON text is looked up, not formatted each time
const numberText = new Map<number, string>();

/** Accumulates findings as the elements of a JSON array: `,\n` between them, `\n` before each, exactly JSON.stringify per element. */
export class FindingsJson {
  private buf: Buffer;
  private n = 0;
  private count = 0;

  constructor(private readonly size = 1 << 19) {
    this.buf = Buffer.allocUnsafe(size);
  }

  private ascii(s: string): void {
    const b = this.buf;
    let n = this.n;
    for (let i = 0; i < s.length; i++) b[n++] = s.charCodeAt(i);
    this.n = n;
  }

  // a non-negative safe integer as decimal digits, anything else through JSON.stringify
  private int(x: number): void {
    if (!(x >= 0 && x <= Number.MAX_SAFE_INTEGER && Math.floor(x) === x)) return this.ascii(JSON.stringify(x));
    const b = this.buf;
    let digits = 1;
    for (let p = 10; p <= x; p *= 10) digits++;
    let n = this.n + digits;
    this.n = n;
    do {
      const q = Math.floor(x / 10);
      b[--n] = 48 + (x - q * 10);
      x = q;
    } while (x > 0);
  }

  private string(s: string): void {
    const b = this.buf;
    let n = this.n;
    b[n++] = 34;
    let i = 0;
    for (; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x20 || c >= 0x80 || c === 34 || c === 92) break;
      b[n++] = c;
    }
    if (i === s.length) {
      b[n++] = 34;
      this.n = n;
      return;
    }
    // anything past ASCII (full-width digits, names): through the UTF-8 encoder, escaped as JSON.stringify does
    const text = NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`;
    this.n = this.n + this.buf.write(text, this.n, 'utf8');
  }

  private reserve(bytes: number): void {
    if (this.n + bytes <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.n + bytes));
    this.buf.copy(bigger, 0, 0, this.n);
    this.buf = bigger;
  }

  /** Appends one finding. */
  add(f: Finding): void {
    // 6 bytes per masked character covers \uXXXX escapes; numbers and keys fit in 200
    this.reserve(200 + f.type.length + 6 * f.masked.length);
    this.ascii(this.count++ ? ',\n{"type":"' : '\n{"type":"');
    this.ascii(f.type);
    this.ascii('","start":');
    this.int(f.start);
    this.ascii(',"end":');
    this.int(f.end);
    this.ascii(',"byteStart":');
    this.int(f.byteStart);
    this.ascii(',"byteEnd":');
    this.int(f.byteEnd);
    this.ascii(',"masked":');
    this.string(f.masked);
    this.ascii(f.checkDigit === true ? ',"checkDigit":true,"confidence":' : f.checkDigit === false ? ',"checkDigit":false,"confidence":' : ',"checkDigit":"not-applicable","confidence":');
    let c = numberText.get(f.confidence);
    if (c === undefined) {
      c = JSON.stringify(f.confidence);
      if (numberText.size < 64) numberText.set(f.confidence, c);
    }
    this.ascii(c);
    this.buf[this.n++] = 125;
  }

  /** The bytes added since the last call, in a buffer of their own (a pending write may still hold the previous one). */
  take(): Buffer {
    const out = this.buf.subarray(0, this.n);
    this.buf = Buffer.allocUnsafe(Math.max(this.size, this.buf.length));
    this.n = 0;
    return out;
  }
}
