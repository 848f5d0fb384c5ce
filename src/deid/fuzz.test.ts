import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Readable } from 'node:stream';
import { detect } from './detect.ts';
import { redact } from './redact.ts';
import { scanStream } from './stream.ts';
import { validate } from './validate.ts';
import { mask } from './masks.ts';
import { DETECTED_KINDS, type IdentifierKind } from './deid.model.ts';

// the pillar takes only types from the registry, so the kinds are listed here rather than imported
const KINDS: IdentifierKind[] = [...DETECTED_KINDS, 'phone', 'date', 'bank-account', 'account-name', 'device-id', 'free-text', 'other'];

const ALPHABET = [...'0123456789０１２３４５６７８９AXxEMK-－ ()（）+.:/@', '身份证', '电话', '주민등록번호', '\n', '姓名：', '地址：'];

function timed<T>(f: () => T, ms: number): T {
  const t0 = performance.now();
  const r = f();
  expect(performance.now() - t0).toBeLessThan(ms);
  return r;
}

describe('robustness', () => {
  it('findings are well-formed for arbitrary text', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...ALPHABET), { maxLength: 200 }).map((a) => a.join('')), fc.string({ maxLength: 50 }), (a, b) => {
      const text = a + b;
      let last = -1;
      for (const f of detect(text)) {
        expect(f.start).toBeGreaterThanOrEqual(0);
        expect(f.end).toBeLessThanOrEqual(text.length);
        expect(f.start).toBeGreaterThanOrEqual(last);
        expect(f.byteEnd - f.byteStart).toBe(Buffer.byteLength(text.slice(f.start, f.end)));
        last = f.end;
      }
      expect(typeof redact(text, 'tag').text).toBe('string');
    }), { numRuns: 300 });
  });

  it('validators and masks never throw and never echo the value in a reason', () => {
    fc.assert(fc.property(fc.constantFrom(...KINDS), fc.string({ maxLength: 40 }), (kind, v) => {
      const r = validate(kind, v);
      if (r.reason && v.trim().length >= 4) expect(r.reason).not.toContain(v.trim());
      expect(typeof mask(kind, v)).toBe('string');
    }), { numRuns: 500 });
  });

  it('adversarial inputs finish quickly (no catastrophic backtracking)', () => {
    const cases = [
      '1'.repeat(200_000), '1-'.repeat(100_000), '1 '.repeat(100_000), 'A1('.repeat(60_000), '@'.repeat(200_000), 'a@'.repeat(100_000),
      'a.'.repeat(100_000) + '@', ':'.repeat(200_000), 'f:'.repeat(100_000), '姓名：'.repeat(50_000), '地址：1'.repeat(40_000),
      '１－'.repeat(100_000), '+86 '.repeat(50_000), 'x'.repeat(300_000), '\u0000\uffff\ud800'.repeat(50_000),
    ];
    for (const c of cases) timed(() => detect(c), 2500);
  });

  it('a gigantic line of binary noise streams without error', async () => {
    const bytes = Buffer.alloc(3_000_000);
    let x = 12345;
    for (let i = 0; i < bytes.length; i++) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      bytes[i] = x >> 16;
    }
    let n = 0;
    const t0 = performance.now();
    for await (const f of scanStream(Readable.from([bytes.subarray(0, 1_000_001), bytes.subarray(1_000_001)]))) {
      expect(f.byteEnd).toBeLessThanOrEqual(bytes.length);
      n++;
    }
    expect(n).toBeGreaterThanOrEqual(0);
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});
