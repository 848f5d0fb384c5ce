// Deadlines and fees of requests: the law's dueDate per type and regime, the GDPR extension rule, copy fees. Pure.
import { dueDate, type DueOptions, type DueResult } from '../law/index.ts';
import { addDuration as addRegistryDuration, parseDuration, type Regime, type Registry } from '../registry/index.ts';
import { LAW_KIND, type RequestType } from './rights.model.ts';

/** Deployment knobs for deadlines: shorter periods are allowed, never longer ones (law.dueDate checks). */
export type DeadlineOptions = Pick<DueOptions, 'cnDays' | 'krDays' | 'calendar' | 'utcOffsets'>;

/** The deadline of a request received at `receivedAt`: the earliest of the subject's regimes. */
export function requestDeadline(type: RequestType, regimes: Regime[], receivedAt: Date, opts: DeadlineOptions & { marketing?: boolean; extensionRecordedAt?: Date } = {}): DueResult {
  return dueDate(LAW_KIND[type], regimes, receivedAt, opts);
}

/** Why an extension is refused, or the new deadline when it is allowed (GDPR 12(3): recorded and told within month one). */
export function extendDeadline(type: RequestType, regimes: Regime[], receivedAt: Date, now: Date, opts: DeadlineOptions = {}): { ok: true; deadline: DueResult } | { ok: false; reason: string } {
  if (!regimes.includes('gdpr')) return { ok: false, reason: 'only the GDPR allows extending the deadline (Art. 12(3)); this person is not under the GDPR' };
  const before = requestDeadline(type, regimes, receivedAt, opts);
  const after = requestDeadline(type, regimes, receivedAt, { ...opts, extensionRecordedAt: now });
  const gdpr = after.all.find((d) => d.regime === 'gdpr')!;
  if (gdpr.immediate) return { ok: false, reason: 'this request takes effect at once and cannot be extended' };
  if (!gdpr.extended) return { ok: false, reason: 'an extension must be recorded and told to the person within the first month (GDPR 12(3)); that month has passed' };
  if (after.due === before.due) return { ok: false, reason: `the ${before.regime.toUpperCase()} deadline (${before.basis}) applies too and cannot be extended` };
  return { ok: true, deadline: after };
}

/** Whether a request still open is past its deadline. */
export function isOverdue(dueAt: Date | string, closedAt: Date | string | null, now: Date): boolean {
  return closedAt === null && new Date(dueAt).getTime() < now.getTime();
}

/** Adds (or with sign -1 subtracts) an ISO 8601 duration to an instant; null when the text is not a duration. */
export function addDuration(at: Date, iso: string, sign: 1 | -1 = 1): Date | null {
  const parts = parseDuration(iso);
  return parts ? addRegistryDuration(at, parts, sign) : null;
}

/** What a copy costs: the registry's `fees` (first copy free, then `amount` per copy within `period`). */
export interface CopyFee {
  copyNo: number;
  amount: number;
  currency: string;
}

/** The fee of the next copy given how many copies the person had within the fee period. */
export function copyFee(fees: Registry['fees'], copiesInPeriod: number): CopyFee {
  const copyNo = copiesInPeriod + 1;
  const currency = fees?.currency ?? 'EUR';
  if (!fees || fees.amount === undefined || fees.amount === 0) return { copyNo, amount: 0, currency };
  // GDPR 15(3): the first copy is free; a reasonable fee only for further copies
  if (copyNo === 1 && fees.firstCopyFree !== false) return { copyNo, amount: 0, currency };
  return { copyNo, amount: fees.amount, currency };
}

/** The start of the fee period that ends at `now` (default one year when the registry names none). */
export function feePeriodStart(fees: Registry['fees'], now: Date): Date {
  return addDuration(now, fees?.period ?? 'P1Y', -1) ?? addDuration(now, 'P1Y', -1)!;
}
