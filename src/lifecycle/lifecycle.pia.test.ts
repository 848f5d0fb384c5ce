import { describe, expect, it } from 'vitest';
import { buildPia } from './lifecycle.pia.ts';
import { purposesNeedingAssessment } from './lifecycle.pia-triggers.ts';
import { example } from './lifecycle.testing.ts';

describe('buildPia', () => {
  it('003 face-login: the sensitive trigger, on file, high risk, kept three years', () => {
    const pia = buildPia(example('003-online-shop.live'), 'face-login');
    expect(pia.triggers).toEqual([{ kind: 'sensitive', rule: 'PIPL-55-1', subjects: ['face'] }]);
    expect(pia).toMatchObject({ needed: true, onFile: true, riskLevel: 'high', keepYears: 3, keepUntil: '2029-02-10' });
    expect(pia.categories[0]).toMatchObject({ id: 'face', sensitiveUnder: ['pipl'], encryptedAtRest: true });
    expect(pia.risks.map((r) => r.kind)).toEqual(['sensitive', 'minors']);
    expect(pia.sections.lawfulness.every((p) => p.ok)).toBe(true);
    expect(pia.sections.adequacy.every((p) => p.ok)).toBe(true);
    expect(pia.measures.filter((m) => m.source === 'security')).toHaveLength(7);
    expect(pia.measures.some((m) => m.source === 'encryption' && m.subject === 'face')).toBe(true);
    expect(pia.measures.some((m) => m.source === 'separate-consent')).toBe(true);
  });

  it('flags what the assessor must look at when the registry lacks it', () => {
    const reg = example('003-online-shop.live');
    const face = reg.purposes.find((p) => p.id === 'face-login')!;
    face.consentMechanism = 'general';
    face.assessment = undefined;
    const cat = reg.categories.find((c) => c.id === 'face')!;
    cat.encryptedAtRest = false;
    cat.necessity = undefined;
    const pia = buildPia(reg, 'face-login');
    expect(pia.onFile).toBe(false);
    const bad = (list: { code: string; ok: boolean }[]) => list.filter((p) => !p.ok).map((p) => p.code);
    expect(bad(pia.sections.lawfulness)).toEqual(['separate-consent', 'necessity']);
    expect(bad(pia.sections.adequacy)).toEqual(['encryption']);
  });

  it('001 parent-company sharing: provision and export with the standard contract as safeguard', () => {
    const pia = buildPia(example('001-cybozu-shanghai.live'), 'parent-company-sharing');
    expect(pia.triggers.map((t) => t.kind)).toEqual(['provision', 'export']);
    expect(pia.transfers.map((t) => [t.id, t.mechanism?.type])).toEqual([['parent-company-jp', 'standard-contract']]);
    expect(pia.risks.map((r) => r.kind)).toEqual(['cross-border']);
    expect(pia.riskLevel).toBe('medium');
  });

  it('000 credit decision: ADM under GDPR 35 with human review', () => {
    const pia = buildPia(example('000-broker.live'), 'credit-decision');
    expect(pia.triggers.map((t) => [t.kind, t.rule])).toEqual([['significant-profiling', 'GDPR-35-1']]);
    expect(pia.sections.adequacy.find((p) => p.code === 'human-review')?.ok).toBe(true);
    expect(() => buildPia(example('000-broker.live'), 'nope')).toThrow(RangeError);
  });
});

describe('purposesNeedingAssessment', () => {
  it('lists each triggered purpose with its on-file status', () => {
    const needs = purposesNeedingAssessment(example('003-online-shop.live'));
    expect(needs.map((n) => n.purpose)).toContain('face-login');
    expect(needs.every((n) => n.onFile)).toBe(true);
    const reg = example('003-online-shop.live');
    reg.purposes.find((p) => p.id === 'reviews')!.assessment = undefined;
    expect(purposesNeedingAssessment(reg).find((n) => n.purpose === 'reviews')).toMatchObject({ onFile: false, triggers: [{ kind: 'publication', subjects: ['other-users'] }] });
    // PIPL 55 does not apply to a PIPA-only controller.
    expect(purposesNeedingAssessment(example('004-kr-marketplace.live'))).toEqual([]);
  });
});
