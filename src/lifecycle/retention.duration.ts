// ISO 8601 durations added with calendar arithmetic: years and months clamp to the month end, days are calendar days.
import { addDuration, parseDuration, type DurationParts } from '../registry/index.ts';

export type { DurationParts };

/** Splits an ISO 8601 duration into parts; throws RangeError when it is not one. */
export function parseIsoDuration(iso: string): DurationParts {
  const d = parseDuration(iso);
  if (!d) throw new RangeError(`not an ISO 8601 duration: "${iso}"`);
  return d;
}

/** Adds a duration to an instant in UTC: 31 Jan + P1M is 28 (or 29) Feb, 29 Feb + P1Y is 28 Feb, PT72H is exactly 72 hours. */
export function addIsoDuration(at: Date, iso: string): Date {
  return addDuration(at, parseIsoDuration(iso));
}
