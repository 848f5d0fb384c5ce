// Response deadlines for data-subject requests per regime, from the "Deadlines at a glance" table of rules.md.
import { RIGHTS, type Regime } from '../registry/index.ts';
import { addDays, addMonths, addWorkingDays, endOfLocalDay, localDate, PRC_CALENDAR, type WorkCalendar } from './law.calendar.ts';

/** A request kind: a right from the registry schema, or a PIPA 20 source-information request. */
export type RequestKind = (typeof RIGHTS)[number] | 'source-info';

/** Knobs for `dueDate`; every period may be shortened, never lengthened. */
export interface DueOptions {
  /** CN response period in calendar days (GB/T 35273 8.7 practice: 30). */
  cnDays?: number;
  /** KR response period in calendar days (Decree 41-44: 10). */
  krDays?: number;
  /** CN rectify or erase handled manually: capped at 15 working days like account closure. */
  manual?: boolean;
  /** The objection is to direct marketing (GDPR 21(3): stop at once). */
  marketing?: boolean;
  /** When a GDPR extension was recorded and told to the person; counts only within the first month. */
  extensionRecordedAt?: Date | string;
  /** PRC working-day calendar for closure (default: the shipped 2025-2027 calendar). */
  calendar?: WorkCalendar;
  /** UTC offset in minutes used to find each regime's calendar day (defaults: pipl +480, pipa +540, gdpr 0). */
  utcOffsets?: Partial<Record<Regime, number>>;
}

/** One regime's deadline: `due` is an ISO 8601 UTC instant (end of the last local day, or the receipt itself when immediate). */
export interface Deadline {
  regime: Regime;
  due: string;
  immediate: boolean;
  rule: string;
  basis: string;
  extended?: boolean;
}

/** The earliest deadline across the subject's regimes, with every regime's own deadline in `all`. */
export interface DueResult extends Deadline {
  all: Deadline[];
}

const OFFSETS: Record<Regime, number> = { pipl: 480, pipa: 540, gdpr: 0 };

function limit(value: number | undefined, max: number, name: string): number {
  if (value === undefined) return max;
  if (!Number.isInteger(value) || value < 0 || value > max) throw new RangeError(`${name} must be an integer from 0 to ${max}`);
  return value;
}

function cn(kind: RequestKind, day: string, o: DueOptions): [string | null, string, string] {
  const cal = o.calendar ?? PRC_CALENDAR;
  const days = limit(o.cnDays, 30, 'cnDays');
  if (kind === 'withdraw') return [null, 'PIPL-15-1', 'withdrawal takes effect at once'];
  if (kind === 'close-account' || kind === 'complain') return [addWorkingDays(day, 15, cal), 'GBT-8.5-1', '15 working days (PRC calendar)'];
  const calendarDue = addDays(day, days);
  if (o.manual && (kind === 'rectify' || kind === 'erase')) {
    const wd = addWorkingDays(day, 15, cal);
    return wd < calendarDue ? [wd, 'GBT-8.5-1', '15 working days for manual handling'] : [calendarDue, 'GBT-8.7-1', `${days} days`];
  }
  return [calendarDue, 'GBT-8.7-1', `${days} days (PIPL "timely")`];
}

function kr(kind: RequestKind, day: string, o: DueOptions): [string | null, string, string] {
  const days = limit(o.krDays, 10, 'krDays');
  if (kind === 'source-info') return [null, 'PIPA-20-1', 'at once on request'];
  if (kind === 'adm-explanation' || kind === 'adm-human-review') return [addDays(day, 30), 'PIPA-37.2-1', '30 days'];
  // Decree 41-44: "10 days" are calendar days counted from the day after receipt.
  const rule = kind === 'rectify' || kind === 'erase' || kind === 'close-account' ? 'PIPA-36-1'
    : kind === 'restrict' || kind === 'object' || kind === 'withdraw' ? 'PIPA-37-1'
    : kind === 'portability' ? 'PIPA-35.2-1' : kind === 'complain' ? 'PIPA-38-1' : 'PIPA-35-1';
  return [addDays(day, days), rule, `${days} days from the day after receipt`];
}

/** The due date of a request received at `receivedAt` for a subject under `regimes`; the earliest regime wins. */
export function dueDate(kind: RequestKind, regimes: Regime[], receivedAt: Date | string, options: DueOptions = {}): DueResult {
  if (regimes.length === 0) throw new RangeError('at least one regime is needed');
  const received = new Date(receivedAt);
  if (Number.isNaN(received.getTime())) throw new RangeError(`invalid receivedAt "${String(receivedAt)}"`);
  const all: Deadline[] = [...new Set(regimes)].map((regime) => {
    const offset = options.utcOffsets?.[regime] ?? OFFSETS[regime];
    const day = localDate(received, offset);
    let extended = false;
    let [last, rule, basis]: [string | null, string, string] = regime === 'pipl' ? cn(kind, day, options) : regime === 'pipa' ? kr(kind, day, options) : [addMonths(day, 1), 'GDPR-12-1', 'one month'];
    if (regime === 'gdpr' && kind === 'object' && options.marketing) [last, rule, basis] = [null, 'GDPR-21-2', 'marketing objection: stop at once'];
    if (regime === 'gdpr' && last !== null && options.extensionRecordedAt !== undefined) {
      // Art. 12(3): the extension counts only if recorded and told within the first month.
      if (new Date(options.extensionRecordedAt).getTime() <= endOfLocalDay(last, offset).getTime()) {
        [last, basis, extended] = [addMonths(day, 3), 'one month + two months extension', true];
      }
    }
    const due = last === null ? received.toISOString() : endOfLocalDay(last, offset).toISOString();
    return { regime, due, immediate: last === null, rule, basis, ...(extended ? { extended } : {}) };
  });
  const earliest = all.reduce((a, b) => (b.due < a.due ? b : a));
  return { ...earliest, all };
}
