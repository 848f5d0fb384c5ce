import { describe, expect, it } from 'vitest';
import { addDuration, copyFee, extendDeadline, feePeriodStart, isOverdue, requestDeadline } from './rights.deadline.ts';

const at = (s: string) => new Date(s);

describe('request deadlines (law.dueDate per type)', () => {
  it('gives KR 10 calendar days from the day after receipt, ending at the local day end', () => {
    const d = requestDeadline('access', ['pipa'], at('2026-03-02T03:00:00Z'));
    expect(d).toMatchObject({ regime: 'pipa', rule: 'PIPA-35-1' });
    expect(d.due).toBe('2026-03-12T14:59:59.999Z'); // 23:59:59.999 KST on 12 March
  });

  it('gives the GDPR one month, clamped to the month end', () => {
    expect(requestDeadline('erase', ['gdpr'], at('2026-01-31T10:00:00Z')).due).toBe('2026-02-28T23:59:59.999Z');
  });

  it('picks the earliest deadline when several regimes apply', () => {
    const d = requestDeadline('access', ['gdpr', 'pipa', 'pipl'], at('2026-03-02T03:00:00Z'));
    expect(d.regime).toBe('pipa');
    expect(d.all.map((x) => x.regime).sort()).toEqual(['gdpr', 'pipa', 'pipl']);
  });

  it('makes a marketing objection under the GDPR immediate', () => {
    const d = requestDeadline('object', ['gdpr'], at('2026-03-02T03:00:00Z'), { marketing: true });
    expect(d).toMatchObject({ immediate: true, rule: 'GDPR-21-2', due: '2026-03-02T03:00:00.000Z' });
  });

  it('maps a consent scope change to withdrawal (PIPL 15: at once) and closure to 15 PRC working days', () => {
    expect(requestDeadline('consent-scope', ['pipl'], at('2026-03-02T03:00:00Z')).immediate).toBe(true);
    expect(requestDeadline('close-account', ['pipl'], at('2026-03-02T03:00:00Z'))).toMatchObject({ rule: 'GBT-8.5-1' });
  });

  it('honours a shorter configured CN period', () => {
    const d = requestDeadline('access', ['pipl'], at('2026-03-02T03:00:00Z'), { cnDays: 15 });
    expect(d.due).toBe('2026-03-17T15:59:59.999Z');
  });
});

describe('GDPR extension (Art. 12(3))', () => {
  const received = at('2026-03-02T10:00:00Z');
  it('adds two months when recorded within the first month', () => {
    const r = extendDeadline('access', ['gdpr'], received, at('2026-03-20T10:00:00Z'));
    expect(r.ok && r.deadline.due).toBe('2026-06-02T23:59:59.999Z');
    expect(r.ok && r.deadline.extended).toBe(true);
  });
  it('refuses after the first month, outside the GDPR, and when another regime is earlier', () => {
    const late = extendDeadline('access', ['gdpr'], received, at('2026-04-03T00:00:00Z'));
    expect(late).toMatchObject({ ok: false });
    expect(!late.ok && late.reason).toContain('first month');
    expect(extendDeadline('access', ['pipa'], received, at('2026-03-03T00:00:00Z'))).toMatchObject({ ok: false });
    expect(extendDeadline('access', ['gdpr', 'pipa'], received, at('2026-03-03T00:00:00Z'))).toMatchObject({ ok: false });
  });
});

describe('overdue flag with a fake clock', () => {
  it('flags open requests past their due date only', () => {
    const due = '2026-03-12T14:59:59.999Z';
    expect(isOverdue(due, null, at('2026-03-12T14:59:59.000Z'))).toBe(false);
    expect(isOverdue(due, null, at('2026-03-12T15:00:00Z'))).toBe(true);
    expect(isOverdue(due, '2026-03-10T00:00:00Z', at('2026-04-01T00:00:00Z'))).toBe(false);
  });
});

describe('copy fees', () => {
  const fees = { firstCopyFree: true, amount: 10, currency: 'EUR', period: 'P12M' };
  it('makes the first copy free and charges further ones in the period (seed 000)', () => {
    expect(copyFee(fees, 0)).toEqual({ copyNo: 1, amount: 0, currency: 'EUR' });
    expect(copyFee(fees, 1)).toEqual({ copyNo: 2, amount: 10, currency: 'EUR' });
    expect(copyFee(fees, 4)).toEqual({ copyNo: 5, amount: 10, currency: 'EUR' });
  });
  it('charges nothing without an amount, and charges the first copy when it is not free', () => {
    expect(copyFee({ firstCopyFree: true, currency: 'CNY' }, 3)).toEqual({ copyNo: 4, amount: 0, currency: 'CNY' });
    expect(copyFee(undefined, 3).amount).toBe(0);
    expect(copyFee({ ...fees, firstCopyFree: false }, 0).amount).toBe(10);
  });
  it('starts the period one configured duration back', () => {
    expect(feePeriodStart(fees, at('2026-03-31T12:00:00Z')).toISOString()).toBe('2025-03-31T12:00:00.000Z');
    expect(feePeriodStart(undefined, at('2026-03-01T00:00:00Z')).toISOString()).toBe('2025-03-01T00:00:00.000Z');
  });
});

describe('ISO durations', () => {
  it('adds calendar parts with month-end clamping, and time parts', () => {
    expect(addDuration(at('2026-01-31T00:00:00Z'), 'P1M')!.toISOString()).toBe('2026-02-28T00:00:00.000Z');
    expect(addDuration(at('2026-01-01T00:00:00Z'), 'P5Y')!.toISOString()).toBe('2031-01-01T00:00:00.000Z');
    expect(addDuration(at('2026-01-01T00:00:00Z'), 'P90D')!.toISOString()).toBe('2026-04-01T00:00:00.000Z');
    expect(addDuration(at('2026-01-01T00:00:00Z'), 'PT72H')!.toISOString()).toBe('2026-01-04T00:00:00.000Z');
    expect(addDuration(at('2026-01-01T00:00:00Z'), 'forever')).toBeNull();
  });
});
