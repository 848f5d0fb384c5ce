// Calendar-day arithmetic on local dates and working days on a holiday calendar (PRC by default).
import { PRC_HOLIDAYS, PRC_PROVISIONAL_YEARS, PRC_WORKDAYS } from './prc-calendar.data.ts';

/** A working-day calendar: days off, weekend days worked, and the years it covers. */
export interface WorkCalendar {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
  years: ReadonlySet<number>;
  provisionalYears: ReadonlySet<number>;
}

/** Builds a calendar from lists of YYYY-MM-DD days off and weekend working days per year. */
export function makeCalendar(holidays: Record<number, string[]>, workdays: Record<number, string[]> = {}, provisionalYears: number[] = []): WorkCalendar {
  return {
    holidays: new Set(Object.values(holidays).flat()),
    workdays: new Set(Object.values(workdays).flat()),
    years: new Set([...Object.keys(holidays), ...Object.keys(workdays)].map(Number)),
    provisionalYears: new Set(provisionalYears),
  };
}

/** The PRC calendar shipped with Custodia (2025-2026 official, 2027 provisional). */
export const PRC_CALENDAR: WorkCalendar = makeCalendar(PRC_HOLIDAYS, PRC_WORKDAYS, PRC_PROVISIONAL_YEARS);

/** Adds calendar days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Same date n months later, or the last day of that month when the date does not exist (GDPR "one month"). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))).toISOString().slice(0, 10);
}

/** Whether a YYYY-MM-DD date is a working day; years the calendar does not cover fall back to Monday-Friday. */
export function isWorkingDay(date: string, calendar: WorkCalendar = PRC_CALENDAR): boolean {
  if (calendar.workdays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6;
}

/** The n-th working day after a date (the date itself is not counted). */
export function addWorkingDays(date: string, n: number, calendar: WorkCalendar = PRC_CALENDAR): string {
  let day = date;
  for (let left = n; left > 0; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day, calendar)) left--;
  }
  return day;
}

/** The local calendar date of an instant at a UTC offset in minutes. */
export function localDate(at: Date, offsetMinutes: number): string {
  return new Date(at.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** The last millisecond of a local date at a UTC offset, as a Date. */
export function endOfLocalDay(date: string, offsetMinutes: number): Date {
  return new Date(Date.parse(`${date}T23:59:59.999Z`) - offsetMinutes * 60_000);
}
