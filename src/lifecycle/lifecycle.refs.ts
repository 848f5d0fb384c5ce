// Registry look-ups shared by the records of processing and the impact assessments.
import { GDPR_ADEQUATE, isAbroad, isSensitive } from '../law/index.ts';
import type { Category, Labels, Purpose, Recipient, Regime, Registry } from '../registry/index.ts';

/** An id with its labels in every language the registry gives. */
export interface Named {
  id: string;
  labels: Labels;
}

/** A category of data with the regimes that treat it as sensitive. */
export interface CategoryRef extends Named {
  kind: Category['kind'];
  sensitivity?: Category['sensitivity'];
  /** Regimes of the organization under which the category is sensitive (PIPL 28, PIPA 23/24, GDPR 9/10). */
  sensitiveUnder: Regime[];
  encryptedAtRest: boolean;
  origin: Category['origin'];
  /** PIPL 30: why a sensitive category is needed and its effect on the person. */
  necessity?: Labels;
  impact?: Labels;
}

/** A recipient of a purpose's data, with the categories it receives for that purpose. */
export interface RecipientRef {
  id: string;
  names: Labels;
  kind: Recipient['kind'];
  country: string;
  categories: string[];
  /** Regimes of the organization for which the recipient is abroad. */
  abroadUnder: Regime[];
  mechanism?: Recipient['mechanism'];
  contract?: boolean;
}

/** Categories of a purpose, resolved in the purpose's order. */
export function categoryRefs(reg: Registry, p: Purpose): CategoryRef[] {
  return p.categories.flatMap((id) => {
    const c = reg.categories.find((x) => x.id === id);
    if (!c) return [];
    const ref: CategoryRef = {
      id: c.id, labels: c.labels, kind: c.kind, sensitiveUnder: reg.organization.regimes.filter((r) => isSensitive(c, r)),
      encryptedAtRest: c.encryptedAtRest === true, origin: c.origin,
    };
    if (c.sensitivity) ref.sensitivity = c.sensitivity;
    if (c.necessity) ref.necessity = c.necessity;
    if (c.impact) ref.impact = c.impact;
    return [ref];
  });
}

/** Roles (categories of people) of a purpose, resolved. */
export function roleRefs(reg: Registry, p: Purpose): (Named & { minAge?: number })[] {
  return (p.roles ?? []).flatMap((id) => {
    const r = reg.roles.find((x) => x.id === id);
    return r ? [{ id: r.id, labels: r.labels, ...(r.minAge !== undefined ? { minAge: r.minAge } : {}) }] : [];
  });
}

/** Recipients that receive data for a purpose. */
export function recipientRefs(reg: Registry, p: Purpose): RecipientRef[] {
  return reg.recipients
    .filter((r) => r.purposes.includes(p.id))
    .map((r) => {
      const ref: RecipientRef = {
        id: r.id, names: r.names, kind: r.kind, country: r.country,
        categories: r.categories.filter((c) => p.categories.includes(c)),
        abroadUnder: reg.organization.regimes.filter((g) => isAbroad(r.country, g)),
      };
      if (r.mechanism) ref.mechanism = r.mechanism;
      if (r.contract !== undefined) ref.contract = r.contract;
      return ref;
    });
}

/** Whether a transfer abroad lacks a safeguard: no mechanism, unless every regime it leaves is GDPR and the country is adequate (Art. 45). */
export function lacksSafeguard(r: RecipientRef): boolean {
  if (r.abroadUnder.length === 0 || r.mechanism) return false;
  return !r.abroadUnder.every((g) => g === 'gdpr' && GDPR_ADEQUATE.has(r.country));
}
