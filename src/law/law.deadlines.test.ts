import { describe, expect, it } from 'vitest';
import { addMonths, addWorkingDays, breachDeadlines, dueDate, isWorkingDay, makeCalendar, PRC_CALENDAR } from './index.ts';

describe('calendar', () => {
  it('knows PRC holidays and make-up working days', () => {
    expect(isWorkingDay('2026-02-16')).toBe(false); // Spring Festival
    expect(isWorkingDay('2026-02-14')).toBe(true); // Saturday worked
    expect(isWorkingDay('2025-10-11')).toBe(true);
    expect(isWorkingDay('2026-03-07')).toBe(false); // plain Saturday
    expect(PRC_CALENDAR.provisionalYears.has(2027)).toBe(true);
  });
  it('counts working days from the day after', () => {
    expect(addWorkingDays('2026-03-02', 1)).toBe('2026-03-03');
    // From Fri 2026-02-13: 14 Feb (Saturday worked), 24-27 Feb, 28 Feb (Saturday worked), 2-6 Mar, 9-12 Mar.
    expect(addWorkingDays('2026-02-13', 15)).toBe('2026-03-12');
    const custom = makeCalendar({ 2026: ['2026-03-03'] });
    expect(addWorkingDays('2026-03-02', 1, custom)).toBe('2026-03-04');
  });
  it('adds months with end-of-month clamping', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-03-15', 3)).toBe('2026-06-15');
  });
});

describe('dueDate', () => {
  it('gives KR 10 calendar days from the day after receipt, end of day in KST', () => {
    const r = dueDate('access', ['pipa'], '2026-03-02T01:00:00Z');
    expect(r).toMatchObject({ regime: 'pipa', rule: 'PIPA-35-1', due: '2026-03-12T14:59:59.999Z', immediate: false });
    // 23:30 UTC on 1 March is already 2 March in Seoul.
    expect(dueDate('erase', ['pipa'], '2026-03-01T23:30:00Z').due).toBe('2026-03-12T14:59:59.999Z');
    expect(dueDate('adm-explanation', ['pipa'], '2026-03-02T01:00:00Z').rule).toBe('PIPA-37.2-1');
  });
  it('gives GDPR one month, same date or last day of the month', () => {
    expect(dueDate('access', ['gdpr'], '2026-01-31T10:00:00Z').due).toBe('2026-02-28T23:59:59.999Z');
    expect(dueDate('access', ['gdpr'], '2026-03-15T10:00:00Z').due).toBe('2026-04-15T23:59:59.999Z');
  });
  it('extends GDPR by two months only when recorded within the first month', () => {
    const on = dueDate('access', ['gdpr'], '2026-03-15T10:00:00Z', { extensionRecordedAt: '2026-04-10T00:00:00Z' });
    expect(on).toMatchObject({ due: '2026-06-15T23:59:59.999Z', extended: true });
    const late = dueDate('access', ['gdpr'], '2026-03-15T10:00:00Z', { extensionRecordedAt: '2026-04-16T00:00:00Z' });
    expect(late.due).toBe('2026-04-15T23:59:59.999Z');
    expect(late.extended).toBeUndefined();
  });
  it('gives CN 30 days by default, shorter when configured, never longer', () => {
    expect(dueDate('access', ['pipl'], '2026-03-02T01:00:00Z')).toMatchObject({ due: '2026-04-01T15:59:59.999Z', rule: 'GBT-8.7-1' });
    expect(dueDate('access', ['pipl'], '2026-03-02T01:00:00Z', { cnDays: 15 }).due).toBe('2026-03-17T15:59:59.999Z');
    expect(() => dueDate('access', ['pipl'], '2026-03-02T01:00:00Z', { cnDays: 45 })).toThrow(RangeError);
    expect(dueDate('withdraw', ['pipl'], '2026-03-02T01:00:00Z')).toMatchObject({ immediate: true, due: '2026-03-02T01:00:00.000Z', rule: 'PIPL-15-1' });
  });
  it('gives CN account closure 15 working days on the PRC calendar', () => {
    const r = dueDate('close-account', ['pipl'], '2026-02-13T02:00:00Z');
    expect(r).toMatchObject({ rule: 'GBT-8.5-1', due: '2026-03-12T15:59:59.999Z' });
    expect(dueDate('erase', ['pipl'], '2026-02-13T02:00:00Z', { manual: true }).rule).toBe('GBT-8.5-1');
  });
  it('takes the earliest deadline for a subject under several regimes', () => {
    const r = dueDate('access', ['gdpr', 'pipa', 'pipl'], '2026-03-02T01:00:00Z');
    expect(r.regime).toBe('pipa');
    expect(r.all).toHaveLength(3);
    expect(dueDate('object', ['gdpr'], '2026-03-02T01:00:00Z', { marketing: true })).toMatchObject({ immediate: true, rule: 'GDPR-21-2' });
  });
});

describe('breachDeadlines', () => {
  const at = '2026-05-01T00:00:00Z';
  const find = (c: ReturnType<typeof breachDeadlines>, rule: string) => c.find((x) => x.rule === rule)!;
  it('starts PIPA 72 h clocks; the regulator only above the thresholds', () => {
    const small = breachDeadlines({ awareAt: at, regimes: ['pipa'], affected: 10 });
    expect(find(small, 'PIPA-34-1')).toMatchObject({ required: true, due: '2026-05-04T00:00:00.000Z' });
    expect(find(small, 'PIPA-34-2').required).toBe(false);
    for (const extra of [{ affected: 1000 }, { sensitive: true }, { uniqueId: true }, { vector: 'external-intrusion' as const }]) {
      expect(find(breachDeadlines({ awareAt: at, regimes: ['pipa'], ...extra }), 'PIPA-34-2')).toMatchObject({ required: true, due: '2026-05-04T00:00:00.000Z' });
    }
    expect(find(breachDeadlines({ awareAt: at, regimes: ['pipa'], affected: 5000, recovered: true }), 'PIPA-34-2').required).toBe(false);
  });
  it('starts GDPR 72 h for the regulator and "without undue delay" for people at high risk', () => {
    const c = breachDeadlines({ awareAt: at, regimes: ['gdpr'], highRisk: true });
    expect(find(c, 'GDPR-33-1')).toMatchObject({ required: true, due: '2026-05-04T00:00:00.000Z' });
    expect(find(c, 'GDPR-34-1')).toMatchObject({ required: true, due: null });
    expect(find(breachDeadlines({ awareAt: at, regimes: ['gdpr'], riskUnlikely: true }), 'GDPR-33-1').required).toBe(false);
  });
  it('makes PIPL 57 immediate and adds the CAC 4 h / CIIO 1 h clock for major incidents', () => {
    const c = breachDeadlines({ awareAt: at, regimes: ['pipl'], grade: 'major', ciio: true });
    expect(find(c, 'PIPL-57-1')).toMatchObject({ immediate: true, due: '2026-05-01T00:00:00.000Z' });
    expect(find(c, 'CN-CSIR-1').due).toBe('2026-05-01T01:00:00.000Z');
    expect(find(breachDeadlines({ awareAt: at, regimes: ['pipl'], harmAvoided: true }), 'PIPL-57-2')).toMatchObject({ audience: 'individuals', required: false });
  });
});
