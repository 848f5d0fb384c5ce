import { describe, expect, it } from 'vitest';
import { INVALID_CONSENT_ACTIONS, invalidConsentRules, requiredConsentKind } from './index.ts';
import { baseRegistry } from './law.fixture.ts';

describe('requiredConsentKind', () => {
  it('needs nothing for a contract purpose and general consent for a plain consent purpose', () => {
    const reg = baseRegistry();
    expect(requiredConsentKind(reg, 'account', ['pipl', 'pipa', 'gdpr'])).toEqual({ kind: 'none', guardian: false, rules: [] });
    reg.purposes.find((p) => p.id === 'account')!.legalBasis = 'consent';
    expect(requiredConsentKind(reg, 'account', ['gdpr'])).toMatchObject({ kind: 'general', rules: ['GDPR-7-1'] });
  });
  it('asks separate consent for PIPL sensitive PI and face data, explicit for GDPR special categories', () => {
    const reg = baseRegistry();
    expect(requiredConsentKind(reg, 'face-login', ['pipl'])).toMatchObject({ kind: 'separate', rules: ['PIPL-29-1', 'CN-FRT-1'] });
    expect(requiredConsentKind(reg, 'face-login', ['gdpr'])).toMatchObject({ kind: 'explicit', rules: ['GDPR-9-1'] });
    expect(requiredConsentKind(reg, 'face-login', ['pipl', 'gdpr']).kind).toBe('separate');
  });
  it('asks separate consent for provision to an affiliate and for export under PIPL, whatever the basis', () => {
    const reg = baseRegistry();
    expect(requiredConsentKind(reg, 'newsletter', ['pipl'], { recipientId: 'affiliate-kr' }).rules).toEqual(['PIPL-23-1', 'PIPL-39-1']);
    expect(requiredConsentKind(reg, 'identity', ['pipl'], { recipientId: 'id-verifier' })).toMatchObject({ kind: 'separate', rules: ['PIPL-39-1'] });
    expect(requiredConsentKind(reg, 'account', ['pipl'], { crossBorder: true })).toMatchObject({ kind: 'separate', rules: ['PIPL-39-1'] });
    reg.recipients[1].kind = 'public';
    expect(requiredConsentKind(reg, 'newsletter', ['pipl'], { recipientId: 'affiliate-kr', crossBorder: false }).rules).toEqual(['PIPL-25-1']);
  });
  it('asks separate items under PIPA for sensitive, unique ids, marketing and third-party provision', () => {
    const reg = baseRegistry();
    expect(requiredConsentKind(reg, 'face-login', ['pipa']).rules).toEqual(['PIPA-23-1']);
    expect(requiredConsentKind(reg, 'identity', ['pipa']).rules).toEqual(['PIPA-24-1']);
    expect(requiredConsentKind(reg, 'newsletter', ['pipa']).rules).toEqual(['PIPA-22-1']);
    expect(requiredConsentKind(reg, 'newsletter', ['pipa'], { recipientId: 'affiliate-kr' }).rules).toContain('PIPA-17-1');
    reg.categories.find((c) => c.id === 'passport')!.statute = { en: 'Passport Act', 'zh-Hans': '护照法' };
    expect(requiredConsentKind(reg, 'identity', ['pipa']).kind).toBe('general');
    expect(requiredConsentKind(reg, 'identity', ['pipa'], { recipientId: 'id-verifier' }).rules).toEqual(['PIPA-28.8-1']);
  });
  it('needs a guardian under 14 in PIPL and PIPA and under organization.childAge (default 16) in GDPR', () => {
    const reg = baseRegistry();
    expect(requiredConsentKind(reg, 'newsletter', ['pipl'], { subjectAge: 13 })).toMatchObject({ kind: 'separate', guardian: true });
    expect(requiredConsentKind(reg, 'newsletter', ['pipl'], { subjectAge: 14 }).guardian).toBe(false);
    expect(requiredConsentKind(reg, 'newsletter', ['pipa'], { subjectAge: 13 }).rules).toContain('PIPA-22.2-1');
    expect(requiredConsentKind(reg, 'newsletter', ['gdpr'], { subjectAge: 15 })).toMatchObject({ guardian: true, rules: ['GDPR-8-1'] });
    reg.organization.childAge = 13;
    expect(requiredConsentKind(reg, 'newsletter', ['gdpr'], { subjectAge: 15 }).guardian).toBe(false);
    expect(requiredConsentKind(reg, 'account', ['gdpr'], { subjectAge: 10 }).guardian).toBe(false);
  });
  it('rejects unknown purposes and recipients', () => {
    const reg = baseRegistry();
    expect(() => requiredConsentKind(reg, 'nope', ['pipl'])).toThrow(/unknown purpose/);
    expect(() => requiredConsentKind(reg, 'account', ['pipl'], { recipientId: 'nope' })).toThrow(/unknown recipient/);
    expect(() => requiredConsentKind(reg, 'account', ['pipl'], { recipientId: 'id-verifier' })).toThrow(/does not receive/);
  });
});

describe('INVALID_CONSENT_ACTIONS', () => {
  it('lists the four actions with the rules that refuse them', () => {
    expect(Object.keys(INVALID_CONSENT_ACTIONS).sort()).toEqual(['bundled-with-terms', 'continued-use', 'pre-ticked', 'silence']);
    for (const rules of Object.values(INVALID_CONSENT_ACTIONS)) expect(rules).toEqual(expect.arrayContaining(['PIPL-14-1', 'PIPA-ED17-1', 'GDPR-7-1']));
    expect(invalidConsentRules('button')).toEqual([]);
    expect(invalidConsentRules('silence')).toContain('GDPR-7-1');
  });
});
