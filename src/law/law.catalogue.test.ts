import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../registry/index.ts';
import { CATALOGUE, ruleById, rulesOf } from './index.ts';

describe('catalogue', () => {
  it('holds the 99 rules of rules.md: CN 40, KR 32, EU 27, with unique ids', () => {
    expect(CATALOGUE).toHaveLength(99);
    expect(new Set(CATALOGUE.map((r) => r.id)).size).toBe(99);
    expect([rulesOf('pipl').length, rulesOf('pipa').length, rulesOf('gdpr').length]).toEqual([40, 32, 27]);
    expect(ruleById('PIPA-ED17-1')?.regime).toBe('pipa');
  });
  it('gives every checkable rule a title in all four languages, and every rule an enforcing pillar', () => {
    for (const r of CATALOGUE) {
      expect(r.enforcedBy.length, r.id).toBeGreaterThan(0);
      if (r.check) for (const l of LANGUAGES) expect(r.title?.[l], `${r.id} ${l}`).toBeTruthy();
      if (r.check) expect(r.enforcedBy, r.id).toContain('lint');
    }
    expect(CATALOGUE.filter((r) => r.check).length).toBeGreaterThanOrEqual(60);
  });
});
