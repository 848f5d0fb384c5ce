// ISO 8601 durations as the registry writes them (P3Y, P6M, P30D, PT72H): parsing and calendar arithmetic,
// shared by the notice (words), retention (expiry) and rights (fee periods).
import { DURATION_RE } from './registry.model.ts';

/** The parts of an ISO 8601 duration, each in its own unit. */
export interface DurationParts {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/** Splits an ISO 8601 duration into parts; undefined when the text is not one. */
export function parseDuration(iso: string): DurationParts | undefined {
  const m = DURATION_RE.exec(iso);
  if (!m) return undefined;
  const n = (s: string | undefined) => (s ? Number.parseInt(s, 10) : 0);
  return { years: n(m[1]), months: n(m[2]), weeks: n(m[3]), days: n(m[4]), hours: n(m[6]), minutes: n(m[7]), seconds: n(m[8]) };
}

/**
 * Adds (sign -1: subtracts) a duration in UTC: years and months first, clamped to the month's last day
 * (31 Jan + P1M is 28 or 29 Feb, like the law's "one month"), then calendar days, then exact hours.
 */
export function addDuration(at: Date, d: DurationParts, sign: 1 | -1 = 1): Date {
  const y = at.getUTCFullYear();
  const month = at.getUTCMonth() + sign * (d.years * 12 + d.months);
  // day 0 of the next month is the last day of the target month
  const last = new Date(Date.UTC(y, month + 1, 0)).getUTCDate();
  const day = Math.min(at.getUTCDate(), last) + sign * (d.weeks * 7 + d.days);
  const base = Date.UTC(y, month, day, at.getUTCHours(), at.getUTCMinutes(), at.getUTCSeconds(), at.getUTCMilliseconds());
  return new Date(base + sign * ((d.hours * 60 + d.minutes) * 60 + d.seconds) * 1000);
}
