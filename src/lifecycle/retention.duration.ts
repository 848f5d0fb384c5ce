// ISO 8601 durations added with calendar arithmetic: years and months clamp to the month end, days are calendar days.
import { DURATION_RE } from '../registry/index.ts';

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

/** Splits an ISO 8601 duration (P3Y, P6M, P30D, PT72H, P1Y6M) into parts; throws RangeError when it is not one. */
export function parseIsoDuration(iso: string): DurationParts {
  const m = DURATION_RE.exec(iso);
  if (!m) throw new RangeError(`not an ISO 8601 duration: "${iso}"`);
  const n = (s: string | undefined) => (s ? Number.parseInt(s, 10) : 0);
  return { years: n(m[1]), months: n(m[2]), weeks: n(m[3]), days: n(m[4]), hours: n(m[6]), minutes: n(m[7]), seconds: n(m[8]) };
}

/** Adds a duration to an instant in UTC: 31 Jan + P1M is 28 (or 29) Feb, 29 Feb + P1Y is 28 Feb, PT72H is exactly 72 hours. */
export function addIsoDuration(at: Date, iso: string): Date {
  const d = parseIsoDuration(iso);
  const y = at.getUTCFullYear();
  const month = at.getUTCMonth() + d.years * 12 + d.months;
  // Day 0 of the next month is the last day of the target month.
  const last = new Date(Date.UTC(y, month + 1, 0)).getUTCDate();
  const day = Math.min(at.getUTCDate(), last) + d.weeks * 7 + d.days;
  const base = Date.UTC(y, month, day, at.getUTCHours(), at.getUTCMinutes(), at.getUTCSeconds(), at.getUTCMilliseconds());
  return new Date(base + ((d.hours * 60 + d.minutes) * 60 + d.seconds) * 1000);
}
