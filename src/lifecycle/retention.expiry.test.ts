import { describe, expect, it } from 'vitest';
import { addIsoDuration, parseIsoDuration } from './retention.duration.ts';
import { expiryFor } from './retention.expiry.ts';
import { example } from './lifecycle.testing.ts';

const at = (s: string) => addIsoDuration(new Date(s), 'PT0S').toISOString();
const add = (s: string, d: string) => addIsoDuration(new Date(s), d).toISOString();
const NOW = '2026-06-01T00:00:00.000Z';

describe('ISO 8601 durations with calendar arithmetic', () => {
  it('parses every part and refuses what is not a duration', () => {
    expect(parseIsoDuration('P1Y6M2W3DT4H5M6S')).toEqual({ years: 1, months: 6, weeks: 2, days: 3, hours: 4, minutes: 5, seconds: 6 });
    expect(() => parseIsoDuration('3 years')).toThrow(RangeError);
    expect(() => parseIsoDuration('P')).toThrow(RangeError);
  });
  it('clamps month ends and counts hours exactly', () => {
    expect(add('2026-01-31T08:00:00Z', 'P1M')).toBe('2026-02-28T08:00:00.000Z');
    expect(add('2028-01-31T08:00:00Z', 'P1M')).toBe('2028-02-29T08:00:00.000Z');
    expect(add('2028-02-29T00:00:00Z', 'P1Y')).toBe('2029-02-28T00:00:00.000Z');
    expect(add('2026-08-31T00:00:00Z', 'P6M')).toBe('2027-02-28T00:00:00.000Z');
    expect(add('2026-03-01T10:00:00Z', 'P30D')).toBe('2026-03-31T10:00:00.000Z');
    expect(add('2026-12-30T22:00:00Z', 'PT72H')).toBe('2027-01-02T22:00:00.000Z');
    expect(add('2026-05-10T00:00:00Z', 'P3Y')).toBe('2029-05-10T00:00:00.000Z');
    expect(add('2026-01-31T00:00:00Z', 'P1M1D')).toBe('2026-03-01T00:00:00.000Z');
    expect(at('2026-01-01T00:00:00Z')).toBe('2026-01-01T00:00:00.000Z');
  });
});

describe('expiryFor', () => {
  it('000: CCTV footage expires 30 days after it is recorded (scenario 000 step 5)', () => {
    const reg = example('000-broker.live');
    const value = { purposes: ['cctv'], category: 'cctv-footage', collectedAt: '2026-03-01T10:00:00Z' };
    const before = expiryFor(reg, value, '2026-03-31T09:59:59Z');
    expect(before).toMatchObject({ expiresAt: '2026-03-31T10:00:00.000Z', reason: 'duration', purpose: 'cctv', expired: false });
    expect(expiryFor(reg, value, '2026-03-31T10:00:00Z').expired).toBe(true);
  });

  it('001: data is deleted once the period of its purpose is over, and a value of two purposes lives as long as the longer', () => {
    const reg = example('001-cybozu-shanghai.live');
    const seminar = { purposes: ['seminar'], category: 'email', collectedAt: '2025-02-28T03:00:00Z' };
    expect(expiryFor(reg, seminar, NOW)).toMatchObject({ expiresAt: '2026-02-28T03:00:00.000Z', expired: true });
    const both = { ...seminar, purposes: ['seminar', 'product-analytics'], category: 'company-name' };
    expect(expiryFor(reg, both, NOW)).toMatchObject({ expiresAt: '2027-02-28T03:00:00.000Z', purpose: 'product-analytics', expired: false });
    // Mailing: "deleted three months after delivery" (until purpose-fulfilled + P3M), with month-end clamping.
    const mailing = { purposes: ['mailing'], category: 'address', collectedAt: '2026-10-01T00:00:00Z' };
    expect(expiryFor(reg, mailing, NOW)).toMatchObject({ expiresAt: null, reason: 'open-ended', purpose: 'mailing' });
    expect(expiryFor(reg, { ...mailing, purposeFulfilledAt: '2026-11-30T00:00:00Z' }, NOW).expiresAt).toBe('2027-02-28T00:00:00.000Z');
    // Service provision: until the contract ends, plus one year.
    const contract = { purposes: ['service-provision'], category: 'customer-number', collectedAt: '2024-01-01T00:00:00Z' };
    expect(expiryFor(reg, contract, NOW)).toMatchObject({ expiresAt: null, reason: 'awaiting-event' });
    expect(expiryFor(reg, { ...contract, contractEndedAt: '2025-05-31T00:00:00Z' }, NOW)).toMatchObject({ expiresAt: '2026-05-31T00:00:00.000Z', reason: 'after-event', expired: true });
  });

  it('account closure plus grace, and a pending event keeps a value of two purposes', () => {
    const reg = example('000-broker.live');
    const v = { purposes: ['account', 'webinar'], category: 'email', collectedAt: '2026-01-15T00:00:00Z' };
    expect(expiryFor(reg, v, NOW)).toMatchObject({ expiresAt: null, reason: 'awaiting-event', purpose: 'account' });
    const closed = expiryFor(reg, { ...v, accountClosedAt: '2026-02-01T00:00:00Z' }, NOW);
    // account: closed + P90D = 2 May; webinar: collected + P1Y = 15 Jan 2027; the longer wins.
    expect(closed).toMatchObject({ expiresAt: '2027-01-15T00:00:00.000Z', purpose: 'webinar' });
    expect(closed.perPurpose.find((p) => p.purpose === 'account')?.expiresAt).toBe('2026-05-02T00:00:00.000Z');
  });

  it('last use restarts the clock; a duration beside an until-trigger is a ceiling', () => {
    const reg = example('004-kr-marketplace.live');
    const v = { purposes: ['recommendation'], category: 'search-keywords', collectedAt: '2025-01-01T00:00:00Z', lastUsedAt: '2026-04-30T00:00:00Z' };
    expect(expiryFor(reg, v, NOW)).toMatchObject({ expiresAt: '2027-04-30T00:00:00.000Z', reason: 'capped' });
    expect(expiryFor(reg, { ...v, consentWithdrawnAt: '2026-05-10T00:00:00Z' }, NOW)).toMatchObject({ expiresAt: '2026-05-10T00:00:00.000Z', reason: 'after-event', expired: true });
    const marketing = { purposes: ['marketing-email'], category: 'email', collectedAt: '2020-01-01T00:00:00Z', lastUsedAt: '2026-01-31T00:00:00Z' };
    expect(expiryFor(example('000-broker.live'), marketing, NOW).expiresAt).toBe('2028-01-31T00:00:00.000Z');
  });

  it('gives null with a reason when nothing can be computed', () => {
    const reg = example('000-broker.live');
    const base = { category: 'name', collectedAt: '2026-01-01T00:00:00Z' };
    expect(expiryFor(reg, { ...base, purposes: [] }, NOW)).toMatchObject({ expiresAt: null, reason: 'no-purpose', purpose: null });
    expect(expiryFor(reg, { ...base, purposes: ['nope'] }, NOW)).toMatchObject({ expiresAt: null, reason: 'unknown-purpose' });
    expect(expiryFor(reg, { ...base, purposes: ['cctv'] }, NOW)).toMatchObject({ expiresAt: null, reason: 'category-not-in-purpose' });
    // An undeclared purpose does not extend the life given by a declared one.
    expect(expiryFor(reg, { ...base, purposes: ['visitor-registration', 'nope'] }, NOW).expiresAt).toBe('2026-04-01T00:00:00.000Z');
    const noRetention = example('000-broker.live');
    noRetention.purposes.find((p) => p.id === 'webinar')!.retention = undefined;
    expect(expiryFor(noRetention, { ...base, purposes: ['webinar'] }, NOW)).toMatchObject({ expiresAt: null, reason: 'no-retention' });
    const ruleOnly = example('000-broker.live');
    ruleOnly.purposes.find((p) => p.id === 'webinar')!.retention = { from: 'collection', rule: { en: 'as the law says' } };
    expect(expiryFor(ruleOnly, { ...base, purposes: ['webinar'] }, NOW)).toMatchObject({ expiresAt: null, reason: 'rule-only' });
    expect(() => expiryFor(reg, { ...base, purposes: ['webinar'], collectedAt: 'yesterday' }, NOW)).toThrow(RangeError);
  });
});
