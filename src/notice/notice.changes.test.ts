import { describe, expect, it } from 'vitest';
import type { Registry } from '../registry/index.ts';
import { classifyChanges, consentScopeHash } from './index.ts';
import { fullRegistry } from './notice.fixture.ts';

const edit = (f: (r: Registry) => void): [Registry, Registry] => {
  const before = fullRegistry();
  const after = structuredClone(before);
  f(after);
  return [before, after];
};
const codes = (before: Registry, after: Registry) => classifyChanges(before, after).map((c) => [c.path, c.code, c.material]);

describe('classifyChanges', () => {
  it('finds nothing between equal versions', () => {
    expect(classifyChanges(fullRegistry(), fullRegistry())).toEqual([]);
  });

  it('treats wording, security additions and version bumps as not material', () => {
    const [a, b] = edit((r) => {
      r.purposes[0].labels.en = 'Your account';
      r.categories[0].labels.ko = '성명';
      r.security.push({ id: 'mfa', labels: { en: 'Two-factor sign-in', 'zh-Hans': '双因素登录', 'zh-Hant': '雙因素登入', ko: '2단계 인증' } });
      r.organization.version = '2.2.0';
      r.organization.effectiveDate = '2026-04-01';
    });
    const out = classifyChanges(a, b);
    expect(out.every((c) => !c.material)).toBe(true);
    expect(out.map((c) => c.code).sort()).toEqual(['LABEL_WORDING', 'LABEL_WORDING', 'SECURITY_ADDED', 'VERSION_BUMP', 'VERSION_BUMP']);
    expect(out.every((c) => c.affects.purposes.length === 0 && c.affects.recipients.length === 0)).toBe(true);
  });

  it('flags a new category on a consent purpose as material and names the consents it makes stale', () => {
    const [a, b] = edit((r) => r.purposes.find((p) => p.id === 'marketing')!.categories.push('address'));
    const [c] = classifyChanges(a, b);
    expect(c).toMatchObject({ path: 'purposes[marketing].categories', op: 'added', after: 'address', material: true, code: 'CATEGORIES_CHANGED' });
    expect(c.reason).toMatch(/categories/);
    expect(c.affects.purposes).toEqual(['marketing']);
    expect(c.affects.recipients).toEqual(['analytics']);
  });

  it('names new sensitive categories, new purposes and new cross-border transfers', () => {
    const [a, b] = edit((r) => {
      r.purposes.find((p) => p.id === 'marketing')!.categories.push('face');
      r.purposes.push({ id: 'surveys', labels: { en: 'Surveys', 'zh-Hans': '问卷', 'zh-Hant': '問卷', ko: '설문' }, categories: ['name'], legalBasis: 'consent', required: false });
      r.recipients.push({ id: 'kr-partner', names: { en: 'KR Partner' }, kind: 'third-party', country: 'KR', purposes: ['surveys'], categories: ['name'] });
    });
    expect(codes(a, b)).toEqual([
      ['purposes[marketing].categories', 'SENSITIVE_CATEGORY_ADDED', true],
      ['purposes[surveys]', 'PURPOSE_ADDED', true],
      ['recipients[kr-partner]', 'CROSS_BORDER_ADDED', true],
    ]);
  });

  it('covers the controller, officer, recipients, rights and method changes of the material-change list', () => {
    const [a, b] = edit((r) => {
      r.organization.names.en = 'Harbor Group plc';
      r.organization.privacyOfficer!.email = 'new-dpo@harbor.example';
      r.recipients = r.recipients.filter((x) => x.id !== 'bureau');
      r.recipients[0].country = 'SG';
      r.rightsChannels[1].rights = ['access'];
      r.purposes[0].method = { en: 'Also printed on labels' };
      r.scenarios[0].purposes.push('marketing');
      r.organization.supervisoryAuthority = { en: 'The regulator' };
    });
    const got = new Map(classifyChanges(a, b).map((c) => [c.code, c]));
    for (const code of ['CONTROLLER_CHANGED', 'OFFICER_CHANGED', 'RECIPIENT_REMOVED', 'RECIPIENT_CHANGED', 'RIGHTS_CHANGED', 'METHOD_CHANGED', 'SCENARIO_CHANGED', 'COMPLAINT_CHANNEL_CHANGED'] as const) {
      expect(got.get(code)?.material, code).toBe(true);
    }
    expect(got.get('RECIPIENT_CHANGED')!.affects.recipients).toEqual(['parent']);
  });

  it('does not count removed trackers or permissions as material', () => {
    const [a, b] = edit((r) => {
      r.trackers = r.trackers.filter((t) => t.class === 'necessary');
      r.permissions = [];
    });
    expect(classifyChanges(a, b).map((c) => [c.code, c.material])).toEqual([['COLLECTION_REDUCED', false], ['COLLECTION_REDUCED', false]]);
  });
});

describe('consentScopeHash', () => {
  it('is stable and ignores label and translation edits', () => {
    const [a, b] = edit((r) => {
      r.purposes.find((p) => p.id === 'marketing')!.labels.en = 'Offers by email';
      r.categories.find((c) => c.id === 'phone')!.labels['zh-Hant'] = '行動電話';
      r.recipients.find((x) => x.id === 'parent')!.names.ko = '하버 홀딩스';
    });
    expect(consentScopeHash(a, 'marketing')).toBe(consentScopeHash(b, 'marketing'));
    expect(consentScopeHash(a, 'account', 'parent')).toBe(consentScopeHash(b, 'account', 'parent'));
    expect(consentScopeHash(a, 'marketing')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes when a category, its sensitivity, the retention, the method or a recipient changes', () => {
    const base = fullRegistry();
    const h = (f: (r: Registry) => void, recipient?: string) => {
      const r = structuredClone(base);
      f(r);
      return consentScopeHash(r, 'account', recipient);
    };
    const original = consentScopeHash(base, 'account');
    expect(h((r) => r.purposes[0].categories.push('device'))).not.toBe(original);
    expect(h((r) => (r.categories.find((c) => c.id === 'phone')!.sensitivity = { pipl: 'sensitive' }))).not.toBe(original);
    expect(h((r) => (r.purposes[0].retention = { duration: 'P2Y', from: 'collection' }))).not.toBe(original);
    expect(h((r) => (r.purposes[0].method = { 'zh-Hans': '人工录入', en: 'Typed in by staff' }))).not.toBe(original);
    expect(h((r) => (r.recipients.find((x) => x.id === 'parent')!.country = 'SG'))).not.toBe(original);
    expect(h((r) => (r.recipients.find((x) => x.id === 'parent')!.contact!.email = 'x@y.example'), 'parent')).not.toBe(consentScopeHash(base, 'account', 'parent'));
    expect(() => consentScopeHash(base, 'nope')).toThrow(RangeError);
  });
});
