// The scope a consent covers, hashed, so a new registry version shows which consents no longer match.
import { contentHash, type Labels, type Registry } from '../registry/index.ts';

// Free text is compared in the registry's first language only, so adding or fixing a translation
// never invalidates consents.
function primary(registry: Registry, labels: Labels | undefined): string | undefined {
  if (!labels) return undefined;
  const lang = registry.organization.languages[0];
  return labels[lang] ?? labels.en ?? Object.values(labels)[0];
}

/** The data a consent to `purposeId` (optionally for sharing with `recipientId`) covers; undefined for unknown ids. */
export function consentScope(registry: Registry, purposeId: string, recipientId?: string): Record<string, unknown> | undefined {
  const purpose = registry.purposes.find((p) => p.id === purposeId);
  if (!purpose) return undefined;
  const categories = [...purpose.categories].sort().map((id) => {
    const c = registry.categories.find((x) => x.id === id);
    return { id, sensitivity: c?.sensitivity ?? null };
  });
  const r = purpose.retention;
  const scope: Record<string, unknown> = {
    purpose: purpose.id,
    legalBasis: purpose.legalBasis,
    categories,
    method: primary(registry, purpose.method) ?? null,
    retention: r ? { duration: r.duration ?? null, until: r.until ?? null, grace: r.grace ?? null, from: r.from } : null,
    adm: purpose.adm ? purpose.adm.significantEffect : null,
    recipients: registry.recipients
      .filter((x) => x.purposes.includes(purposeId))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((x) => ({ id: x.id, kind: x.kind, country: x.country, categories: x.categories.filter((c) => purpose.categories.includes(c)).sort() })),
  };
  if (recipientId !== undefined) {
    const x = registry.recipients.find((y) => y.id === recipientId && y.purposes.includes(purposeId));
    if (!x) return undefined;
    // PIPL 23 / 39 and PIPA 17 / 28-8(2): the recipient's identity, contact, method, items, retention and transfer terms.
    scope.recipient = {
      id: x.id,
      name: primary(registry, x.names) ?? null,
      kind: x.kind,
      country: x.country,
      contact: x.contact ? { email: x.contact.email ?? null, phone: x.contact.phone ?? null, url: x.contact.url ?? null, address: primary(registry, x.contact.address) ?? null } : null,
      categories: [...x.categories].sort(),
      method: primary(registry, x.method) ?? null,
      retention: primary(registry, x.retention) ?? null,
      transferTime: primary(registry, x.transferTime) ?? null,
      mechanism: x.mechanism?.type ?? null,
    };
  }
  return scope;
}

/** A stable hash of what a consent covers: purpose categories with sensitivity, recipients, retention and method. */
export function consentScopeHash(registry: Registry, purposeId: string, recipientId?: string): string {
  const scope = consentScope(registry, purposeId, recipientId);
  if (!scope) throw new RangeError(`no purpose "${purposeId}"${recipientId ? ` shared with recipient "${recipientId}"` : ''} in this registry`);
  return contentHash(scope);
}
