// A deterministic synthetic registry and request mix for the decide benchmark and its tests: 50 purposes, 100 categories, 20 recipients.
import { RegistrySchema, type LegalBasis, type Regime, type Registry } from '../registry/index.ts';
import type { AccessActor, AccessRequest, AccessSubject, CompileOptions, ConsentState, IdentifierKind } from './access.model.ts';
import { MARKETING_OBJECTION } from './access.model.ts';

/** The registry, deployment options, named actors and a fixed request mix. */
export interface SyntheticSet {
  registry: Registry;
  options: CompileOptions;
  actors: { id: string; actor: AccessActor }[];
  requests: AccessRequest[];
}

const KINDS: IdentifierKind[] = ['name', 'cn-mobile', 'address', 'email', 'order-number', 'cn-resident-id', 'amount', 'bank-card', 'other', 'location', 'device-id', 'free-text'];
const BASES: LegalBasis[] = ['contract', 'contract', 'consent', 'consent', 'consent', 'legitimate-interests', 'legal-obligation', 'contract', 'consent', 'public-task'];
const ROLES = ['customer', 'consignee', 'member', 'visitor', 'employee'];
const REGIME_SETS: Regime[][] = [['pipl'], ['gdpr'], ['pipa'], ['pipl', 'gdpr'], ['gdpr', 'pipa'], []];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Builds the set from a seed; the same seed always gives the same registry and requests. */
export function syntheticRegistry(seed = 42, requestCount = 4096): SyntheticSet {
  const r = rng(seed);
  const int = (n: number) => Math.floor(r() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  const some = <T>(xs: readonly T[], k: number): T[] => [...new Set(Array.from({ length: k }, () => pick(xs)))];
  const L = (en: string) => ({ en });

  const categories = Array.from({ length: 100 }, (_, i) => ({ id: `c${i}`, kind: KINDS[i % KINDS.length], labels: L(`Category ${i}`) }));
  const catIds = categories.map((c) => c.id);
  const purposes = Array.from({ length: 50 }, (_, i) => {
    const cats = some(catIds, 4 + int(8));
    const legalBasis = BASES[i % BASES.length];
    return {
      id: `p${i}`, labels: L(`Purpose ${i}`), categories: cats, legalBasis, required: legalBasis !== 'consent',
      ...(i % 3 === 0 ? {} : { roles: some(ROLES, 1 + int(3)) }),
      ...((legalBasis === 'consent' || legalBasis === 'legitimate-interests') && i % 4 === 1 ? { marketing: true } : {}),
      ...(i % 7 === 0 ? { masked: cats.slice(0, 1) } : {}),
    };
  });
  const purposeIds = purposes.map((p) => p.id);
  const consentPurposes = purposes.filter((p) => p.legalBasis === 'consent').map((p) => p.id);
  const recipients = Array.from({ length: 20 }, (_, i) => {
    const ps = some(purposeIds, 1 + int(3));
    const cats = [...new Set(ps.flatMap((id) => purposes[Number(id.slice(1))].categories))].slice(0, 4);
    return { id: `r${i}`, names: L(`Recipient ${i}`), kind: pick(['processor', 'affiliate', 'third-party'] as const), country: pick(['CN', 'KR', 'DE', 'JP']), purposes: ps, categories: cats };
  });
  const permissions = (['location', 'camera', 'album', 'microphone', 'contacts'] as const).map((permission) => ({
    id: `perm-${permission}`, permission, labels: L(permission), purposes: some(consentPurposes, 2 + int(2)),
  }));
  const registry = RegistrySchema.parse({
    organization: { id: 'synthetic', names: L('Synthetic'), contact: { email: 'p@example.com' }, regimes: ['pipl', 'pipa', 'gdpr'], languages: ['en'], version: '1', effectiveDate: '2026-01-01' },
    categories, roles: ROLES.map((id) => ({ id, labels: L(id) })), purposes, recipients, permissions,
  });

  const departments: Record<string, string[]> = {};
  for (let d = 0; d < 5; d++) departments[`dept${d}`] = some(purposeIds, 12);
  const actors: SyntheticSet['actors'] = [
    { id: 'admin', actor: { kind: 'staff', role: 'admin', purposes: [] } },
    { id: 'officer', actor: { kind: 'staff', role: 'privacy-officer', purposes: [] } },
    { id: 'auditor', actor: { kind: 'staff', role: 'auditor', purposes: [] } },
    ...Object.keys(departments).map((d) => ({ id: `agent-${d}`, actor: { kind: 'staff', role: 'agent', department: d, purposes: [] } as AccessActor })),
    ...Array.from({ length: 10 }, (_, i) => ({ id: `svc${i}`, actor: { kind: 'service', role: 'service', purposes: some(purposeIds, 3 + int(6)) } as AccessActor })),
  ];
  const subjects: AccessSubject[] = Array.from({ length: 200 }, () => {
    const consents = new Map<string, ConsentState>();
    for (const p of consentPurposes) {
      const x = r();
      if (x < 0.8) consents.set(p, 'granted');
      else if (x < 0.9) consents.set(p, 'stale');
    }
    const s: AccessSubject = { role: r() < 0.97 ? pick(ROLES) : 'guest', regimes: pick(REGIME_SETS), consents };
    if (r() < 0.5) s.age = 10 + int(60);
    if (r() < 0.03) s.restricted = true;
    if (r() < 0.1) s.objections = r() < 0.5 ? [MARKETING_OBJECTION] : some(purposeIds, 2);
    if (r() < 0.1) s.permissionsOff = [pick(permissions).id];
    return s;
  });

  const byRole = new Map([...ROLES, 'guest'].map((role) => [role, subjects.filter((x) => x.role === role)]));
  const requests: AccessRequest[] = Array.from({ length: requestCount }, () => {
    const { actor } = pick(actors);
    const own = actor.kind === 'service' ? actor.purposes : actor.role === 'agent' ? departments[actor.department!] : purposeIds;
    const purpose = r() < 0.01 ? 'undeclared' : r() < 0.85 ? pick(own) : pick(purposeIds);
    const p = purposes.find((x) => x.id === purpose);
    const base = p ? some(p.categories, 1 + int(4)) : ['c0'];
    const categories = r() < 0.05 ? [...base, pick(catIds)] : base;
    const role = p && r() < 0.9 ? pick(p.roles ?? ROLES) : pick([...ROLES, 'guest']);
    const subject = pick(byRole.get(role)!);
    const x = r();
    const operation = x < 0.03 ? 'storage' : x < 0.05 ? 'security' : x < 0.5 ? 'read' : undefined;
    return operation ? { actor, subject, purpose, categories, operation } : { actor, subject, purpose, categories };
  });
  return { registry, options: { departments }, actors, requests };
}
