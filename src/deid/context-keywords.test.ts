import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FAMILY_BIT, KEYWORDS, keywordFlags } from './context-keywords.ts';

// The specification: lower-case the span, then one longest-first alternation, tried at every position.
const ALL = [...new Set(Object.values(KEYWORDS).flat())];
const SPEC = new RegExp(ALL.sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\=]/g, '\\$&')).join('|'), 'g');
function bySpec(s: string): number {
  const lower = s.toLowerCase();
  let flags = 0;
  SPEC.lastIndex = 0;
  for (let m = SPEC.exec(lower); m; m = SPEC.exec(lower)) {
    for (const [f, words] of Object.entries(KEYWORDS)) if ((words as readonly string[]).includes(m[0])) flags |= FAMILY_BIT[f as keyof typeof KEYWORDS];
    SPEC.lastIndex = m.index + 1;
  }
  return flags;
}

const PIECES = [...ALL, ...ALL.map((w) => w.toUpperCase()), 'ID CARD', 'H\u212AID', 'IME\u0130', '\u0130', 'I', 'd', ' ', '-', '1', '号', '사업', 'x'];

describe('keywordFlags', () => {
  it('matches lower-cased, overlapping and longest-first like the regex it replaced', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((a) => a.join('')), (s) => {
      expect(keywordFlags(`前${s}后`, 1, s.length + 1)).toBe(bySpec(s));
    }), { numRuns: 5000 });
  });

  it('sees the Kelvin sign as k and İ as i', () => {
    expect(keywordFlags('H\u212AID', 0, 4)).toBe(FAMILY_BIT.hkid);
    expect(keywordFlags('IME\u0130', 0, 4)).toBe(FAMILY_BIT.imei);
  });
});
