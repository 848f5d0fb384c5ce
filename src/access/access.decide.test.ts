import { describe, expect, it } from 'vitest';
import { compilePolicy, decide, MARKETING_OBJECTION } from './index.ts';
import { ACCESS_OPTIONS, ACTORS, accessRegistry, request, subject } from './access.fixture.ts';

const policy = compilePolicy(accessRegistry(), ACCESS_OPTIONS);
const ask = (...args: Parameters<typeof request>) => decide(policy, request(...args));

describe('decide: purpose, categories and subject role', () => {
  it('allows a declared purpose, category and role', () => {
    expect(ask('order', ['name', 'address'])).toMatchObject({ effect: 'allow-full', rule: 'ALLOW' });
  });
  it('denies an undeclared purpose without echoing it', () => {
    const d = ask('secret-purpose', ['name']);
    expect(d).toMatchObject({ effect: 'deny', rule: 'PURPOSE_NOT_DECLARED' });
    expect(d.reason).not.toContain('secret-purpose');
  });
  it('denies a category the purpose does not use, naming declared ids only', () => {
    expect(ask('order', ['name', 'face'])).toMatchObject({ effect: 'deny', rule: 'CATEGORY_NOT_IN_PURPOSE', reason: 'Category face is not used by purpose order.' });
    const unknown = ask('order', ['13800138000']);
    expect(unknown.rule).toBe('CATEGORY_NOT_IN_PURPOSE');
    expect(unknown.reason).not.toContain('13800138000');
  });
  it('denies an empty category list', () => {
    expect(ask('order', [])).toMatchObject({ effect: 'deny', rule: 'NO_CATEGORIES' });
  });
  it('denies a subject role the purpose does not cover, and allows every declared role when roles are absent', () => {
    expect(ask('customer-service', ['name'], { subject: subject({ role: 'consignee' }) }).rule).toBe('ROLE_NOT_IN_PURPOSE');
    expect(ask('order', ['name'], { subject: subject({ role: 'consignee' }) }).rule).toBe('ALLOW');
    expect(ask('courier-label', ['name'], { subject: subject({ role: 'consignee' }) }).rule).toBe('ALLOW');
    expect(ask('courier-label', ['name'], { subject: subject({ role: 'visitor' }) }).rule).toBe('ROLE_NOT_IN_PURPOSE');
  });
});

describe('decide: actors', () => {
  it('lets a service account read only for the purposes its key is bound to', () => {
    expect(ask('newsletter', ['email'], { actor: ACTORS.mailer }).rule).toBe('ALLOW');
    expect(ask('order', ['name'], { actor: ACTORS.mailer, subject: subject({ regimes: ['pipl'] }) })).toMatchObject({ effect: 'deny', rule: 'ACTOR_PURPOSE_NOT_BOUND', law: ['PIPL-51-1'] });
  });
  it('treats a staff principal with the service role as bound to its purposes', () => {
    expect(ask('order', ['name'], { actor: { kind: 'staff', role: 'service', purposes: [] } }).rule).toBe('ACTOR_PURPOSE_NOT_BOUND');
  });
  it('keeps agents to their department purposes', () => {
    expect(ask('customer-service', ['name'], { actor: ACTORS.support }).rule).toBe('ALLOW');
    expect(ask('courier-label', ['name'], { actor: ACTORS.support }).rule).toBe('ACTOR_PURPOSE_NOT_BOUND');
    expect(ask('courier-label', ['name'], { actor: ACTORS.logistics }).rule).toBe('ALLOW');
    expect(ask('customer-service', ['name'], { actor: ACTORS.logistics }).rule).toBe('ACTOR_PURPOSE_NOT_BOUND');
    expect(ask('order', ['name'], { actor: { kind: 'staff', role: 'agent', purposes: ['order'] } }).rule).toBe('ACTOR_PURPOSE_NOT_BOUND');
    expect(ask('order', ['name'], { actor: { kind: 'staff', role: 'agent', department: 'sales', purposes: [] } }).rule).toBe('ACTOR_PURPOSE_NOT_BOUND');
  });
  it('lets admins and privacy officers use every purpose and refuses auditors data reads', () => {
    for (const p of ['order', 'fraud', 'courier-label']) {
      expect(ask(p, ['phone'], { actor: ACTORS.admin }).effect).not.toBe('deny');
      expect(ask(p, ['phone'], { actor: ACTORS.officer }).effect).not.toBe('deny');
      expect(ask(p, ['phone'], { actor: ACTORS.auditor })).toMatchObject({ effect: 'deny', rule: 'ACTOR_ROLE_DENIED' });
    }
  });
});

describe('decide: masking', () => {
  it('gives customer-service agents masked phone and ID numbers and full plain categories', () => {
    const d = ask('customer-service', ['name', 'phone', 'id-number', 'order-number'], { actor: ACTORS.support });
    expect(d).toMatchObject({ effect: 'allow-masked', rule: 'ALLOW_MASKED_ROLE' });
    expect(d.perCategory).toMatchObject({ name: 'allow-full', phone: 'allow-masked', 'id-number': 'allow-masked', 'order-number': 'allow-full', email: 'allow-masked' });
    expect(ask('customer-service', ['phone'], { actor: ACTORS.support })).toMatchObject({ effect: 'allow-masked', rule: 'ALLOW_MASKED_ROLE' });
    expect(ask('customer-service', ['phone'], { actor: ACTORS.support }).perCategory).toBeUndefined();
    expect(ask('customer-service', ['name', 'order-number'], { actor: ACTORS.support })).toMatchObject({ effect: 'allow-full', rule: 'ALLOW' });
  });
  it('gives admins and services full values', () => {
    expect(ask('customer-service', ['phone', 'id-number']).effect).toBe('allow-full');
    expect(ask('order', ['phone'], { actor: ACTORS.orderService }).effect).toBe('allow-full');
  });
  it('masks purposes[].masked categories for every actor', () => {
    expect(ask('courier-label', ['phone'])).toMatchObject({ effect: 'allow-masked', rule: 'ALLOW_MASKED_PURPOSE' });
    const mixed = ask('courier-label', ['name', 'phone']);
    expect(mixed).toMatchObject({ effect: 'allow-masked', rule: 'ALLOW_MASKED_PURPOSE' });
    expect(mixed.perCategory).toMatchObject({ name: 'allow-full', phone: 'allow-masked' });
    expect(ask('courier-label', ['name', 'phone'], { actor: ACTORS.logistics }).perCategory).toMatchObject({ name: 'allow-full', phone: 'allow-masked' });
  });
});

describe('decide: legal basis', () => {
  it('denies consent-based purposes without a current consent', () => {
    expect(ask('newsletter', ['email'], { subject: subject({}, { newsletter: 'absent' }) })).toMatchObject({ effect: 'deny', rule: 'CONSENT_ABSENT' });
    expect(ask('newsletter', ['email'], { subject: subject({ consents: new Map() }) }).rule).toBe('CONSENT_ABSENT');
    expect(ask('newsletter', ['email'], { subject: subject({}, { newsletter: 'stale' }) })).toMatchObject({ effect: 'deny', rule: 'CONSENT_STALE' });
    expect(ask('newsletter', ['email'], { subject: subject({ regimes: ['pipl'] }, { newsletter: 'stale' }) }).law).toEqual(['PIPL-14-2']);
  });
  it('accepts a consent function and does not ask consent for contract purposes', () => {
    expect(ask('newsletter', ['email'], { subject: subject({ consents: () => 'granted' }) }).rule).toBe('ALLOW');
    expect(ask('newsletter', ['email'], { subject: subject({ consents: () => 'absent' }) }).rule).toBe('CONSENT_ABSENT');
    expect(ask('order', ['name'], { subject: subject({ consents: new Map() }) }).rule).toBe('ALLOW');
  });
  it('cites the consent rules the law pillar requires, guardians included', () => {
    const face = (over: Parameters<typeof subject>[0]) => ask('face-login', ['face'], { subject: subject(over, { 'face-login': 'absent' }) }).law;
    expect(face({ regimes: ['pipl'] })).toContain('PIPL-29-1');
    expect(face({ regimes: ['pipl'], age: 12 })).toContain('PIPL-31-1');
    expect(face({ regimes: ['gdpr'] })).toContain('GDPR-9-1');
    expect(face({ regimes: ['gdpr'], age: 15 })).toContain('GDPR-8-1');
    expect(face({ regimes: ['gdpr'], age: 30 })).not.toContain('GDPR-8-1');
  });
  it('denies legitimate interests for PIPL subjects, who have no such ground', () => {
    expect(ask('fraud', ['phone'], { subject: subject({ regimes: ['pipl'] }) })).toMatchObject({ rule: 'BASIS_NOT_AVAILABLE', law: ['PIPL-13-1'] });
    expect(ask('fraud', ['phone'], { subject: subject({ regimes: ['gdpr'] }) }).rule).toBe('ALLOW');
  });
  it('honours an objection to a legitimate-interests purpose and not to a contract one', () => {
    expect(ask('fraud', ['phone'], { subject: subject({ objections: ['fraud'] }) })).toMatchObject({ rule: 'OBJECTION_RECORDED', law: ['GDPR-21-1'] });
    expect(ask('fraud', ['phone'], { subject: subject({ objections: ['newsletter'] }) }).rule).toBe('ALLOW');
    expect(ask('order', ['name'], { subject: subject({ objections: ['order'] }) }).rule).toBe('ALLOW');
  });
  it('denies marketing after a marketing objection, whatever the basis', () => {
    for (const objections of [[MARKETING_OBJECTION], ['newsletter']]) {
      expect(ask('newsletter', ['email'], { subject: subject({ objections }) })).toMatchObject({ rule: 'OBJECTION_RECORDED', law: ['GDPR-21-2'] });
    }
    expect(ask('promo-li', ['email'], { subject: subject({ objections: [MARKETING_OBJECTION] }) }).law).toEqual(['GDPR-21-2']);
    expect(ask('fraud', ['phone'], { subject: subject({ objections: [MARKETING_OBJECTION] }) }).rule).toBe('ALLOW');
  });
  it('denies purposes whose linked device permission is off', () => {
    expect(ask('nearby', ['location'], { subject: subject({ permissionsOff: ['gps'] }) })).toMatchObject({ effect: 'deny', rule: 'PERMISSION_OFF' });
    expect(ask('nearby', ['location'], { subject: subject({ permissionsOff: ['camera'] }) }).rule).toBe('ALLOW');
    expect(ask('order', ['name'], { subject: subject({ permissionsOff: ['gps'] }) }).rule).toBe('ALLOW');
  });
});

describe('decide: restriction and operations', () => {
  const restricted = subject({ restricted: true, regimes: ['pipl'] }, { newsletter: 'absent' });
  it('allows only storage and security operations on a restricted subject', () => {
    expect(ask('order', ['name'], { subject: restricted })).toMatchObject({ effect: 'deny', rule: 'RESTRICTED', law: ['PIPL-47-2'] });
    expect(ask('order', ['name'], { subject: restricted, operation: 'read' }).rule).toBe('RESTRICTED');
    expect(ask('order', ['name'], { subject: restricted, operation: 'storage' }).rule).toBe('ALLOW');
    expect(ask('newsletter', ['email'], { subject: restricted, operation: 'security' }).rule).toBe('ALLOW');
    expect(ask('order', ['name'], { subject: subject({ restricted: false }) }).rule).toBe('ALLOW');
  });
  it('still checks actor and purpose for storage operations, and denies unknown operations', () => {
    expect(ask('order', ['name'], { subject: restricted, operation: 'storage', actor: ACTORS.auditor }).rule).toBe('ACTOR_ROLE_DENIED');
    expect(ask('order', ['face'], { subject: restricted, operation: 'storage' }).rule).toBe('CATEGORY_NOT_IN_PURPOSE');
    expect(ask('order', ['name'], { operation: 'export' as never }).rule).toBe('OPERATION_UNKNOWN');
  });
});

describe('decide: decisions are shared and frozen', () => {
  it('returns the same frozen object for the same outcome', () => {
    const a = ask('order', ['name']);
    expect(ask('order', ['address', 'phone'])).toBe(a);
    expect(Object.isFrozen(a) && Object.isFrozen(a.law)).toBe(true);
    const m = ask('customer-service', ['name', 'phone'], { actor: ACTORS.support });
    expect(Object.isFrozen(m.perCategory)).toBe(true);
    expect(m.perCategory?.['constructor']).toBeUndefined();
  });
  it('ignores regime strings it does not know', () => {
    expect(ask('fraud', ['phone'], { subject: subject({ regimes: ['toString' as never, 'gdpr'] }) }).rule).toBe('ALLOW');
  });
  it('cites every regime when the subject names none', () => {
    expect(ask('newsletter', ['email'], { subject: subject({ regimes: [] }, { newsletter: 'stale' }) }).law).toEqual(['PIPL-14-2', 'PIPA-18-1', 'GDPR-7-1']);
  });
});
