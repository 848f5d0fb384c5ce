// Legal holds: which categories a declared legal obligation requires keeping, why, and until when. Pure.
import type { Labels, Purpose, Registry } from '../registry/index.ts';
import { addDuration } from './rights.deadline.ts';

/** One kept category as the person is told about it (GDPR 17(3)(b), PIPL 47 para 2). */
export interface HeldCategory {
  category: string;
  label: string;
  retentionClass: string;
  reasons: { purpose: string; label: string; rule: string | null }[];
  /** When the hold ends, if the registry's retention gives a date; null when it runs until an event. */
  until: string | null;
}

/** Text in a language, falling back to English, then any language. */
export function label(l: Labels | undefined, lang: string): string {
  if (!l) return '';
  return l[lang as keyof Labels] ?? l.en ?? Object.values(l)[0] ?? '';
}

/** Purposes resting on a legal obligation that apply to a role. */
export function obligations(registry: Registry, role: string): Purpose[] {
  return registry.purposes.filter((p) => p.legalBasis === 'legal-obligation' && (!p.roles || p.roles.includes(role)));
}

/** Categories a declared legal obligation requires keeping for this role. */
export function heldCategories(registry: Registry, role: string): Set<string> {
  return new Set(obligations(registry, role).flatMap((p) => p.categories));
}

/** End of the hold of one purpose for a value collected at `collectedAt`; `closedAt` is when the account closed. */
function holdEnd(p: Purpose, collectedAt: Date, closedAt: Date | null): Date | null {
  const r = p.retention;
  if (!r) return null;
  if (r.until === 'account-closed') return closedAt ? addDuration(closedAt, r.grace ?? 'P0D') : null;
  if (r.until) return null;
  return r.duration ? addDuration(collectedAt, r.duration) : null;
}

/** Describes kept values: the obligations behind each category, and the latest end date among them. */
export function describeHolds(registry: Registry, role: string, kept: { category: string; retentionClass: string; collectedAt: Date }[], lang: string, closedAt: Date | null = null): HeldCategory[] {
  const obl = obligations(registry, role);
  return kept.map((k) => {
    const ps = obl.filter((p) => p.categories.includes(k.category));
    const ends = ps.map((p) => holdEnd(p, k.collectedAt, closedAt));
    const until = ends.length === 0 || ends.some((e) => e === null) ? null : new Date(Math.max(...ends.map((e) => e!.getTime())));
    const cat = registry.categories.find((c) => c.id === k.category);
    return {
      category: k.category,
      label: label(cat?.labels, lang) || k.category,
      retentionClass: k.retentionClass,
      reasons: ps.length > 0
        ? ps.map((p) => ({ purpose: p.id, label: label(p.labels, lang), rule: label(p.retention?.rule, lang) || label(p.necessity, lang) || null }))
        : [{ purpose: 'legal-hold', label: 'kept under a legal hold recorded by the controller', rule: null }],
      until: until ? until.toISOString() : null,
    };
  });
}
