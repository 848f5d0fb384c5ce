// Compiles a registry and deployment options once into lookup tables and frozen decisions for decide().
import { requiredConsentKind } from '../law/index.ts';
import type { Purpose, Regime, Registry } from '../registry/index.ts';
import type { Role as PrincipalRole } from '../principals/principals.model.ts';
import { DEFAULT_MASKED_KINDS, type CompileOptions, type Decision, type Effect, type IdentifierKind } from './access.model.ts';
import { decision, LAW, table, type DecisionTable } from './access.table.ts';

/** Category flag: the purpose itself sees this category only masked (purposes[].masked). */
export const MASK_PURPOSE = 1;
/** Category flag: the category's identifier kind is masked for masked actors. */
export const MASK_KIND = 2;

/** One purpose, compiled: lookups and every decision it can give, frozen. */
export interface CompiledPurpose {
  readonly id: string;
  readonly cats: ReadonlyMap<string, number>;
  readonly roles: ReadonlySet<string>;
  readonly departments: ReadonlySet<string>;
  readonly consent: boolean;
  readonly objectable: boolean;
  readonly marketing: boolean;
  readonly noBasisUnderPipl: boolean;
  readonly permissions: readonly string[];
  readonly permissionOff: readonly DecisionTable[];
  readonly notBound: DecisionTable;
  readonly roleDenied: DecisionTable;
  readonly roleNotIn: DecisionTable;
  readonly basisUnavailable: DecisionTable;
  readonly stale: DecisionTable;
  // index: regime bits * 4 + age band (bit 1: under 14, PIPL 31 / PIPA 22-2; bit 2: under the GDPR 8 child age)
  readonly absent: readonly Decision[];
  readonly objectionLegitimate: Decision;
  readonly objectionMarketing: Decision;
  readonly categoryDeny: ReadonlyMap<string, Decision>;
  readonly categoryUnknown: Decision;
  readonly allow: DecisionTable;
  readonly maskedRole: DecisionTable;
  readonly maskedRoleMixed: DecisionTable;
  readonly maskedPurpose: DecisionTable;
  // index 0: a plain actor's per-category effects, 1: a masked actor's
  readonly maskedPurposeMixed: readonly [DecisionTable, DecisionTable];
}

/** A registry compiled for decide(); build it with compilePolicy. */
export interface AccessPolicy {
  readonly purposes: ReadonlyMap<string, CompiledPurpose>;
  readonly kinds: ReadonlyMap<string, IdentifierKind>;
  readonly maskRoles: ReadonlySet<PrincipalRole>;
  readonly maskDepartments: ReadonlySet<string>;
  readonly childAge: number;
  readonly purposeNotDeclared: Decision;
  readonly noCategories: Decision;
  readonly operationUnknown: Decision;
  readonly restricted: DecisionTable;
}

const REGIME_SETS: Regime[][] = Array.from({ length: 8 }, (_, m) => (['pipl', 'pipa', 'gdpr'] as const).filter((_, i) => m & (1 << i)));

/** Compiles the registry and deployment options; throws RangeError when options name undeclared purposes. */
export function compilePolicy(registry: Registry, opts: CompileOptions = {}): AccessPolicy {
  const kinds = new Map<string, IdentifierKind>(registry.categories.map((c) => [c.id, c.kind]));
  const maskKinds = new Set<IdentifierKind>(opts.maskKinds ?? DEFAULT_MASKED_KINDS);
  const declared = new Set(registry.purposes.map((p) => p.id));
  const departmentsOf = new Map<string, Set<string>>();
  for (const [dept, ids] of Object.entries(opts.departments ?? {})) {
    for (const id of ids) {
      if (!declared.has(id)) throw new RangeError(`department "${dept}" names undeclared purpose "${id}"`);
      let set = departmentsOf.get(id);
      if (!set) departmentsOf.set(id, (set = new Set()));
      set.add(dept);
    }
  }
  const childAge = registry.organization.childAge ?? 16;
  const maskFor = opts.maskFor ?? { roles: ['agent'] };
  const purposes = new Map<string, CompiledPurpose>();
  for (const p of registry.purposes) purposes.set(p.id, compilePurpose(registry, p, kinds, maskKinds, departmentsOf.get(p.id) ?? new Set(), childAge));
  return Object.freeze({
    purposes,
    kinds,
    maskRoles: new Set<PrincipalRole>(maskFor.roles ?? []),
    maskDepartments: new Set(maskFor.departments ?? []),
    childAge,
    purposeNotDeclared: decision('deny', 'PURPOSE_NOT_DECLARED', 'The purpose is not declared in the registry.'),
    noCategories: decision('deny', 'NO_CATEGORIES', 'The request names no category.'),
    operationUnknown: decision('deny', 'OPERATION_UNKNOWN', 'The operation is not read, storage or security.'),
    restricted: table('deny', 'RESTRICTED', 'The subject is restricted: only storage and security operations are allowed.', LAW.restricted),
  });
}

function compilePurpose(reg: Registry, p: Purpose, kinds: Map<string, IdentifierKind>, maskKinds: Set<IdentifierKind>, departments: Set<string>, childAge: number): CompiledPurpose {
  const purposeMasked = new Set(p.masked ?? []);
  const cats = new Map<string, number>();
  for (const c of p.categories) {
    const kind = kinds.get(c);
    cats.set(c, (purposeMasked.has(c) ? MASK_PURPOSE : 0) | (kind !== undefined && maskKinds.has(kind) ? MASK_KIND : 0));
  }
  const effects = (bits: number): Readonly<Record<string, Effect>> =>
    // null prototype: a caller looking up "constructor" or "__proto__" gets undefined, not an inherited member
    Object.freeze(Object.assign(Object.create(null) as Record<string, Effect>, Object.fromEntries([...cats].map(([c, f]) => [c, f & bits ? 'allow-masked' : 'allow-full']))));
  const permissions = reg.permissions.filter((x) => x.purposes.includes(p.id)).map((x) => x.id);
  const categoryDeny = new Map<string, Decision>();
  for (const c of reg.categories) {
    if (!cats.has(c.id)) categoryDeny.set(c.id, decision('deny', 'CATEGORY_NOT_IN_PURPOSE', `Category ${c.id} is not used by purpose ${p.id}.`));
  }
  const consentReason = `Purpose ${p.id} rests on consent and no consent is recorded.`;
  const absent = REGIME_SETS.flatMap((regimes) => [undefined, 13, childAge - 1, Math.min(13, childAge - 1)].map((age) => {
    const rules = p.legalBasis === 'consent' ? requiredConsentKind(reg, p.id, regimes, { subjectAge: age }).rules : [];
    return decision('deny', 'CONSENT_ABSENT', consentReason, rules);
  }));
  const compiled: CompiledPurpose = {
    id: p.id,
    cats,
    roles: new Set(p.roles ?? reg.roles.map((r) => r.id)),
    departments,
    consent: p.legalBasis === 'consent',
    // GDPR 21(1): objections reach processing on legitimate interests or a public task
    objectable: p.legalBasis === 'legitimate-interests' || p.legalBasis === 'public-task',
    marketing: p.marketing === true,
    noBasisUnderPipl: p.legalBasis === 'legitimate-interests',
    permissions,
    permissionOff: permissions.map((id) => table('deny', 'PERMISSION_OFF', `Device permission ${id} linked to purpose ${p.id} is switched off.`, LAW.permission)),
    notBound: table('deny', 'ACTOR_PURPOSE_NOT_BOUND', `The actor is not bound to purpose ${p.id}.`, LAW.actor),
    roleDenied: table('deny', 'ACTOR_ROLE_DENIED', `The actor's role may not read personal data for purpose ${p.id}.`, LAW.actor),
    roleNotIn: table('deny', 'ROLE_NOT_IN_PURPOSE', `Purpose ${p.id} does not apply to the subject's role.`, {}),
    basisUnavailable: table('deny', 'BASIS_NOT_AVAILABLE', `Purpose ${p.id} rests on legitimate interests, which PIPL does not recognise.`, LAW.noLegitimateInterest),
    stale: table('deny', 'CONSENT_STALE', `Purpose ${p.id} changed since the subject consented; new consent is needed.`, LAW.stale),
    absent: Object.freeze(absent),
    objectionLegitimate: decision('deny', 'OBJECTION_RECORDED', `The subject objected to purpose ${p.id}.`, ['GDPR-21-1']),
    objectionMarketing: decision('deny', 'OBJECTION_RECORDED', `The subject objected to direct marketing, which purpose ${p.id} is.`, ['GDPR-21-2']),
    categoryDeny,
    categoryUnknown: decision('deny', 'CATEGORY_NOT_IN_PURPOSE', `A requested category is not declared in the registry.`),
    allow: table('allow-full', 'ALLOW', `Purpose ${p.id} allows the read.`, {}),
    maskedRole: table('allow-masked', 'ALLOW_MASKED_ROLE', `Purpose ${p.id} allows the read; the actor sees identifiers masked.`, LAW.masked),
    maskedRoleMixed: table('allow-masked', 'ALLOW_MASKED_ROLE', `Purpose ${p.id} allows the read; the actor sees identifiers masked.`, LAW.masked, effects(MASK_PURPOSE | MASK_KIND)),
    maskedPurpose: table('allow-masked', 'ALLOW_MASKED_PURPOSE', `Purpose ${p.id} sees these categories only masked.`, LAW.masked),
    maskedPurposeMixed: [
      table('allow-masked', 'ALLOW_MASKED_PURPOSE', `Purpose ${p.id} sees some categories only masked.`, LAW.masked, effects(MASK_PURPOSE)),
      table('allow-masked', 'ALLOW_MASKED_PURPOSE', `Purpose ${p.id} sees some categories only masked.`, LAW.masked, effects(MASK_PURPOSE | MASK_KIND)),
    ],
  };
  return Object.freeze(compiled);
}

