import { describe, expect, it } from 'vitest';
import { addDuration, parseDuration } from './registry.duration.ts';

describe('ISO 8601 durations', () => {
  it('parses the registry forms and refuses others', () => {
    expect(parseDuration('P1Y6M')).toMatchObject({ years: 1, months: 6, days: 0 });
    expect(parseDuration('PT72H')).toMatchObject({ hours: 72 });
    for (const bad of ['P', 'PT', '3 years', 'P1.5Y', '']) expect(parseDuration(bad)).toBeUndefined();
  });
  it('adds and subtracts with month ends clamped, then calendar days, then exact hours', () => {
    const add = (at: string, iso: string, sign: 1 | -1 = 1) => addDuration(new Date(at), parseDuration(iso)!, sign).toISOString();
    expect(add('2026-01-31T10:00:00Z', 'P1M')).toBe('2026-02-28T10:00:00.000Z');
    expect(add('2028-02-29T00:00:00Z', 'P1Y')).toBe('2029-02-28T00:00:00.000Z');
    expect(add('2026-03-31T00:00:00Z', 'P1M', -1)).toBe('2026-02-28T00:00:00.000Z');
    expect(add('2026-11-21T23:00:00Z', 'PT72H')).toBe('2026-11-24T23:00:00.000Z');
    expect(add('2026-12-25T00:00:00Z', 'P1W')).toBe('2027-01-01T00:00:00.000Z');
  });
});
