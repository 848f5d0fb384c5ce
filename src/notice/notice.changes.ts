// Classifies registry changes as material or not (seed 001's list, PIPL 14 and 17, PIPA 15(2) and 28-8(3)) and names the consents they touch.
import { diffRegistries, type Registry, type RegistryChange } from '../registry/index.ts';
import { consentScopeHash } from './notice.scope.ts';
import { isCrossBorder } from './notice.territory.ts';

/** Why a change is (or is not) material, as a stable code with its English explanation. */
export const CHANGE_REASONS = {
  PURPOSE_ADDED: 'A new purpose of processing',
  PURPOSE_REMOVED: 'A purpose of processing was removed',
  PURPOSE_CHANGED: 'The nature of a purpose changed (legal basis, whether it is required, who it applies to, marketing, profiling or how consent is asked)',
  CATEGORIES_CHANGED: 'The categories of personal information a purpose uses changed',
  SENSITIVE_CATEGORY_ADDED: 'New sensitive personal information',
  METHOD_CHANGED: 'The processing method changed',
  RETENTION_CHANGED: 'The retention period changed',
  SCENARIO_CHANGED: 'A collection scenario or source changed',
  ADM_CHANGED: 'Automated decision-making changed',
  CONTROLLER_CHANGED: "The controller's identity or contact details changed",
  OFFICER_CHANGED: 'The privacy officer or representative, or their contact details, changed',
  COMPLAINT_CHANNEL_CHANGED: 'The complaint channel changed',
  RECIPIENT_ADDED: 'A new recipient of sharing, transfer or public disclosure',
  RECIPIENT_REMOVED: 'A recipient was removed',
  RECIPIENT_CHANGED: 'What a recipient receives, or how and where, changed',
  CROSS_BORDER_ADDED: 'A new cross-border transfer',
  RIGHTS_CHANGED: 'Rights or how to exercise them changed',
  TRACKER_CHANGED: 'Cookies or trackers changed',
  PERMISSION_CHANGED: 'Device permissions changed',
  CHILDREN_CHANGED: "The rules for children's data changed",
  SECURITY_REDUCED: 'A security measure was removed',
  UNCLASSIFIED: 'A change this classifier does not know; treated as material to be safe',
  LABEL_WORDING: 'Wording or translation only',
  SECURITY_ADDED: 'Security measures added or reworded',
  VERSION_BUMP: 'Version number or effective date',
  INTERNAL_RECORD: 'An internal record the notice does not show',
  COLLECTION_REDUCED: 'Less collection: a tracker or device permission was removed',
} as const;

/** A stable reason code. */
export type ChangeReasonCode = keyof typeof CHANGE_REASONS;

const NOT_MATERIAL = new Set<ChangeReasonCode>(['LABEL_WORDING', 'SECURITY_ADDED', 'VERSION_BUMP', 'INTERNAL_RECORD', 'COLLECTION_REDUCED']);

/** A registry change with its materiality, reason and the consents whose scope it alters. */
export interface ClassifiedChange extends RegistryChange {
  material: boolean;
  code: ChangeReasonCode;
  reason: string;
  /** Consent-based purposes and consent-requiring recipients whose consent scope hash differs after the change. */
  affects: { purposes: string[]; recipients: string[] };
}

type Item = { id: string; [k: string]: unknown };
const find = (r: Registry, section: string, id?: string) => ((r as unknown as Record<string, Item[]>)[section] ?? []).find((x) => x.id === id);

/** Field path below the item: `purposes[a].retention.duration` -> ['retention', 'duration']. */
function fieldPath(c: RegistryChange): string[] {
  const rest = c.itemId !== undefined ? c.path.slice(c.path.indexOf(`[${c.itemId}]`) + c.itemId.length + 2) : c.path.slice(c.section.length);
  return rest.split('.').filter(Boolean);
}

function codeFor(c: RegistryChange, before: Registry, after: Registry): ChangeReasonCode {
  const [field, sub] = fieldPath(c);
  const whole = field === undefined;
  switch (c.section) {
    case 'organization':
      if (field === 'names' || field === 'id' || field === 'contact') return 'CONTROLLER_CHANGED';
      if (field === 'privacyOfficer' || field === 'representative') return sub === 'title' ? 'LABEL_WORDING' : 'OFFICER_CHANGED';
      if (field === 'supervisoryAuthority') return 'COMPLAINT_CHANNEL_CHANGED';
      if (field === 'regimes') return 'RIGHTS_CHANGED';
      if (field === 'languages') return 'LABEL_WORDING';
      if (field === 'version' || field === 'effectiveDate') return 'VERSION_BUMP';
      if (field === 'childAge' || field === 'childrenRules') return 'CHILDREN_CHANGED';
      if (field === 'largeScale' || field === 'ciio') return 'INTERNAL_RECORD';
      return 'UNCLASSIFIED';
    case 'categories':
      if (whole) return c.op === 'added' ? (find(after, 'categories', c.itemId)?.sensitivity ? 'SENSITIVE_CATEGORY_ADDED' : 'INTERNAL_RECORD') : 'CATEGORIES_CHANGED';
      if (field === 'sensitivity') return c.op === 'removed' ? 'CATEGORIES_CHANGED' : 'SENSITIVE_CATEGORY_ADDED';
      if (field === 'origin') return 'METHOD_CHANGED';
      if (['labels', 'necessity', 'impact', 'source', 'statute'].includes(field)) return 'LABEL_WORDING';
      return 'INTERNAL_RECORD';
    case 'roles':
      if (field === 'minAge') return 'CHILDREN_CHANGED';
      return field === 'labels' ? 'LABEL_WORDING' : 'INTERNAL_RECORD';
    case 'purposes':
      if (whole) return c.op === 'added' ? 'PURPOSE_ADDED' : 'PURPOSE_REMOVED';
      if (field === 'categories') {
        const added = c.op === 'added' && typeof c.after === 'string' ? find(after, 'categories', c.after) : undefined;
        return added?.sensitivity ? 'SENSITIVE_CATEGORY_ADDED' : 'CATEGORIES_CHANGED';
      }
      if (['labels', 'description', 'necessity'].includes(field)) return 'LABEL_WORDING';
      if (field === 'method') return 'METHOD_CHANGED';
      if (field === 'retention') return sub === 'rule' ? 'LABEL_WORDING' : 'RETENTION_CHANGED';
      if (field === 'scenarios') return 'SCENARIO_CHANGED';
      if (field === 'adm') return 'ADM_CHANGED';
      if (field === 'balancing' || field === 'assessment') return 'INTERNAL_RECORD';
      return 'PURPOSE_CHANGED';
    case 'recipients': {
      const rec = find(after, 'recipients', c.itemId) as Registry['recipients'][number] | undefined;
      const old = find(before, 'recipients', c.itemId) as Registry['recipients'][number] | undefined;
      if (whole) return c.op === 'removed' ? 'RECIPIENT_REMOVED' : rec && isCrossBorder(after, rec) ? 'CROSS_BORDER_ADDED' : 'RECIPIENT_ADDED';
      if (field === 'country' || field === 'mechanism') {
        if (rec && old && isCrossBorder(after, rec) && !isCrossBorder(before, old)) return 'CROSS_BORDER_ADDED';
        if (field === 'mechanism' && sub !== undefined && sub !== 'type') return sub === 'note' ? 'LABEL_WORDING' : 'INTERNAL_RECORD';
        return 'RECIPIENT_CHANGED';
      }
      if (field === 'contract' || field === 'subProcessorOf') return 'INTERNAL_RECORD';
      return 'RECIPIENT_CHANGED';
    }
    case 'scenarios':
      return field === 'labels' ? 'LABEL_WORDING' : 'SCENARIO_CHANGED';
    case 'trackers':
      if (whole) return c.op === 'removed' ? 'COLLECTION_REDUCED' : 'TRACKER_CHANGED';
      if (field === 'labels') return 'LABEL_WORDING';
      return field === 'cookies' || field === 'script' ? 'INTERNAL_RECORD' : 'TRACKER_CHANGED';
    case 'permissions':
      if (whole) return c.op === 'removed' ? 'COLLECTION_REDUCED' : 'PERMISSION_CHANGED';
      return field === 'labels' ? 'LABEL_WORDING' : 'PERMISSION_CHANGED';
    case 'security':
      return whole && c.op === 'removed' ? 'SECURITY_REDUCED' : 'SECURITY_ADDED';
    case 'rightsChannels':
    case 'fees':
      return field === 'labels' ? 'LABEL_WORDING' : 'RIGHTS_CHANGED';
    case 'clauses':
      return 'INTERNAL_RECORD';
    default:
      return 'UNCLASSIFIED';
  }
}

const safeHash = (r: Registry, p: string, x?: string) => (r.purposes.some((q) => q.id === p) && (x === undefined || r.recipients.some((y) => y.id === x && y.purposes.includes(p))) ? consentScopeHash(r, p, x) : undefined);

// Which consents changed scope between the two versions, computed once for all changes.
function staleScopes(before: Registry, after: Registry) {
  const purposes = new Set<string>();
  const recipients = new Set<string>();
  const consentBased = (id: string) => [before, after].some((r) => r.purposes.find((p) => p.id === id)?.legalBasis === 'consent');
  const ids = new Set([...before.purposes, ...after.purposes].map((p) => p.id));
  for (const id of ids) if (consentBased(id) && safeHash(before, id) !== safeHash(after, id)) purposes.add(id);
  // PIPL 23 and 39, PIPA 17: sharing and any cross-border transfer need their own consent; domestic entrustment does not.
  const needsConsent = (r: Registry, x: Registry['recipients'][number]) => x.kind !== 'processor' || isCrossBorder(r, x);
  for (const r of [before, after]) {
    for (const x of r.recipients) {
      if (!needsConsent(r, x)) continue;
      for (const p of new Set([...(before.recipients.find((y) => y.id === x.id)?.purposes ?? []), ...(after.recipients.find((y) => y.id === x.id)?.purposes ?? [])])) {
        if (safeHash(before, p, x.id) !== safeHash(after, p, x.id)) recipients.add(x.id);
      }
    }
  }
  return { purposes, recipients };
}

function touched(c: RegistryChange, before: Registry, after: Registry): { purposes: Set<string>; recipients: Set<string> } {
  const both = [before, after];
  const purposes = new Set<string>();
  const recipients = new Set<string>();
  const id = c.itemId;
  if (c.section === 'purposes' && id) purposes.add(id);
  if (c.section === 'categories' && id) for (const r of both) r.purposes.filter((p) => p.categories.includes(id)).forEach((p) => purposes.add(p.id));
  if (c.section === 'recipients' && id) {
    recipients.add(id);
    for (const r of both) r.recipients.find((x) => x.id === id)?.purposes.forEach((p) => purposes.add(p));
  }
  for (const r of both) for (const x of r.recipients) if (x.purposes.some((p) => purposes.has(p))) recipients.add(x.id);
  return { purposes, recipients };
}

/** Lists every change from `before` to `after` with its materiality, reason and the consents it makes stale. */
export function classifyChanges(before: Registry, after: Registry): ClassifiedChange[] {
  const stale = staleScopes(before, after);
  return diffRegistries(before, after).map((c) => {
    const code = codeFor(c, before, after);
    const t = touched(c, before, after);
    return {
      ...c,
      material: !NOT_MATERIAL.has(code),
      code,
      reason: CHANGE_REASONS[code],
      affects: {
        purposes: [...t.purposes].filter((p) => stale.purposes.has(p)).sort(),
        recipients: [...t.recipients].filter((x) => stale.recipients.has(x)).sort(),
      },
    };
  });
}
