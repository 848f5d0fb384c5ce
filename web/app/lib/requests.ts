// Data-subject requests as the rights API returns them, read defensively while that API settles.

/** The fields of a request the screens show. */
export interface RequestView {
  id: string;
  type: string;
  status: string;
  receivedAt: string;
  dueAt: string;
  overdue?: boolean;
  closedAt?: string | null;
  outcome?: { code: string; text: string } | null;
  result?: Record<string, unknown> | null;
  language?: string;
  subjectId?: string;
  fee?: { amount: number; currency: string; copyNo: number } | null;
}

/** Still being worked on. */
export const OPEN = new Set(['awaiting-review', 'open']);

/** The list from an answer that is either `{ requests: [...] }` or a bare array. */
export function requestList(data: unknown): RequestView[] {
  const list = Array.isArray(data) ? data : ((data as { requests?: unknown[] } | undefined)?.requests ?? []);
  return list as RequestView[];
}

/** Overdue by the server's flag, or by the clock for an open request. */
export function isOverdue(r: RequestView, now = Date.now()): boolean {
  return r.overdue ?? (OPEN.has(r.status) && Date.parse(r.dueAt) < now);
}

/** Nearest deadline first. */
export function byDeadline(a: RequestView, b: RequestView): number {
  return Date.parse(a.dueAt) - Date.parse(b.dueAt);
}

/** A fee as the reader's language writes money (GDPR 15(3): a further copy may carry a reasonable fee). */
export function money(fee: { amount: number; currency: string }, lang: string): string {
  try {
    return new Intl.NumberFormat(lang, { style: 'currency', currency: fee.currency }).format(fee.amount);
  } catch {
    return `${fee.amount} ${fee.currency}`;
  }
}
