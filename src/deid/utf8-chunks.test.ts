import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Utf8Chunks } from './utf8-chunks.ts';

// The specification, byte by byte: a well-formed UTF-8 sequence (RFC 3629 table 3-7) is its character, any other
// byte is one U+0000.
function reference(buf: Uint8Array): string {
  let out = '';
  for (let i = 0; i < buf.length; ) {
    const b0 = buf[i];
    const n = b0 < 0x80 ? 1 : b0 >= 0xc2 && b0 <= 0xdf ? 2 : b0 >= 0xe0 && b0 <= 0xef ? 3 : b0 >= 0xf0 && b0 <= 0xf4 ? 4 : 0;
    let ok = n > 0 && i + n <= buf.length;
    if (ok && n > 1) {
      const lo = b0 === 0xe0 ? 0xa0 : b0 === 0xf0 ? 0x90 : 0x80;
      const hi = b0 === 0xed ? 0x9f : b0 === 0xf4 ? 0x8f : 0xbf;
      ok = buf[i + 1] >= lo && buf[i + 1] <= hi;
      for (let k = 2; ok && k < n; k++) ok = (buf[i + k] & 0xc0) === 0x80;
    }
    if (!ok) {
      out += '\u0000';
      i++;
      continue;
    }
    out += Buffer.from(buf.subarray(i, i + n)).toString('utf8');
    i += n;
  }
  return out;
}

function decodeChunked(buf: Uint8Array, sizes: number[]): string {
  const d = new Utf8Chunks();
  let out = '';
  for (let i = 0, k = 0; i < buf.length; k++) {
    const n = sizes[k % sizes.length];
    out += d.decode(buf.subarray(i, i + n));
    i += n;
  }
  return out + d.decode(new Uint8Array(0), true);
}

// well-formed sequences of every length and edge, and the ill-formed neighbours of each
const PIECES = [
  [0x41], [0x00], [0x7f], [0xc2, 0x80], [0xdf, 0xbf], [0xe0, 0xa0, 0x80], [0xe4, 0xb8, 0xad], [0xef, 0xbc, 0x91], [0xed, 0x9f, 0xbf],
  [0xee, 0x80, 0x80], [0xf0, 0x90, 0x80, 0x80], [0xf0, 0x9f, 0x98, 0x80], [0xf4, 0x8f, 0xbf, 0xbf],
  [0x80], [0xbf], [0xc0, 0xaf], [0xc1, 0xbf], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf0, 0x80, 0x80, 0x80], [0xf4, 0x90, 0x80, 0x80],
  [0xf5, 0x80, 0x80, 0x80], [0xff], [0xe2, 0x82], [0xf0, 0x9f], [0xf0, 0x9f, 0x98], [0xc3],
];

describe('Utf8Chunks', () => {
  it('decodes well-formed text as Buffer#toString does, however it is chunked', () => {
    const text = '身份证110105199003071239，手机１３８－１２３４；주민 900101-1234568 😀 é\u0000\u007f\u0800\uffff';
    const buf = Buffer.from(text.repeat(50));
    for (const sizes of [[1], [2, 3], [7], [1 << 16]]) expect(decodeChunked(buf, sizes)).toBe(buf.toString('utf8'));
  });
  it('turns each byte of an ill-formed sequence into one U+0000, whole or chunked', () => {
    fc.assert(fc.property(
      fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.integer({ min: 0, max: 255 }).map((b) => [b])), { maxLength: 60 }),
      fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 5 }),
      (pieces, sizes) => {
        const buf = Uint8Array.from(pieces.flat());
        const want = reference(buf);
        expect(decodeChunked(buf, [buf.length || 1])).toBe(want);
        expect(decodeChunked(buf, sizes)).toBe(want);
        // one UTF-8 byte per U+0000: byte offsets stay exact
        expect(Buffer.byteLength(want.replace(/\u0000/g, ''))).toBe(buf.length - (want.match(/\u0000/g)?.length ?? 0));
      },
    ), { numRuns: 2000 });
  });
  it('knows where every run of digits starts, in stream indices, however the bytes are chunked', () => {
    fc.assert(fc.property(
      fc.array(fc.oneof(fc.constantFrom(...PIECES, [0x30], [0x39], [0x2f], [0x3a], [0xef, 0xbc, 0x90], [0xef, 0xbc, 0x99], [0xef, 0xbc, 0x8f], [0xef, 0xbc, 0x9a])), { maxLength: 80 }),
      fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 5 }),
      (pieces, sizes) => {
        const buf = Uint8Array.from(pieces.flat());
        const d = new Utf8Chunks();
        let text = '';
        const starts: number[] = [];
        const take = () => {
          const { runs, first, count } = d.digitRuns();
          for (let k = first; k < count; k++) starts.push(runs[k]);
          d.dropRunsBefore(text.length + d.length);
          text += d.text();
          d.shift(d.length);
        };
        for (let i = 0, k = 0; i < buf.length; k++) {
          d.push(buf.subarray(i, i + sizes[k % sizes.length]));
          i += sizes[k % sizes.length];
          if (k % 2) take();
        }
        d.push(new Uint8Array(0), true);
        take();
        expect(text).toBe(reference(buf));
        expect(starts).toEqual([...text.matchAll(/[0-9\uff10-\uff19]+/g)].map((m) => m.index));
      },
    ), { numRuns: 2000 });
  });
});
