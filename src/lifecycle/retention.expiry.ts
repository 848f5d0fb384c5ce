// When a stored value must be deleted: each purpose's retention applied to the value's dates; the longest-lived purpose wins.
import type { Purpose, Registry, Retention } from '../registry/index.ts';
import { addIsoDuration } from './retention.duration.ts';

/** What is known about one stored value; event dates are those of the person's account, contract or consent. */
export interface RetainedValue {
  /** Purposes the value serves. */
  purposes: string[];
  /** Registry category id of the value. */
  category: string;
  collectedAt: Date | string;
  lastUsedAt?: Date | string;
  accountClosedAt?: Date | string;
  contractEndedAt?: Date | string;
  consentWithdrawnAt?: Date | string;
  purposeFulfilledAt?: Date | string;
}

/** Why an expiry is what it is. */
export type ExpiryReason =
  | 'duration' // a fixed period from collection or last use
  | 'after-event' // the until-event happened; event + grace
  | 'capped' // the until-event has not happened (or came later) and the duration ends first
  | 'awaiting-event' // kept until an event that has not happened yet
  | 'rule-only' // only a text rule; a person has to decide
  | 'open-ended' // "until the purpose is fulfilled" with no period
  | 'no-retention' // the purpose declares no retention
  | 'unknown-purpose'
  | 'category-not-in-purpose'
  | 'no-purpose';

/** The expiry under one purpose. */
export interface PurposeExpiry {
  purpose: string;
  expiresAt: string | null;
  reason: ExpiryReason;
}

/** The expiry of a value: null when no date can be computed (then `reason` says why and a person or event decides). */
export interface Expiry {
  expiresAt: string | null;
  reason: ExpiryReason;
  /** The purpose that keeps the value longest (and so decides), or null when none applies. */
  purpose: string | null;
  /** Whether `now` is at or past the expiry. */
  expired: boolean;
  perPurpose: PurposeExpiry[];
}

const EVENT_FIELD = {
  'account-closed': 'accountClosedAt',
  'contract-ended': 'contractEndedAt',
  'consent-withdrawn': 'consentWithdrawnAt',
  'purpose-fulfilled': 'purposeFulfilledAt',
} as const;

function instant(v: Date | string, name: string): Date {
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) throw new RangeError(`invalid ${name} "${String(v)}"`);
  return d;
}

function underRetention(r: Retention, v: RetainedValue): { at: Date | null; reason: ExpiryReason } {
  const anchor = instant(r.from === 'last-use' ? (v.lastUsedAt ?? v.collectedAt) : v.collectedAt, r.from === 'last-use' ? 'lastUsedAt' : 'collectedAt');
  const capped = r.duration ? addIsoDuration(anchor, r.duration) : null;
  if (r.until) {
    const event = v[EVENT_FIELD[r.until]];
    if (event !== undefined) {
      const end = addIsoDuration(instant(event, EVENT_FIELD[r.until]), r.grace ?? 'PT0S');
      // A duration beside an until-trigger is a ceiling: whichever comes first ends the keeping.
      return capped && capped < end ? { at: capped, reason: 'capped' } : { at: end, reason: 'after-event' };
    }
    if (capped) return { at: capped, reason: 'capped' };
    return { at: null, reason: r.until === 'purpose-fulfilled' ? 'open-ended' : 'awaiting-event' };
  }
  if (capped) return { at: capped, reason: 'duration' };
  return { at: null, reason: 'rule-only' };
}

function forPurpose(p: Purpose | undefined, id: string, v: RetainedValue): PurposeExpiry {
  if (!p) return { purpose: id, expiresAt: null, reason: 'unknown-purpose' };
  if (!p.categories.includes(v.category)) return { purpose: id, expiresAt: null, reason: 'category-not-in-purpose' };
  if (!p.retention) return { purpose: id, expiresAt: null, reason: 'no-retention' };
  const { at, reason } = underRetention(p.retention, v);
  return { purpose: id, expiresAt: at ? at.toISOString() : null, reason };
}

// Purposes that cannot justify keeping the value do not extend its life.
const IGNORED: ReadonlySet<ExpiryReason> = new Set(['unknown-purpose', 'category-not-in-purpose']);

/** When a value must be deleted under the registry: each purpose's retention, the longest one deciding (GDPR 5(1)(e), PIPL 19 and 47, PIPA 21). */
export function expiryFor(registry: Registry, value: RetainedValue, now: Date | string): Expiry {
  const clock = instant(now, 'now');
  instant(value.collectedAt, 'collectedAt');
  const perPurpose = [...new Set(value.purposes)].map((id) => forPurpose(registry.purposes.find((p) => p.id === id), id, value));
  const counted = perPurpose.filter((e) => !IGNORED.has(e.reason));
  if (counted.length === 0) {
    const reason = perPurpose.length === 0 ? 'no-purpose' : perPurpose[0].reason;
    return { expiresAt: null, reason, purpose: null, expired: false, perPurpose };
  }
  // A purpose without a computable end keeps the value alive until a person or an event decides.
  const open = counted.find((e) => e.expiresAt === null);
  if (open) return { expiresAt: null, reason: open.reason, purpose: open.purpose, expired: false, perPurpose };
  const longest = counted.reduce((a, b) => (b.expiresAt! > a.expiresAt! ? b : a));
  return { expiresAt: longest.expiresAt, reason: longest.reason, purpose: longest.purpose, expired: clock.toISOString() >= longest.expiresAt!, perPurpose };
}
