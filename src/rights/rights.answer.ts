// The access answer (GDPR 15, PIPL 45, PIPA 35): the data, why and on which basis, from where, to whom, how long, and who read it.
import type { Kysely } from 'kysely';
import type { ConsentService } from '../consent/index.ts';
import type { Registry } from '../registry/index.ts';
import type { Database } from '../store/index.ts';
import type { Subject } from '../subjects/index.ts';
import { accessReport, listShares, type AccessRecord, type VaultValues } from '../vault/index.ts';
import { label } from './rights.holds.ts';

/** Everything the person is told in answer to an access request. */
export interface AccessAnswer {
  subject: { id: string; role: string; regimes: string[]; language: string; status: string };
  processed: boolean;
  data: { category: string; label: string; value: string | null; retentionClass: string; collectedAt: string }[];
  purposes: { id: string; label: string; legalBasis: string; categories: string[]; retention: string; consent: string | null }[];
  sources: { category: string; origin: string; source: string | null }[];
  recipients: { recipient: string; name: string; kind: string; country: string; purpose: string; categories: string[]; sharedAt: string }[];
  declaredRecipients: { recipient: string; name: string; kind: string; country: string; categories: string[] }[];
  rights: { channel: string; label: string; contact: string | null; rights: string[] }[];
  complaint: string[];
  accessReport: AccessRecord[];
  connected: Record<string, unknown[]>;
}

/** Retention of a purpose in words. */
function retentionText(p: Registry['purposes'][number], lang: string): string {
  const r = p.retention;
  if (!r) return '';
  const rule = label(r.rule, lang);
  if (rule) return rule;
  const parts = [r.duration ? `${r.duration} from ${r.from}` : '', r.until ? `until ${r.until}${r.grace ? ` + ${r.grace}` : ''}` : ''].filter(Boolean);
  return parts.join(', ');
}

/** Where a person can complain: the channels offering `complain` and the supervisory authority. */
export function complaintRoutes(registry: Registry, lang: string): string[] {
  const out = registry.rightsChannels.filter((c) => c.rights?.includes('complain')).map((c) => `${label(c.labels, lang)}${c.contact ? `: ${c.contact}` : ''}`);
  const sa = label(registry.organization.supervisoryAuthority, lang);
  if (sa) out.push(sa);
  return out;
}

/** Builds the answer from the vault (decrypted for the person), the registry, shares, consents and the audit log. */
export async function buildAccessAnswer(
  deps: { db: Kysely<Database>; vault: VaultValues; consent: ConsentService },
  registry: Registry,
  subject: Subject,
  lang: string,
  connected: Record<string, unknown[]> = {},
): Promise<AccessAnswer> {
  const values = await deps.vault.decryptAll(subject.id);
  const held = new Set(values.map((v) => v.category));
  const catOf = new Map(registry.categories.map((c) => [c.id, c]));
  const shares = await listShares(deps.db, subject.id);
  const state = await deps.consent.state(subject.id).catch(() => []);
  const consentOf = new Map(state.filter((s) => s.type === 'consent' && !s.recipient).map((s) => [s.target, s.status]));
  const purposes = registry.purposes
    .filter((p) => (!p.roles || p.roles.includes(subject.role)) && p.categories.some((c) => held.has(c)))
    .map((p) => ({ id: p.id, label: label(p.labels, lang), legalBasis: p.legalBasis, categories: p.categories.filter((c) => held.has(c)), retention: retentionText(p, lang), consent: consentOf.get(p.id) ?? null }));
  const recName = (id: string) => registry.recipients.find((r) => r.id === id);
  return {
    subject: { id: subject.id, role: subject.role, regimes: subject.regimes, language: subject.language, status: subject.status },
    processed: values.length > 0 || shares.length > 0 || state.length > 0,
    data: values.map((v) => ({ category: v.category, label: label(catOf.get(v.category)?.labels, lang) || v.category, value: v.value, retentionClass: v.retentionClass, collectedAt: v.collectedAt })),
    purposes,
    sources: [...held].map((c) => ({ category: c, origin: catOf.get(c)?.origin ?? 'collected', source: label(catOf.get(c)?.source, lang) || null })),
    recipients: shares.map((s) => ({ recipient: s.recipient, name: label(recName(s.recipient)?.names, lang) || s.recipient, kind: recName(s.recipient)?.kind ?? 'unknown', country: s.country, purpose: s.purpose, categories: s.categories, sharedAt: s.sharedAt })),
    declaredRecipients: registry.recipients
      .filter((r) => r.purposes.some((pid) => purposes.some((p) => p.id === pid)))
      .map((r) => ({ recipient: r.id, name: label(r.names, lang), kind: r.kind, country: r.country, categories: r.categories.filter((c) => held.has(c)) })),
    rights: registry.rightsChannels.map((c) => ({ channel: c.id, label: label(c.labels, lang), contact: c.contact ?? null, rights: c.rights ?? [] })),
    complaint: complaintRoutes(registry, lang),
    accessReport: await accessReport(deps.db, subject.id),
    connected,
  };
}
