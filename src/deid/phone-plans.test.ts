import { describe, expect, it } from 'vitest';
import type { CountryCode } from 'libphonenumber-js/max';
import { phoneType } from './phone-plans.ts';
import { phoneInfo } from './phones.ts';

const CC: Record<string, string> = { CN: '86', KR: '82', HK: '852', MO: '853', TW: '886' };

// a cheap deterministic generator: the same inputs on every run
function* numbers(): Generator<string> {
  let x = 12345;
  const rnd = (n: number) => ((x = (x * 1103515245 + 12345) % 2147483648), x % n);
  for (let p = 0; p < 1000; p++) {
    const prefix = String(p).padStart(3, '0');
    for (let len = 6; len <= 13; len++) {
      let s = prefix;
      while (s.length < len) s += rnd(10);
      yield s.slice(0, len);
    }
  }
}

describe('phoneType', () => {
  it('agrees with libphonenumber for international and domestic digits of every detected region', () => {
    const seen: Record<string, number> = {};
    for (const region of Object.keys(CC) as CountryCode[]) {
      for (const d of numbers()) {
        for (const value of [d, `0${d}`]) {
          const want = phoneInfo(`+${CC[region]}${value}`, region)?.type;
          expect([region, value, phoneType(region, value, true)]).toEqual([region, value, want]);
          const wantNational = phoneInfo(value, region)?.type;
          expect([region, value, phoneType(region, value, false)]).toEqual([region, value, wantNational]);
          if (want) seen[`${region}:${want}`] = (seen[`${region}:${want}`] ?? 0) + 1;
        }
      }
    }
    // the sample reaches the valid branches, not only rejections
    for (const k of ['CN:fixed', 'CN:mobile', 'KR:fixed', 'KR:mobile', 'HK:mobile', 'MO:fixed', 'TW:mobile']) expect(seen[k]).toBeGreaterThan(10);
  }, 60_000);
});
